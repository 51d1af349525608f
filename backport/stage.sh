#!/bin/sh
# stage.sh - run one pipeline stage of one kernel and record its status.
#
# Usage: stage.sh OUTDIR STAGE COMMAND [ARG...]
# Outputs: OUTDIR/status/STAGE holding "pass", "fail: <last error line>"
#   (the command's stderr, kept in OUTDIR/status/STAGE.log) or, when the
#   command exits 3, "skipped: <its last stderr line>".
# Errors: returns the command's exit status (3 for skipped).
set -eu
. "$(dirname "$0")/common.sh"
[ $# -ge 3 ] || usage_die "usage: stage.sh OUTDIR STAGE COMMAND [ARG...]"
out=$1 stage=$2
shift 2
mkdir -p "$out/status"
rc=0
"$@" 2> "$out/status/$stage.log" || rc=$?
msg=$(grep -v '^[[:space:]]*$' "$out/status/$stage.log" | tail -n 1 | sed 's/^[^:]*: \(error: \)\{0,1\}//')
case $rc in
0) echo pass ;;
3) echo "skipped: $msg" ;;
*) echo "fail: $msg" ;;
esac | atomic_write "$out/status/$stage"
[ "$rc" -eq 0 ] || cat "$out/status/$stage.log" >&2
exit "$rc"
