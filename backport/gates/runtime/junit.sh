#!/bin/sh
# junit.sh - write a runtime gate's results as JUnit XML.
#
# Usage: junit.sh RUNTIME_JSON
#   RUNTIME_JSON  runtime.json of runtime.sh ({name, timings, failed,
#                 results: [{suite, name, status, message}]})
# Outputs: on stdout, one <testsuites> with one <testsuite> per suite and
#   one <testcase> per result (classname runtime.<name>.<suite>); a FAIL
#   carries <failure> with its message, a SKIP <skipped/>, a declared
#   deviation <skipped message="declared deviation: ..."/>. Text goes
#   through jq's @html escaping.
# Errors: exit 2 for bad arguments or an unreadable file.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
{ [ $# -eq 1 ] && [ -f "$1" ]; } || usage_die "usage: junit.sh RUNTIME_JSON"
jq -r '
	def esc: tostring | @html;
	.name as $n
	| "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	  "<testsuites name=\"runtime \($n | esc)\" tests=\"\(.results | length)\" failures=\"\(.failed)\" time=\"\((.timings.build_s // 0) + (.timings.boot_s // 0))\">",
	  (.results | group_by(.suite)[] |
	    "  <testsuite name=\"\(.[0].suite | esc)\" tests=\"\(length)\" failures=\"\(map(select(.status == "FAIL" and .deviation == null)) | length)\" skipped=\"\(map(select(.status == "SKIP" or .deviation != null)) | length)\">",
	    (.[] | "    <testcase classname=\"runtime.\($n | esc).\(.suite | esc)\" name=\"\(.name | esc)\"" +
	      (if .deviation != null then ">\n      <skipped message=\"declared deviation: \(.deviation | esc)\"/>\n    </testcase>"
	       elif .status == "FAIL" then ">\n      <failure message=\"\(.message | split("\n")[0] | esc)\">\(.message | esc)</failure>\n    </testcase>"
	       elif .status == "SKIP" then ">\n      <skipped/>\n    </testcase>"
	       else "/>" end)),
	    "  </testsuite>"),
	  "</testsuites>"' "$1"

