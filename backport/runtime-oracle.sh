#!/bin/sh
# runtime-oracle.sh - compare the runtime gate's results with upstream's:
# every test of the oracle must have the same status here, and there must
# be no test the oracle lacks.
#
# Usage: runtime-oracle.sh RESULTS ORACLE
#   RESULTS  a results.json of runtime-results.sh (an array of {suite, name,
#            status, message}); rewritten in place, atomically
#   ORACLE   runtime.json of the upstream tree's run (its .results)
# Outputs: RESULTS with one more case per test, suite "oracle", name
#   "<suite>.<name>": PASS when the status is the same, FAIL with
#   "upstream: X, here: Y", "missing here; upstream: X" or "not in the
#   upstream results".
# Errors: exit 2 for bad arguments or unreadable files.
set -eu
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"
[ $# -eq 2 ] || usage_die "usage: runtime-oracle.sh RESULTS ORACLE"
[ -f "$1" ] && [ -f "$2" ] || usage_die "no results at $1 or no oracle at $2"
jq --slurpfile o "$2" '
	. as $mine
	| ($o[0].results | map(select(.suite != "oracle"))) as $ref
	| [$ref[] | . as $r
		| ([$mine[] | select(.suite == $r.suite and .name == $r.name)][0]) as $m
		| {suite: "oracle", name: "\($r.suite).\($r.name)",
		   status: (if $m != null and $m.status == $r.status then "PASS" else "FAIL" end),
		   message: (if $m == null then "missing here; upstream: \($r.status)"
			elif $m.status == $r.status then ""
			else "upstream: \($r.status), here: \($m.status)" end)}]
	+ [$mine[] | . as $m
		| select([$ref[] | select(.suite == $m.suite and .name == $m.name)] | length == 0)
		| {suite: "oracle", name: "\($m.suite).\($m.name)", status: "FAIL",
		   message: "not in the upstream results"}]
	| $mine + .' "$1" > "$1.tmp"
mv -f "$1.tmp" "$1"
