#!/bin/sh
# progress.sh - run one long command and show that it is alive: a line when
# it starts, then its elapsed time and what it is doing at least every
# 30 s, so that no run of make is silent for a minute.
#
# Usage: progress.sh [-e LOG] LABEL TEXT -- COMMAND [ARG...]
#   LABEL  what the user reads first, e.g. "7.2 runtime"
#   TEXT   what the command does, until it says more itself
#   -e LOG the command's stderr goes to LOG (the ticker's stays stderr)
# The command (and anything it runs) says what it is doing now with
#   progress_note from common.sh, which writes $ZPCI_PROGRESS_FILE (set
#   here): line 1 a short text ("building the kernel, make -j2"), line 2
#   optionally "LOG EXPECTED", a Kbuild log whose "  CC"/"  AS" lines are
#   counted as objects compiled, out of EXPECTED objects (0: unknown).
# Outputs, on stderr only (stdout is the command's):
#   - on a terminal, one status line rewritten in place every 2 s and
#     cleared at the end;
#   - otherwise (CI, a pipe) "LABEL: <text>[: N/M objects], 1m30s" every
#     ZPCI_PROGRESS_INTERVAL seconds (default 20, so that a slow tick
#     on a loaded machine still keeps within 30 s);
#   - a first line "LABEL: <text>" when the command starts.
#   The ticker ends with the command, or by itself within one interval
#   when this script was killed (it watches its parent).
# Errors: the command's exit status; 2 for bad arguments.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
usage="usage: progress.sh [-e LOG] LABEL TEXT -- COMMAND [ARG...]"
errlog=
if [ "${1:-}" = -e ]; then
	[ $# -ge 2 ] || usage_die "$usage"
	errlog=$2
	shift 2
fi
{ [ $# -ge 4 ] && [ "$3" = -- ]; } || usage_die "$usage"
label=$1 text=$2
shift 3

ZPCI_PROGRESS_FILE=$(mktemp "${TMPDIR:-/tmp}/zpci-progress.XXXXXX")
export ZPCI_PROGRESS_FILE
tick=
# stop_ticker: end the ticker and wait for it. A TERM that arrives before
# the ticker has set its trap can be lost (dash), so it is sent again
# until the ticker is gone.
stop_ticker() {
	[ -n "$tick" ] || return 0
	_i=0
	while [ "$_i" -lt 100 ] && kill "$tick" 2> /dev/null; do
		sleep 0.05
		_i=$((_i + 1))
	done
	wait "$tick" 2> /dev/null || :
	tick=
}
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	stop_ticker
	rm -f "$ZPCI_PROGRESS_FILE"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

if [ -t 2 ]; then tty=1 interval=2; else tty=0 interval=${ZPCI_PROGRESS_INTERVAL:-20}; fi
start=$(date +%s)
parent=$$

# line: the status line as it stands now.
line() {
	_el=$(( $(date +%s) - start ))
	_what=$(sed -n 1p "$ZPCI_PROGRESS_FILE" 2>/dev/null || :)
	_obj=$(sed -n 2p "$ZPCI_PROGRESS_FILE" 2>/dev/null || :)
	_n=
	if [ -n "$_obj" ]; then
		_log=${_obj% *} _exp=${_obj##* }
		_c=$(grep -c -E '^  (CC|AS)( \[M\])? ' "$_log" 2>/dev/null || :)
		case $_exp in 0 | '') _n=": ${_c:-0} objects compiled" ;;
		*) _n=": ${_c:-0}/$_exp objects" ;; esac
	fi
	printf '%s: %s%s, %dm%02ds\n' "$label" "${_what:-working}" "$_n" $((_el / 60)) $((_el % 60))
}

printf '%s\n' "$text" > "$ZPCI_PROGRESS_FILE"
if [ "$tty" -eq 1 ]; then
	printf '\r\033[K%s: %s' "$label" "$text" >&2
else
	printf '%s: %s\n' "$label" "$text" >&2
fi
# The ticker holds no stdout and leaves no sleep behind: a caller that
# reads the command's output, $(...), must not wait for it.
(
	sl=
	trap 'kill "$sl" 2> /dev/null; exit 0' TERM
	trap - EXIT INT HUP
	while :; do
		sleep "$interval" &
		sl=$!
		wait "$sl" || :
		kill -0 "$parent" 2>/dev/null || exit 0
		if [ "$tty" -eq 1 ]; then
			printf '\r\033[K%s' "$(line)" >&2
		else
			line >&2
		fi
	done
) > /dev/null &
tick=$!

rc=0
if [ -n "$errlog" ]; then "$@" 2> "$errlog" || rc=$?; else "$@" || rc=$?; fi
stop_ticker
[ "$tty" -eq 0 ] || printf '\r\033[K' >&2
exit "$rc"
