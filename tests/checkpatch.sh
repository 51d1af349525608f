#!/bin/sh
# tests/checkpatch.sh - our own kernel patches (patches/<set>/*.patch) follow
# kernel style: the upstream tree's scripts/checkpatch.pl --strict finds no
# error, warning or check in them.
# Commands and expected results:
#   checkpatch.pl --strict --no-tree P, for each P of patches/*/*.patch
#     -> "total: 0 errors, 0 warnings, 0 checks"
#   the same on a copy of the first patch with one added C statement indented by
#     spaces (the negative control) -> at least one error
# The patches are named by absolute path: given the relative path of a
# file git tracks here, 7.3's checkpatch.pl reported the blank context
# lines of a patch as trailing whitespace (an untracked copy, or the same
# file by absolute path, passes).
# Takes a few seconds.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

up=$(sh backport/fetch.sh "$(versions_names upstream | head -n 1)")
cp="perl $up/scripts/checkpatch.pl --strict --no-tree --no-summary --terse"
for p in "$ZPCI_TOP"/patches/*/*.patch; do
	if out=$($cp "$p" 2>&1); then ok "checkpatch-$(basename "$(dirname "$p")")-$(basename "$p" .patch)"
	else ko "checkpatch-$(basename "$(dirname "$p")")-$(basename "$p" .patch)" "$(printf '%s\n' "$out" | head -n 1)"; fi
done

first=$(ls "$ZPCI_TOP"/patches/*/*.patch | head -n 1)
awk '!done && /^\+\t[a-z].*;$/ { sub(/^\+\t/, "+        "); done = 1 } { print }' "$first" > "$tmp/bad.patch"
if cmp -s "$first" "$tmp/bad.patch"; then
	ko checkpatch-negative-control "no tab-indented added line in $first to break"
elif $cp "$tmp/bad.patch" > "$tmp/bad.out" 2>&1; then
	ko checkpatch-negative-control "checkpatch accepted a line indented by spaces"
else
	ok "checkpatch-negative-control: $(grep -m 1 -o 'ERROR: .*' "$tmp/bad.out" || head -n 1 "$tmp/bad.out")"
fi
