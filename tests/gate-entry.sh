#!/bin/sh
# tests/gate-entry.sh - `make gate`, the maintainer's entry to every gate,
# keeps the main job's exit contract.
# Commands and expected results (results under a temporary ZPCI_OUT):
#   make gate KSRC=<the $ref tree> SERIES=out/$ref NAME=$ref
#     -> exit 0; static.sarif with no result, runtime.json with no failure
#   make gate KSRC=<the $ref tree> SERIES=<out/$ref with a context line of one
#     patch changed> NAME=$ref
#     -> exit 1 from make; static.sarif has a zpci/apply result and the
#        runtime gate fails too (its build cannot apply the series)
#   make gate KSRC=<not a tree> SERIES=out/$ref      -> exit 2, names KSRC
#   make gate KSRC=<the $ref tree> SERIES=<empty dir>    -> exit 2, names SERIES
# NAME=$ref shares the main job's work directories of $ref, so the runtime
# gate rebuilds nothing; about 1-2 min in all (the upstream oracle is
# rerun into the temporary ZPCI_OUT once, from its warm build).
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

tref=$(sh backport/provision/fetch.sh "$ref")
[ -f "out/$ref/series" ] || sh backport/pipeline/main.sh "$ref" > "$tmp/main.log" 2>&1 || :
export ZPCI_OUT="$tmp/o"

rc=0; make -s gate KSRC="$tref" SERIES="out/$ref" NAME="$ref" > "$tmp/good.log" 2>&1 || rc=$?
n=$(jq '.runs[0].results | length' "$tmp/o/$ref/static.sarif" 2>/dev/null || echo none)
f=$(jq '.failed' "$tmp/o/$ref/runtime.json" 2>/dev/null || echo none)
if [ "$rc" -eq 0 ] && [ "$n" = 0 ] && [ "$f" = 0 ]; then ok gate-entry-good-series
else ko gate-entry-good-series "make gate exited $rc, static results $n, runtime failed $f ($(tail -n 1 "$tmp/good.log"))"; fi

# One context line changed: no fuzz allowed.
needs_fuzz "out/$ref" "$tmp/fuzz"
rm -rf "${tmp:?}/o/$ref"
rc=0; make -s gate KSRC="$tref" SERIES="$tmp/fuzz" NAME="$ref" > "$tmp/fuzz.log" 2>&1 || rc=$?
by=$(jq -r '[.runs[0].results[].ruleId] | unique | join(",")' "$tmp/o/$ref/static.sarif" 2>/dev/null || echo none)
if [ "$rc" -eq 1 ] && [ "$by" = zpci/apply ] && grep -q 'gate: failed: static runtime' "$tmp/fuzz.log"; then
	ok gate-entry-fuzz-exit-1
else
	ko gate-entry-fuzz-exit-1 "make gate exited $rc, static rules '$by' ($(tail -n 1 "$tmp/fuzz.log"))"
fi

mkdir -p "$tmp/not-a-tree" "$tmp/empty"
rc=0; make -s gate KSRC="$tmp/not-a-tree" SERIES="out/$ref" > "$tmp/o1" 2>&1 || rc=$?
if [ "$rc" -eq 2 ] && grep -q "KSRC='$tmp/not-a-tree' is not a kernel tree" "$tmp/o1"; then ok gate-entry-bad-ksrc-exit-2
else ko gate-entry-bad-ksrc-exit-2 "exit $rc: $(cat "$tmp/o1")"; fi
rc=0; make -s gate KSRC="$tref" SERIES="$tmp/empty" > "$tmp/o2" 2>&1 || rc=$?
if [ "$rc" -eq 2 ] && grep -q "SERIES='$tmp/empty' holds no quilt series file" "$tmp/o2"; then ok gate-entry-bad-series-exit-2
else ko gate-entry-bad-series-exit-2 "exit $rc: $(cat "$tmp/o2")"; fi
