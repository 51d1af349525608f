#!/bin/sh
# tests/shellcheck.sh - every shell script of the project passes shellcheck.
# Command: shellcheck -s sh -x on backport/*.sh tests/*.sh tests/faults/*.sh
# tests/bench/*.sh .ci/run
# Expected: "PASS shellcheck-<script>" for each.
set -eu
cd "$(dirname "$0")/.."
for f in backport/*.sh tests/*.sh tests/faults/*.sh tests/bench/*.sh .ci/run; do
	if out=$(shellcheck -x -s sh -S warning "$f" 2>&1); then
		echo "PASS shellcheck-$(basename "$f")"
	else
		echo "FAIL shellcheck-$(basename "$f"): $(printf '%s\n' "$out" | grep -m 1 'SC[0-9]')"
	fi
done
