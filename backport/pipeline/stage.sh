#!/bin/sh
# stage.sh - run one pipeline stage of one kernel and record its status;
# what the stage reads and leaves comes from its line of
# backport/pipeline/stages, so its key and its stamp follow from that.
#
# Usage: stage.sh STAGE -- COMMAND [ARG...]
# Environment (run-kernel.sh sets it): ZPCI_K_OUT (out/<kernel>),
#   ZPCI_K_WORK (the kernel's work directory), ZPCI_K_TREE, ZPCI_K_UPSTREAM
#   (the trees), ZPCI_K_ORACLE (the oracle's runtime.json), ZPCI_K_NAME,
#   ZPCI_K_EXISTING (a maintainer's series directory, or empty).
# The key: for a stage whose IN is not "-", inputs-key.sh over its inputs
#   (see the stages file). The stage is not run, and passes ("inputs
#   unchanged" in its log), when out/<kernel>/.stamps/STAGE holds that key
#   and every OUT of the stage exists. The stamp is removed before the
#   command runs and written only after it passed, so an interrupted run
#   reruns.
# Outputs: ZPCI_K_OUT/status/STAGE holding "pass", "fail: <last error
#   line>" or, when the command exits 3, "skipped: <its last stderr line>";
#   the command's stderr in ZPCI_K_OUT/logs/STAGE.log;
#   ZPCI_K_OUT/status/STAGE.seconds, the wall seconds it took (0 when not
#   rerun). While it runs, progress.sh shows "<kernel> STAGE: <what>" and
#   its elapsed time; a stage that took 10 s or more, or failed, ends with
#   one line "<kernel> STAGE: pass (N s)" or "... FAIL (N s): <message>".
#   With --key-only, prints the stage's key (empty for an unkeyed stage)
#   and runs nothing.
# Errors: the command's exit status (3 for skipped); 2 for bad arguments.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
usage="usage: stage.sh STAGE -- COMMAND [ARG...] | stage.sh --key-only STAGE"
keyonly=
if [ "${1:-}" = --key-only ]; then keyonly=1; shift; fi
[ $# -ge 1 ] || usage_die "$usage"
stage=$1
shift
[ -n "$keyonly" ] || { [ $# -ge 2 ] && [ "$1" = -- ]; } || usage_die "$usage"
[ -n "$keyonly" ] || shift
out=${ZPCI_K_OUT:?run-kernel.sh sets ZPCI_K_OUT} work=${ZPCI_K_WORK:?}
what=$(stage_what "$stage") || usage_die "stage $stage is not in $ZB/pipeline/stages"

# tool T: the version of tool T.
tool() {
	case $1 in
	cc) s390x-linux-gnu-gcc -dumpfullversion 2> /dev/null || echo unknown ;;
	spatch) spatch --version 2> /dev/null | head -n 1 ;;
	sparse) sh "$ZB/provision/build-sparse.sh" 2> /dev/null || echo unknown ;;
	qemu) qemu-system-s390x --version 2> /dev/null | head -n 1 ;;
	*) usage_die "stage $stage: unknown tool:$1 in $ZB/pipeline/stages" ;;
	esac
}
# key S: the key of stage S, empty when S is not keyed.
key() {
	_in=$(stage_field "$1" 3)
	[ "$_in" != - ] || return 0
	set --
	for _i in $_in; do
		case $_i in
		tree) set -- "$@" "tree:$ZPCI_K_TREE" ;;
		upstream) set -- "$@" "tree:$ZPCI_K_UPSTREAM" ;;
		oracle) set -- "$@" "${ZPCI_K_ORACLE:-/nonexistent}" ;;
		name) set -- "$@" "=$ZPCI_K_NAME" ;;
		existing) set -- "$@" "${ZPCI_K_EXISTING:-=none}" ;;
		config) set -- "$@" "${ZPCI_CONFIG:-=none}" ;;
		kabi) set -- "$@" "=${ZPCI_KABI:-report}" ;;
		out:*) set -- "$@" "$out/${_i#out:}" ;;
		work:*) set -- "$@" "$work/${_i#work:}" ;;
		top:*) set -- "$@" "$ZPCI_TOP/${_i#top:}" ;;
		tool:*) set -- "$@" "=$(tool "${_i#tool:}")" ;;
		stage:*) set -- "$@" "=$(key "${_i#stage:}")" ;;
		*) usage_die "stage $1: unknown input '$_i' in $ZB/pipeline/stages" ;;
		esac
	done
	sh "$ZB/pipeline/inputs-key.sh" "$@"
}
k=$(key "$stage")
if [ -n "$keyonly" ]; then
	printf '%s\n' "$k"
	exit 0
fi

mkdir -p "$out/status" "$out/logs" "$out/.stamps"
stamp=$out/.stamps/$stage
if [ -n "$k" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$k" ]; then
	fresh=1
	for o in $(stage_field "$stage" 2); do
		case $o in
		-) ;;
		out:*) [ -e "$out/${o#out:}" ] || fresh=0 ;;
		work:*) [ -e "$work/${o#work:}" ] || fresh=0 ;;
		esac
	done
	if [ "$fresh" -eq 1 ]; then
		echo "inputs unchanged (key $k): not rerun" > "$out/logs/$stage.log"
		echo pass | atomic_write "$out/status/$stage"
		echo 0 | atomic_write "$out/status/$stage.seconds"
		exit 0
	fi
fi
rm -f "$stamp"
label="$(basename "$out") $stage"
t0=$(date +%s)
rc=0
sh "$ZB/pipeline/progress.sh" -e "$out/logs/$stage.log" "$label" "$what" -- "$@" || rc=$?
secs=$(( $(date +%s) - t0 ))
echo "$secs" | atomic_write "$out/status/$stage.seconds"
[ "$rc" -ne 0 ] || [ -z "$k" ] || echo "$k" | atomic_write "$stamp"
msg=$(grep -v '^[[:space:]]*$' "$out/logs/$stage.log" | tail -n 1 | sed 's/^[^:]*: \(error: \)\{0,1\}//')
case $rc in
0) echo pass ;;
3) echo "skipped: $msg" ;;
*) echo "fail: $msg" ;;
esac | atomic_write "$out/status/$stage"
[ "$rc" -eq 0 ] || cat "$out/logs/$stage.log" >&2
case $rc in
0) [ "$secs" -lt 10 ] || log "$label: pass ($secs s)" ;;
3) [ "$secs" -lt 10 ] || log "$label: skipped ($secs s): $msg" ;;
*) log "$label: FAIL ($secs s): $msg" ;;
esac
exit "$rc"
