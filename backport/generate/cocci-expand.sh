#!/bin/sh
# cocci-expand.sh - prepare one of our semantic patches for spatch: every
# run of one goes through here.
#
# Usage: cocci-expand.sh FILE.cocci
# Inputs: a .cocci, which may include others of its directory with lines
#   '#include "NAME.cocci"' (spatch itself looks for them only in its
#   working directory, which is the tree it runs on), and whose
#   transforming rules may be announced by lines "// Expect: KEY COUNT
#   FILE", KEY being a rule name or alternatives "r1|r2" (rules of which
#   exactly COUNT matches are wanted in all); each such rule declares a
#   position metavariable p bound in its - or context code.
# Outputs: on stdout, the .cocci with each include replaced by the file it
#   names, followed by one script:python rule per announced rule that
#   prints "ZPCI-MATCH KEY FILE LINE" for every place the rule changes, so
#   that apply-cocci.sh and the fixture runner can compare what spatch did
#   with what was expected.
# Errors: exit 1 when an Expect line names a rule the file does not define,
#   or an included file is missing.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: cocci-expand.sh FILE.cocci"
cocci=$1
[ -f "$cocci" ] || usage_die "$cocci: no such semantic patch"
dir=$(dirname "$cocci")

while IFS= read -r line || [ -n "$line" ]; do
	case $line in
	'#include "'*'"')
		inc=${line#\#include \"}
		inc=$dir/${inc%\"}
		[ -f "$inc" ] || die "$cocci: included $inc is missing"
		cat "$inc" ;;
	*) printf '%s\n' "$line" ;;
	esac
done < "$cocci"
awk '/^\/\/ Expect: / { print $3 }' "$cocci" | while read -r key; do
	for rule in $(printf '%s\n' "$key" | tr '|' ' '); do
		grep -q "^@${rule}[ @]" "$cocci" ||
			die "$cocci: '// Expect: $key' names $rule, which is no rule of that file"
		printf '\n@script:python depends on %s@\np << %s.p;\n@@\n' "$rule" "$rule"
		printf 'for q in p:\n    print("ZPCI-MATCH %s %%s %%s" %% (q.file, q.line))\n' "$key"
	done
done
