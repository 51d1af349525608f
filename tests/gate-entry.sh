#!/bin/sh
# tests/gate-entry.sh - `make gate`, the maintainer's entry to every gate,
# keeps the main job's exit contract.
# Commands and expected results (results under a temporary ZPCI_OUT):
#   make gate KSRC=<7.2 tree> SERIES=out/7.2 NAME=7.2
#     -> exit 0; static.sarif with no result, runtime.json with no failure
#   make gate KSRC=<7.2 tree> SERIES=<out/7.2 with a context line of one
#     patch changed> NAME=7.2
#     -> exit 1 from make; static.sarif has a zpci/apply result and the
#        runtime gate fails too (its build cannot apply the series)
#   make gate KSRC=<not a tree> SERIES=out/7.2      -> exit 2, names KSRC
#   make gate KSRC=<7.2 tree> SERIES=<empty dir>    -> exit 2, names SERIES
# NAME=7.2 shares the main job's work directories of 7.2, so the runtime
# gate rebuilds nothing; about 1-2 min in all (the upstream oracle is
# rerun into the temporary ZPCI_OUT once, from its warm build).
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

t72=$(sh backport/fetch.sh 7.2)
[ -f out/7.2/series ] || sh backport/main.sh 7.2 > "$tmp/main.log" 2>&1 || :
export ZPCI_OUT="$tmp/o"

rc=0; make -s gate KSRC="$t72" SERIES=out/7.2 NAME=7.2 > "$tmp/good.log" 2>&1 || rc=$?
n=$(jq '.runs[0].results | length' "$tmp/o/7.2/static.sarif" 2>/dev/null || echo none)
f=$(jq '.failed' "$tmp/o/7.2/runtime.json" 2>/dev/null || echo none)
if [ "$rc" -eq 0 ] && [ "$n" = 0 ] && [ "$f" = 0 ]; then ok gate-entry-good-series
else ko gate-entry-good-series "make gate exited $rc, static results $n, runtime failed $f ($(tail -n 1 "$tmp/good.log"))"; fi

# One context line changed: no fuzz allowed.
needs_fuzz out/7.2 "$tmp/fuzz"
rm -rf "$tmp/o/7.2"
rc=0; make -s gate KSRC="$t72" SERIES="$tmp/fuzz" NAME=7.2 > "$tmp/fuzz.log" 2>&1 || rc=$?
by=$(jq -r '[.runs[0].results[].ruleId] | unique | join(",")' "$tmp/o/7.2/static.sarif" 2>/dev/null || echo none)
if [ "$rc" -eq 1 ] && [ "$by" = zpci/apply ] && grep -q 'gate: failed: static runtime' "$tmp/fuzz.log"; then
	ok gate-entry-fuzz-exit-1
else
	ko gate-entry-fuzz-exit-1 "make gate exited $rc, static rules '$by' ($(tail -n 1 "$tmp/fuzz.log"))"
fi

mkdir -p "$tmp/not-a-tree" "$tmp/empty"
rc=0; make -s gate KSRC="$tmp/not-a-tree" SERIES=out/7.2 > "$tmp/o1" 2>&1 || rc=$?
if [ "$rc" -eq 2 ] && grep -q "KSRC='$tmp/not-a-tree' is not a kernel tree" "$tmp/o1"; then ok gate-entry-bad-ksrc-exit-2
else ko gate-entry-bad-ksrc-exit-2 "exit $rc: $(cat "$tmp/o1")"; fi
rc=0; make -s gate KSRC="$t72" SERIES="$tmp/empty" > "$tmp/o2" 2>&1 || rc=$?
if [ "$rc" -eq 2 ] && grep -q "SERIES='$tmp/empty' holds no quilt series file" "$tmp/o2"; then ok gate-entry-bad-series-exit-2
else ko gate-entry-bad-series-exit-2 "exit $rc: $(cat "$tmp/o2")"; fi
