#!/bin/sh
# stage.sh - run one pipeline stage of one kernel and record its status.
#
# Usage: stage.sh OUTDIR STAGE [--key KEY STAMP...] -- COMMAND [ARG...]
#   KEY    from inputs-key.sh: names everything the stage reads
#   STAMP  files that record KEY after a pass; put one next to each set of
#          outputs (out/ and the work directory), so deleting either reruns
# Outputs: OUTDIR/status/STAGE holding "pass", "fail: <last error line>"
#   (the command's stderr, kept in OUTDIR/status/STAGE.log) or, when the
#   command exits 3, "skipped: <its last stderr line>". When every STAMP
#   holds KEY, the command is not run and the stage passes ("inputs
#   unchanged" in the log). The stamps are removed before the command runs
#   and written only after it passed, so an interrupted run reruns.
#   OUTDIR/status/STAGE.seconds: the wall seconds the command took (0
#   when it was not rerun). While it runs, progress.sh shows on stderr
#   "<kernel> STAGE: <what>" (<kernel> is OUTDIR's name, <what> from
#   backport/stages) and its elapsed time; a stage that took 10 s or more,
#   or failed, ends with one line "<kernel> STAGE: pass (N s)" or
#   "... FAIL (N s): <message>".
# Errors: returns the command's exit status (3 for skipped).
set -eu
. "$(dirname "$0")/common.sh"
usage="usage: stage.sh OUTDIR STAGE [--key KEY STAMP...] -- COMMAND [ARG...]"
[ $# -ge 4 ] || usage_die "$usage"
out=$1 stage=$2 key=
shift 2
stamps=
if [ "$1" = --key ]; then
	key=$2
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		stamps="$stamps $1"
		shift
	done
fi
[ $# -ge 2 ] && [ "$1" = -- ] || usage_die "$usage"
shift
what=$(stage_what "$stage") || usage_die "stage $stage is not in $ZPCI_TOP/backport/stages"
mkdir -p "$out/status"
if [ -n "$key" ]; then
	fresh=1
	for s in $stamps; do
		[ -f "$s" ] && [ "$(cat "$s")" = "$key" ] || fresh=0
	done
	if [ "$fresh" -eq 1 ]; then
		echo "inputs unchanged (key $key): not rerun" > "$out/status/$stage.log"
		echo pass | atomic_write "$out/status/$stage"
		echo 0 | atomic_write "$out/status/$stage.seconds"
		exit 0
	fi
	# shellcheck disable=SC2086 # stamp paths contain no blanks
	rm -f $stamps
fi
label="$(basename "$out") $stage"
t0=$(date +%s)
rc=0
sh "$(dirname "$0")/progress.sh" -e "$out/status/$stage.log" "$label" "$what" -- "$@" || rc=$?
secs=$(( $(date +%s) - t0 ))
echo "$secs" | atomic_write "$out/status/$stage.seconds"
if [ "$rc" -eq 0 ]; then
	for s in $stamps; do
		mkdir -p "$(dirname "$s")"
		echo "$key" | atomic_write "$s"
	done
fi
msg=$(grep -v '^[[:space:]]*$' "$out/status/$stage.log" | tail -n 1 | sed 's/^[^:]*: \(error: \)\{0,1\}//')
case $rc in
0) echo pass ;;
3) echo "skipped: $msg" ;;
*) echo "fail: $msg" ;;
esac | atomic_write "$out/status/$stage"
[ "$rc" -eq 0 ] || cat "$out/status/$stage.log" >&2
case $rc in
0) [ "$secs" -lt 10 ] || log "$label: pass ($secs s)" ;;
3) [ "$secs" -lt 10 ] || log "$label: skipped ($secs s): $msg" ;;
*) log "$label: FAIL ($secs s): $msg" ;;
esac
exit "$rc"
