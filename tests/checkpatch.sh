#!/bin/sh
# tests/checkpatch.sh - our own kernel code (patches/zpci-error-test/*.c and
# *.h, the runtime gate's test hooks and KUnit suites) follows kernel
# style: the upstream tree's scripts/checkpatch.pl --strict finds no error,
# warning or check in it, nor in the test patch made from it for 7.3.
# Commands and expected results:
#   checkpatch.pl --strict --no-tree -f F, for each F of
#     patches/zpci-error-test/*.[ch]               -> nothing reported
#   checkpatch.pl --strict --no-tree on the patch runtime/test-patch.sh
#     writes for the upstream tree                 -> nothing reported
#   the same -f run on a copy of store_test.c with one C statement indented
#     by spaces (the negative control)             -> at least one error
# Takes a few seconds.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

up=$(sh backport/provision/fetch.sh "$(versions_names upstream | head -n 1)")
cp="perl $up/scripts/checkpatch.pl --strict --no-tree --no-summary --terse"
for f in "$ZPCI_TOP"/patches/zpci-error-test/*.[ch]; do
	if out=$($cp -f "$f" 2>&1); then ok "checkpatch-$(basename "$f")"
	else ko "checkpatch-$(basename "$f")" "$(printf '%s\n' "$out" | head -n 1)"; fi
done
# The patch made from it, for the upstream tree (no series).
upn=$(versions_names upstream | head -n 1)
[ -f "out/$upn/probes.json" ] || sh backport/pipeline/run-kernel.sh "$upn" > /dev/null 2>&1 || :
mkdir -p "$tmp/noseries"
if sh backport/gates/runtime/test-patch.sh "$up" "$tmp/noseries" "out/$upn/probes.json" "$tmp/test.patch" > /dev/null 2>&1 &&
	out=$($cp "$tmp/test.patch" 2>&1); then
	ok checkpatch-test-patch
else
	ko checkpatch-test-patch "$(printf '%s\n' "${out:-runtime/test-patch.sh failed}" | head -n 1)"
fi

awk '!done && /^\t[a-z].*;$/ { sub(/^\t/, "        "); done = 1 } { print }' \
	"$ZPCI_TOP/patches/zpci-error-test/store_test.c" > "$tmp/bad.c"
if cmp -s "$ZPCI_TOP/patches/zpci-error-test/store_test.c" "$tmp/bad.c"; then
	ko checkpatch-negative-control "no tab-indented statement in store_test.c to break"
elif $cp -f "$tmp/bad.c" > "$tmp/bad.out" 2>&1; then
	ko checkpatch-negative-control "checkpatch accepted a line indented by spaces"
else
	ok "checkpatch-negative-control: $(grep -m 1 -o 'ERROR: .*' "$tmp/bad.out" || head -n 1 "$tmp/bad.out")"
fi
