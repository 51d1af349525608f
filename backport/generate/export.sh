#!/bin/sh
# export.sh - turn the generated diffs of one kernel into a quilt series.
#
# Usage: export.sh OUTDIR
# Inputs: OUTDIR/gen/NNNN-<slug>.diff and .meta from generate.sh (none:
#   the tree carries every commit, and the series is empty);
#   OUTDIR/verdict.txt, the verdicts, which the series file's header
#   comment repeats.
# Outputs: OUTDIR/series and OUTDIR/patches/NNNN-<slug>.patch, each patch
#   with a SUSE/Debian style header (From, Subject, Git-commit,
#   Patch-mainline, References, Backport) above its diff, then a
#   paragraph "Also changes: ..." for every effect beyond the feature
#   itself that a rule applied declares, and "Not backported: ..." lines. Written to a
#   temporary directory first and swapped in, so a reader never sees half a
#   series; the same input gives byte-identical output.
# Errors: exit 1 when there is no gen/ directory (generate.sh has not run).
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: export.sh OUTDIR"
out=$1
[ -d "$out/gen" ] || die "no $out/gen: run generate.sh first"

field() { awk -v k="$1: " 'index($0, k) == 1 { print substr($0, length(k) + 1) }' "$2"; }
# para FIELD LABEL: each FIELD line of the meta $m as a paragraph
# "LABEL: text", folded at 72 columns.
para() {
	field "$1" "$m" | while IFS= read -r a; do
		printf '\n%s: %s\n' "$2" "$a" | fold -s -w 72 | sed 's/ *$//'
	done
}

tmp=$(work_tmp "$out/.export")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
mkdir "$tmp/patches"
{
	printf '# zpci-backport series for %s: the commits of "Error recovery for\n' "$(basename "$out")"
	printf '# vfio-pci devices on s390x" this tree lacks, in upstream order.\n'
	printf '# What the tree carries, by its content (verdict.txt):\n'
	sed 's/^/#   /' "$out/verdict.txt" 2>/dev/null || :
} > "$tmp/series"
for d in "$out"/gen/*.diff; do
	[ -f "$d" ] || continue
	m=${d%.diff}.meta
	stem=$(basename "$d" .diff)
	kind=$(field kind "$m")
	why=$(field why "$m")
	{
		printf 'From: %s\n' "$(field author "$m")"
		[ "$kind" = compat ] || printf 'Date: %s\n' "$(date -u -R -d "$(field date "$m")")"
		printf 'Subject: %s\n' "$(field subject "$m")"
		[ "$kind" = compat ] || printf 'Git-commit: %s\n' "$(field commit "$m")"
		printf 'Patch-mainline: %s\n' "$(field mainline "$m")"
		[ "$kind" = compat ] || printf 'References: %s\nLink: %s\n' "$(field link "$m")" "$(field link "$m")"
		printf 'Backport: zpci-backport %s; rules: %s; compat: %s\n' \
			"$kind" "$(field rules "$m" | sed 's/^ *//')" "$(field compat "$m")"
		echo
		if [ "$kind" = compat ]; then
			printf 'Private headers the rest of this series includes, because %s.\nThey are not upstream code and go away with a kernel that has the API.\n' "$why"
		elif [ "$kind" = prerequisite ]; then
			printf 'Prerequisite of the backport of "Error recovery for vfio-pci devices\non s390x": %s.\n' "$why"
		else
			printf 'Backport of upstream commit %s\nfor this kernel, generated from the upstream tree by zpci-backport.\n' "$(field commit "$m")"
		fi
		para 'backport note' 'Backport note'
		para 'also changes' 'Also changes'
		para 'not backported' 'Not backported'
		echo '---'
		cat "$d"
	} > "$tmp/patches/$stem.patch"
	printf '%s.patch\n' "$stem" >> "$tmp/series"
done

rm -rf "$out/patches.old"
[ ! -d "$out/patches" ] || mv "$out/patches" "$out/patches.old"
mv "$tmp/patches" "$out/patches"
mv "$tmp/series" "$out/series"
rm -rf "$out/patches.old" "$tmp"
