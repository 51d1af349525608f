#!/bin/sh
# runtime-junit.sh - write a runtime gate's results as JUnit XML.
#
# Usage: runtime-junit.sh RUNTIME_JSON
#   RUNTIME_JSON  runtime.json of runtime.sh ({name, timings, failed,
#                 results: [{suite, name, status, message}]})
# Outputs: on stdout, one <testsuites> with one <testsuite> per suite and
#   one <testcase> per result (classname runtime.<name>.<suite>); a FAIL
#   carries <failure> with its message, a SKIP <skipped/>. Text goes
#   through jq's @html escaping.
# Errors: exit 2 for bad arguments or an unreadable file.
set -eu
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"
[ $# -eq 1 ] && [ -f "$1" ] || usage_die "usage: runtime-junit.sh RUNTIME_JSON"
jq -r '
	def esc: tostring | @html;
	.name as $n
	| "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	  "<testsuites name=\"runtime \($n | esc)\" tests=\"\(.results | length)\" failures=\"\(.failed)\" time=\"\((.timings.build_s // 0) + (.timings.boot_s // 0))\">",
	  (.results | group_by(.suite)[] |
	    "  <testsuite name=\"\(.[0].suite | esc)\" tests=\"\(length)\" failures=\"\(map(select(.status == "FAIL")) | length)\" skipped=\"\(map(select(.status == "SKIP")) | length)\">",
	    (.[] | "    <testcase classname=\"runtime.\($n | esc).\(.suite | esc)\" name=\"\(.name | esc)\"" +
	      (if .status == "FAIL" then ">\n      <failure message=\"\(.message | split("\n")[0] | esc)\">\(.message | esc)</failure>\n    </testcase>"
	       elif .status == "SKIP" then ">\n      <skipped/>\n    </testcase>"
	       else "/>" end)),
	    "  </testsuite>"),
	  "</testsuites>"' "$1"

