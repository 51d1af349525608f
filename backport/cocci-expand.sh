#!/bin/sh
# cocci-expand.sh - prepare one of our semantic patches for a counted run.
#
# Usage: cocci-expand.sh FILE.cocci
# Inputs: a .cocci whose transforming rules are announced by lines
#   "// Expect: KEY COUNT FILE", KEY being a rule name or alternatives
#   "r1|r2" (rules of which exactly COUNT matches are wanted in all); each
#   such rule declares a position metavariable p bound in its - or context
#   code.
# Outputs: on stdout, the .cocci followed by one script:python rule per
#   announced rule that prints "ZPCI-MATCH KEY FILE LINE" for every place
#   the rule changes, so that match-check.sh can compare what spatch did
#   with what was expected.
# Errors: exit 1 when an Expect line names a rule the file does not define.
set -eu
. "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || usage_die "usage: cocci-expand.sh FILE.cocci"
cocci=$1
[ -f "$cocci" ] || usage_die "$cocci: no such semantic patch"

cat "$cocci"
awk '/^\/\/ Expect: / { print $3 }' "$cocci" | while read -r key; do
	for rule in $(printf '%s\n' "$key" | tr '|' ' '); do
		grep -q "^@${rule}[ @]" "$cocci" ||
			die "$cocci: '// Expect: $key' names $rule, which is no rule of that file"
		printf '\n@script:python depends on %s@\np << %s.p;\n@@\n' "$rule" "$rule"
		printf 'for q in p:\n    print("ZPCI-MATCH %s %%s %%s" %% (q.file, q.line))\n' "$key"
	done
done
