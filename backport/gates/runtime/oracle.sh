#!/bin/sh
# oracle.sh - compare the runtime gate's results with upstream's:
# every test of the oracle must have the same status here, and there must
# be no test the oracle lacks, except where a rule of the series declares
# a deviation.
#
# Usage: oracle.sh RESULTS ORACLE [DEVIATIONS]
#   RESULTS     a results.json of runtime/results.sh (an array of {suite,
#               name, status, message}); rewritten in place, atomically
#   ORACLE      runtime.json of the upstream tree's run (its .results)
#   DEVIATIONS  a file of declared deviations, one per line
#               "SUITE.NAME<TAB>STATUS<TAB>REASON<TAB>RULE": the tree cannot
#               match upstream by design (the "// Deviates:" lines of the
#               series' rules, see runtime.sh)
# Outputs: RESULTS with one more case per test, suite "oracle", name
#   "<suite>.<name>": PASS when the status is the same; PASS with the
#   message "declared deviation (RULE): REASON; upstream: X" when it
#   differs as declared, the test itself then carrying
#   deviation: "RULE: REASON" (it does not count as failed); FAIL with
#   "upstream: X, here: Y", "missing here; upstream: X", "not in the
#   upstream results", or "declared deviation not seen: ..." when a
#   declared deviation does not happen (never silently equal, never
#   silently different).
# Errors: exit 2 for bad arguments or unreadable files.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
[ $# -eq 2 ] || [ $# -eq 3 ] || usage_die "usage: oracle.sh RESULTS ORACLE [DEVIATIONS]"
{ [ -f "$1" ] && [ -f "$2" ]; } || usage_die "no results at $1 or no oracle at $2"
dev=${3:-/dev/null}
[ -f "$dev" ] || [ "$dev" = /dev/null ] || usage_die "no deviations file at $dev"
jq --slurpfile o "$2" --rawfile d "$dev" '
	($d | split("\n") | map(select(length > 0) | split("\t")
		| {key: .[0], value: {status: .[1], reason: .[2], rule: .[3]}}) | from_entries) as $dv
	| . as $mine
	| ($o[0].results | map(select(.suite != "oracle"))) as $ref
	| [$ref[] | . as $r
		| ([$mine[] | select(.suite == $r.suite and .name == $r.name)][0]) as $m
		| ($dv["\($r.suite).\($r.name)"]) as $x
		| ($m.status // "missing") as $here
		| {suite: "oracle", name: "\($r.suite).\($r.name)"}
		+ (if $x != null then
			(if $here == $x.status and $here != $r.status then
				{status: "PASS", message: "declared deviation (\($x.rule)): \($x.reason); upstream: \($r.status), here: \($here)"}
			else
				{status: "FAIL", message: "declared deviation not seen (\($x.rule) declares \($x.status)): upstream: \($r.status), here: \($here)"}
			end)
		elif $m == null then {status: "FAIL", message: "missing here; upstream: \($r.status)"}
		elif $here == $r.status then {status: "PASS", message: ""}
		else {status: "FAIL", message: "upstream: \($r.status), here: \($here)"} end)]
	as $cmp
	| [$mine[] | . as $m
		| ($dv["\($m.suite).\($m.name)"]) as $x
		| if $x != null and $m.status == $x.status
			and ([$ref[] | select(.suite == $m.suite and .name == $m.name and .status != $m.status)] | length > 0)
		  then . + {deviation: "\($x.rule): \($x.reason)"} else . end]
	+ $cmp
	+ [$mine[] | . as $m
		| select([$ref[] | select(.suite == $m.suite and .name == $m.name)] | length == 0)
		| {suite: "oracle", name: "\($m.suite).\($m.name)", status: "FAIL",
		   message: "not in the upstream results"}]' "$1" > "$1.tmp"
mv -f "$1.tmp" "$1"
