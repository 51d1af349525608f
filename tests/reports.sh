#!/bin/sh
# tests/reports.sh - the reports CI systems show: every static.sarif of
# out/ validates against SARIF 2.1.0 with Microsoft's SARIF Multitool (no
# result of level error), out/report.xml parses (xmllint) as JUnit with one
# testcase per kernel and stage whose failures and skips are those of the
# stage statuses, out/report.md holds the table with a row per kernel, and
# a second report.sh run is byte-identical. Negative controls: a SARIF log
# made invalid gets errors from the validator; a planted failed stage shows
# as a JUnit failure with its reason and as FAIL in report.md; a truncated
# report.xml does not parse.
# Each check prints "PASS name" or "FAIL name: reason".
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh
all=$(versions_names | tr '\n' ' ')
for k in $all; do main_out "$k"; done
mt=$(sh backport/provision/npm-tool.sh @microsoft/sarif-multitool 5.7.0 sarif-multitool)

# validate FILE: the number of error results the Multitool reports, or
# "none" when it did not run.
validate() {
	rm -f "$tmp/v.sarif"
	# (a .NET program: without libicu it needs invariant globalization)
	DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$mt" validate "$1" --output "$tmp/v.sarif" > "$tmp/v.log" 2>&1 || :
	jq '[.runs[].results[]? | select(.level == "error")] | length' "$tmp/v.sarif" 2> /dev/null || echo none
}
n=0
for f in out/*/static.sarif; do
	[ -f "$f" ] || continue
	k=$(basename "$(dirname "$f")")
	e=$(validate "$f")
	if [ "$e" = 0 ]; then ok "reports-sarif-valid-$k"; n=$((n + 1)); else ko "reports-sarif-valid-$k" "$e error(s): $(grep -m 1 -i error "$tmp/v.log" || tail -n 1 "$tmp/v.log")"; fi
done
[ "$n" -gt 0 ] || ko reports-sarif-some "no out/*/static.sarif to validate"
f=$(find out -mindepth 2 -maxdepth 2 -name static.sarif | sort | head -n 1)
jq 'del(.runs[0].tool) | .runs[0].bogus = 1' "$f" > "$tmp/broken.sarif"
e=$(validate "$tmp/broken.sarif")
case $e in none | 0) ko reports-sarif-negative "an invalid SARIF log got $e errors" ;; *) ok "reports-sarif-negative ($e errors)" ;; esac

# The table, JUnit and Markdown, from the statuses of out/.
# shellcheck disable=SC2086 # a list of names
sh backport/pipeline/report.sh $all > "$tmp/table" 2>&1 || :
sum1=$(cat out/report.json out/report.md out/report.xml | sha256sum)
# shellcheck disable=SC2086
sh backport/pipeline/report.sh $all > /dev/null 2>&1 || :
sum2=$(cat out/report.json out/report.md out/report.xml | sha256sum)
if [ "$sum1" = "$sum2" ]; then ok reports-rerun-identical; else ko reports-rerun-identical "report.sh wrote different bytes twice"; fi
# junit DIR: "tests failures skipped" of DIR/report.xml by XPath, or "".
junit() {
	xmllint --noout "$1/report.xml" 2> /dev/null || return 0
	printf '%s %s %s\n' "$(xmllint --xpath 'count(/testsuites/testsuite/testcase)' "$1/report.xml")" \
		"$(xmllint --xpath 'count(/testsuites/testsuite/testcase/failure)' "$1/report.xml")" \
		"$(xmllint --xpath 'count(/testsuites/testsuite/testcase/skipped)' "$1/report.xml")"
}
# shellcheck disable=SC2086
want=$(for k in $all; do for s in $(stage_names); do cat "out/$k/status/$s" 2> /dev/null || echo "skipped: not run"; done; done |
	awk '{ n++ } /^fail/ { f++ } /^skipped/ { s++ } END { printf "%d %d %d\n", n, f, s }')
got=$(junit out)
rows=$(for k in $all; do grep -c "^| $k | " out/report.md; done | sort -u)
if [ "$got" = "$want" ] && [ "$rows" = 1 ]; then ok "reports-junit-and-markdown ($got: tests failures skipped)"; else ko reports-junit-and-markdown "JUnit '$got', statuses '$want', rows per kernel '$rows'"; fi
# A planted failure.
mkdir -p "$tmp/o"
for k in $all; do mkdir -p "$tmp/o/$k" && cp -R "out/$k/status" "$tmp/o/$k/"; done
k1=${all%% *}
echo "fail: a planted <failure> & its reason" > "$tmp/o/$k1/status/build"
# shellcheck disable=SC2086
ZPCI_OUT=$tmp/o sh backport/pipeline/report.sh $all > /dev/null 2>&1 || :
if xmllint --xpath "string(/testsuites/testsuite[@name='$k1']/testcase[@name='build']/failure/@message)" "$tmp/o/report.xml" 2> /dev/null |
	grep -q -F 'a planted <failure> & its reason' && grep -q "^| $k1 | .*\*\*FAIL\*\*" "$tmp/o/report.md"; then
	ok reports-planted-failure-shown
else
	ko reports-planted-failure-shown "no JUnit failure or Markdown FAIL for $k1 build"
fi
head -c 200 out/report.xml > "$tmp/o/report.xml"
if [ -z "$(junit "$tmp/o")" ]; then ok reports-truncated-xml-fails; else ko reports-truncated-xml-fails "xmllint parsed a truncated report.xml"; fi
