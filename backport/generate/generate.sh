#!/bin/sh
# generate.sh - generate the backport, one diff per upstream commit (and per
# prerequisite), for one kernel tree, from the semantic patches.
#
# Usage: generate.sh KERNEL TREE UPSTREAM OUTDIR
#   KERNEL    label (a versions name or the NAME= of a user tree)
#   TREE      the pristine target tree (read only)
#   UPSTREAM  the upstream tree the new definitions come from (read only)
#   OUTDIR    out/<kernel>; must hold probes.json (the probe stage) and
#             verdict.json (the verdict stage): the units whose commit is
#             "absent" there are generated, in upstream order, and only they
# Outputs: OUTDIR/gen/NNNN-<slug>.diff and .meta (commit, subject, author,
#   kind, rules), written to a temporary directory and renamed into place.
#   Each diff is made against the tree as the diffs before it leave it.
# Errors: exit 1 when a rule does not match as announced (the message names
#   rule, file and kernel) or a diff does not apply back; exit 2 when probe
#   results are missing.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 4 ] || usage_die "usage: generate.sh KERNEL TREE UPSTREAM OUTDIR"
kernel=$1 tree=$2 upstream=$3 out=$4
sp=$ZPCI_TOP/semantic-patches
probes=$out/probes.json
[ -f "$probes" ] || usage_die "no probe results for $kernel at $probes"
verdicts=$out/verdict.json
[ -f "$verdicts" ] || usage_die "no verdicts for $kernel at $verdicts (run backport/probe/verdict.sh)"
# absent UNIT: the verdict stage found UNIT's commit absent from the tree.
absent() {
	jq -e --arg u "$(basename "$1")" 'any(.[]; .unit == $u and .verdict == "absent")' "$verdicts" > /dev/null
}

hdr() { sh "$ZB/lib/cocci-header.sh" "$1" "$2"; }

tmp=$(work_tmp "$out/.gen")
trap 'rm -rf "$tmp"' EXIT
base=$tmp/base
mkdir -p "$base" "$tmp/diffs"


seq=0
# Compat headers first, as one patch: each header a probe asks for is added
# as a private header next to the code that includes it; none when the
# tree carries every commit already.
compat=
rm -rf "$tmp/work"
mkdir -p "$tmp/work"
headers=
for unit in "$sp"/series/[0-9][0-9]-*.cocci; do
	if absent "$unit"; then headers=$(echo "$ZPCI_TOP"/compat/headers/*.h); break; fi
done
for h in $headers; do
	[ -f "$h" ] || continue
	rc=0; sh "$ZB/probe/needed.sh" "$(hdr "$h" 'Needed when')" "$probes" || rc=$?
	[ "$rc" -le 1 ] || exit 2
	[ "$rc" -eq 0 ] || continue
	dest=$(hdr "$h" Install) user=$(hdr "$h" 'Included by')
	{ [ -n "$dest" ] && [ -n "$user" ]; } || die "$h: no Install or Included by line"
	[ ! -e "$tree/$dest" ] || die "compat header $dest is in the $kernel tree already"
	[ -f "$tree/$user" ] || die "compat header $(basename "$h"): $user is not in the $kernel tree"
	for f in "$dest" "$user"; do
		mkdir -p "$(dirname "$tmp/work/$f")"
		[ -f "$tmp/work/$f" ] || [ ! -f "$tree/$f" ] || { cp "$tree/$f" "$tmp/work/$f"; chmod u+w "$tmp/work/$f"; }
	done
	cp "$h" "$tmp/work/$dest"
	# The include goes after the last #include line of the user.
	awk -v inc="#include \"$(basename "$dest")\"" '
		{ line[NR] = $0 } /^#include / { last = NR }
		END { for (i = 1; i <= NR; i++) { print line[i]; if (i == last) print inc } }' \
		"$tmp/work/$user" > "$tmp/work/$user.new"
	mv "$tmp/work/$user.new" "$tmp/work/$user"
	compat="$compat $(basename "$h")"
done
if [ -n "$compat" ]; then
	seq=1
	stem=0001-compat-headers
	(cd "$tmp/work" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) | while read -r f; do
		old=$tree/$f
		[ -f "$old" ] || old=/dev/null
		diff -up --label "a/$f" --label "b/$f" "$old" "$tmp/work/$f" || true
	done > "$tmp/diffs/$stem.diff"
	(cd "$tmp/work" && find . -type f | sed 's|^\./||') | while read -r f; do
		[ -f "$tree/$f" ] || continue
		mkdir -p "$(dirname "$base/$f")"
		cp "$tree/$f" "$base/$f"
		chmod u+w "$base/$f"
	done
	patch -p1 -s --fuzz=0 --no-backup-if-mismatch -d "$base" < "$tmp/diffs/$stem.diff" ||
		die "compat headers on $kernel: their diff does not apply back"
	{
		printf 'commit: %s\n' none
		printf 'subject: %s\n' "zpci-backport: add private compat headers"
		printf 'author: %s\n' "zpci-backport <zpci-backport@localhost>"
		printf 'kind: %s\n' compat
		printf 'mainline: %s\n' "Never, private compat headers of zpci-backport for APIs this tree lacks"
		printf 'why: %s\n' "the tree's probe results satisfy$(for c in $compat; do printf ' %s (%s);' "$(hdr "$ZPCI_TOP/compat/headers/$c" 'Needed when')" "$c"; done | sed 's/;$//')"
		printf 'rules: %s\n' none
		printf 'compat:%s\n' "$compat"
	} > "$tmp/diffs/$stem.meta"
fi

for unit in "$sp"/series/[0-9][0-9]-*.cocci; do
	absent "$unit" || continue
	commit=$(hdr "$unit" Upstream | cut -d' ' -f1)
	full=$(commit_field "$commit" id) ||
		die "$(basename "$unit"): upstream commit '$commit' has no line (or more than one) in semantic-patches/commits"

	# The unit's own rules first, then the lowerings that follow it here.
	rules=$unit
	for low in "$sp"/lowering/lower-*.cocci; do
		[ -f "$low" ] || continue
		[ "$(hdr "$low" Upstream | cut -d' ' -f1)" = "$commit" ] || continue
		lrc=0; sh "$ZB/probe/needed.sh" "$(hdr "$low" 'Needed when')" "$probes" || lrc=$?
		[ "$lrc" -le 1 ] || exit 2
		[ "$lrc" -eq 0 ] && rules="$rules $low"
	done

	files=$(for r in $rules; do hdr "$r" Files; done | sh "$ZB/generate/pick-files.sh" "$tree" | sort -u) ||
		die "$(basename "$unit") on $kernel: a file it changes is not in the tree"
	for f in $files; do
		[ -f "$base/$f" ] && continue
		[ -f "$tree/$f" ] || die "$(basename "$unit") on $kernel: $f is not in the tree"
		mkdir -p "$(dirname "$base/$f")"
		cp "$tree/$f" "$base/$f"
		chmod u+w "$base/$f"
	done
	rm -rf "$tmp/work"
	cp -R "$base" "$tmp/work"
	for r in $rules; do
		sh "$ZB/generate/apply-cocci.sh" "$kernel" "$r" "$tmp/work" "$upstream" "$probes"
	done

	seq=$((seq + 1))
	slug=$(basename "$unit" .cocci | sed 's/^[0-9]*-[0-9a-f]*-//')
	stem=$(printf '%04d-%s' "$seq" "$slug")
	: > "$tmp/diffs/$stem.diff"
	for f in $files; do
		# spatch leaves a blank line it adds as indentation only: drop
		# added lines that hold nothing but blanks, then recount hunks.
		diff -up --label "a/$f" --label "b/$f" "$base/$f" "$tmp/work/$f" |
			sed '/^+[[:space:]]\{1,\}$/d' | recountdiff >> "$tmp/diffs/$stem.diff" || true
	done
	[ -s "$tmp/diffs/$stem.diff" ] || die "$(basename "$unit") on $kernel: no change"
	patch -p1 -s --fuzz=0 --no-backup-if-mismatch -d "$base" < "$tmp/diffs/$stem.diff" ||
		die "$(basename "$unit") on $kernel: its own diff does not apply back"
	{
		printf 'commit: %s\n' "$full"
		printf 'subject: %s\n' "$(commit_field "$commit" subject)"
		printf 'author: %s\n' "$(commit_field "$commit" author)"
		printf 'kind: %s\n' "$(hdr "$unit" Kind)"
		printf 'mainline: %s\n' "$(commit_field "$commit" tag)"
		printf 'link: %s\n' "$(commit_field "$commit" link)"
		printf 'date: %s\n' "$(commit_field "$commit" date)"
		printf 'why: %s\n' "$(hdr "$unit" Why)"
		printf 'rules:'; for r in $rules; do printf ' %s' "$(basename "$r")"; done; echo
		printf 'compat:%s\n' "${compat:- none}"
		for r in $rules; do hdr "$r" 'Not backported'; done | sort -u | sed 's/^/not backported: /'
		for r in $rules; do hdr "$r" 'Also changes'; done | sed 's/^/also changes: /'
		for r in $rules; do hdr "$r" 'Backport note'; done | sed 's/^/backport note: /'
	} > "$tmp/diffs/$stem.meta"
done

rm -rf "$out/gen.old"
[ ! -d "$out/gen" ] || mv "$out/gen" "$out/gen.old"
mv "$tmp/diffs" "$out/gen"
rm -rf "$out/gen.old"
