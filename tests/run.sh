#!/bin/sh
# tests/run.sh - run every test of the suite and count them.
#
# Usage: sh tests/run.sh        (what `make check` runs)
# Each tests/*.sh prints one line per test case, "PASS <name>" or
# "FAIL <name>: <reason>". A script that exits non-zero without printing a
# FAIL line counts as one failed test named after the script.
# Outputs: the test lines, each script's wall seconds on stderr ("# tests/x.sh:
#   N s", where CI time goes), then "N passed, N failed" as the last line.
# Errors: exit 1 when any test failed.
set -eu
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0 fail=0
for t in tests/*.sh; do
	case $t in tests/run.sh | tests/lib.sh) continue ;; esac
	rc=0 t0=$(date +%s)
	sh "$t" > "$log" 2>&1 || rc=$?
	printf '# %s: %s s\n' "$t" $(($(date +%s) - t0)) >&2
	grep -E '^(PASS|FAIL) ' "$log" || true
	p=$(grep -c '^PASS ' "$log" || true)
	f=$(grep -c '^FAIL ' "$log" || true)
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $(basename "$t" .sh): exited $rc"
		tail -n 15 "$log" | sed 's/^/    /'
		f=1
	elif [ "$f" -ne 0 ]; then
		tail -n 15 "$log" | sed 's/^/    /'
	fi
	pass=$((pass + p)) fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
