#!/bin/sh
# generate.sh - generate the backport, one diff per upstream commit (and per
# prerequisite), for one kernel tree, from the semantic patches.
#
# Usage: generate.sh KERNEL TREE UPSTREAM OUTDIR
#   KERNEL    label (a versions name or the NAME= of a user tree)
#   TREE      the pristine target tree (read only)
#   UPSTREAM  the upstream tree the new definitions come from (read only)
#   OUTDIR    out/<kernel>; must hold probes.json from the probe stage
# Outputs: OUTDIR/gen/NNNN-<slug>.diff and .meta (commit, subject, author,
#   kind, rules), written to a temporary directory and renamed into place.
#   Each diff is made against the tree as the diffs before it leave it.
# Errors: exit 1 when a rule does not match as announced (the message names
#   rule, file and kernel) or a diff does not apply back; exit 2 when probe
#   results are missing.
set -eu
. "$(dirname "$0")/common.sh"
[ $# -eq 4 ] || usage_die "usage: generate.sh KERNEL TREE UPSTREAM OUTDIR"
kernel=$1 tree=$2 upstream=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
sp=${ZPCI_SEMANTIC_PATCHES:-$ZPCI_TOP/semantic-patches}
probes=$out/probes.json
[ -f "$probes" ] || usage_die "no probe results for $kernel at $probes"

hdr() { sh "$here/cocci-header.sh" "$1" "$2"; }

tmp=$(mktemp -d "$out/.gen.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
base=$tmp/base
mkdir -p "$base" "$tmp/diffs"

seq=0
for unit in "$sp"/[0-9][0-9]-*.cocci; do
	when=$(hdr "$unit" 'Needed when')
	[ -n "$when" ] || die "$(basename "$unit"): no '// Needed when:' line"
	rc=0; sh "$here/needed.sh" "$when" "$probes" || rc=$?
	[ "$rc" -le 1 ] || exit 2
	[ "$rc" -eq 0 ] || continue
	commit=$(hdr "$unit" Upstream | cut -d' ' -f1)

	# The unit's own rules first, then the lowerings that follow it here.
	rules=$unit
	for low in "$sp"/lower-*.cocci; do
		[ -f "$low" ] || continue
		[ "$(hdr "$low" Lowers)" = "$commit" ] || continue
		lrc=0; sh "$here/needed.sh" "$(hdr "$low" 'Needed when')" "$probes" || lrc=$?
		[ "$lrc" -le 1 ] || exit 2
		[ "$lrc" -eq 0 ] && rules="$rules $low"
	done

	files=$(for r in $rules; do hdr "$r" Files; done | tr ' ' '\n' | sort -u)
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
		sh "$here/apply-cocci.sh" "$kernel" "$r" "$tmp/work" "$upstream"
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
		printf 'commit: %s\n' "$commit"
		printf 'subject: %s\n' "$(hdr "$unit" Upstream | sed 's/^[^(]*("//; s/")$//')"
		printf 'author: %s\n' "$(hdr "$unit" Author)"
		printf 'kind: %s\n' "$(hdr "$unit" Kind)"
		printf 'mainline: %s\n' "$(hdr "$unit" Patch-mainline | grep . || echo v7.3-rc1)"
		printf 'why: %s\n' "$(hdr "$unit" Why)"
		printf 'rules:'; for r in $rules; do printf ' %s' "$(basename "$r")"; done; echo
		printf 'compat: %s\n' none
	} > "$tmp/diffs/$stem.meta"
done

rm -rf "$out/gen.old"
[ ! -d "$out/gen" ] || mv "$out/gen" "$out/gen.old"
mv "$tmp/diffs" "$out/gen"
rm -rf "$out/gen.old"
