#!/bin/sh
# tests/shellcheck.sh - every shell script of the project passes shellcheck.
# Command: shellcheck -x -s sh on each *.sh under backport/ and tests/ and
#   on .ci/run (found, not listed: a new script is checked without edits).
# Expected: "PASS shellcheck-<path>" for each, and at least one script.
set -eu
cd "$(dirname "$0")/.."
n=0
for f in $(find backport tests -type f -name '*.sh' | LC_ALL=C sort) .ci/run; do
	n=$((n + 1))
	if out=$(shellcheck -x -s sh "$f" 2>&1); then
		echo "PASS shellcheck-$f"
	else
		echo "FAIL shellcheck-$f: $(printf '%s\n' "$out" | grep -m 1 'SC[0-9]')"
	fi
done
[ "$n" -gt 1 ] || echo "FAIL shellcheck-found: no scripts found"
