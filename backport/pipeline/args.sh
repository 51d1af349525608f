#!/bin/sh
# args.sh - check the arguments of a make goal before any work starts, so
# that a usage error is one line and nothing else.
#
# Usage: args.sh GOAL
#   GOAL  all (the main job), gate, or another goal (nothing to check)
# Inputs (environment, as make passes them): KERNELS (names of versions
#   lines, blank-separated), KSRC (a kernel tree), NAME (a label), SERIES (a
#   directory with a quilt series), EXISTING (a maintainer's quilt series,
#   such as debian/patches). For all: KERNELS names only versions lines;
#   KSRC, when given, is a kernel tree and NAME a label; EXISTING, when
#   given, a series directory whose patches are all there. For gate:
#   KSRC is a kernel tree, SERIES a series directory, NAME a label. For
#   every goal the tools bootstrap.sh wants are there, or we are root (the
#   goal's recipe then installs them). For export: FORMAT is debian or
#   suse, KERNELS one name, DEST a directory, and the packaging tool's
#   own --check passes (a series in out/, DEST's package and version).
# Outputs: nothing when all is well; otherwise the one-line message on
#   stderr (the Makefile shows it through $(error)).
# Errors: exit 2 on the first bad argument, 0 otherwise.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
PROG=zpci-backport
[ $# -eq 1 ] || usage_die "usage: args.sh GOAL"
goal=$1
versions_check

# label_ok WHAT VALUE: VALUE is a label of letters, digits, '.', '_', '-'.
label_ok() {
	case $2 in
	'' | *[!A-Za-z0-9._-]*) usage_die "$1='$2': use letters, digits, '.', '_' and '-' only" ;;
	esac
}

case $goal in
all)
	if [ -n "${KSRC:-}" ]; then
		[ -n "${NAME:-}" ] || usage_die "KSRC=$KSRC needs a label: add NAME=<label> (outputs go to out/<label>/)"
		label_ok NAME "$NAME"
		label_tree_ok "$NAME" "$KSRC"
	else
		for k in ${KERNELS:-}; do
			versions_field "$k" 2 > /dev/null ||
				usage_die "unknown kernel '$k' in KERNELS: use names from $ZPCI_VERSIONS ($(versions_names | tr '\n' ' ' | sed 's/ $//'))"
		done
	fi
	[ -z "${CONFIG:-}" ] || config_file "$CONFIG" > /dev/null || exit 2
	kabi_mode "${KABI:-}" > /dev/null || exit 2
	if [ -n "${EXISTING:-}" ]; then
		series_ok "EXISTING=$EXISTING" "$EXISTING" "point it at a directory with series and its patches (such as debian/patches)"
	fi ;;
gate)
	gate_args "${NAME:-gate}" "${KSRC:-}" "${SERIES:-}" ;;
export)
	case ${FORMAT:-} in
	debian | suse) ;;
	*) usage_die "FORMAT='${FORMAT:-}': use FORMAT=debian (debian/patches of an unpacked source package) or FORMAT=suse (patches.suse/ and series.conf)" ;;
	esac
	# shellcheck disable=SC2086 # KERNELS is a list
	set -- ${KERNELS:-}
	[ $# -eq 1 ] || usage_die "KERNELS='${KERNELS:-}': name the one kernel whose series to export, e.g. KERNELS=5.10"
	label_ok KERNELS "$1"
	[ -n "${DEST:-}" ] || usage_die "DEST is not set: give the directory to export into (FORMAT=debian: an unpacked linux source package)"
	[ -d "$DEST" ] || usage_die "DEST=$DEST is not a directory"
	sh "$ZB/package/$FORMAT.sh" --check "$1" "$DEST" ;;
esac
bs=main
[ "$goal" != check ] || bs=check
if [ "$(id -u)" -ne 0 ]; then
	msg=$(sh "$ZB/provision/bootstrap.sh" "$bs" 2>&1) || {
		printf '%s\n' "$msg" | tr -s '\n ' '  ' | sed 's/ *$//' >&2
		exit 2
	}
fi
exit 0
