#!/bin/sh
# main.sh - the main job: for each kernel, run the pipeline, then print the
# kernel x stage table and write out/report.json.
#
# Usage: main.sh [KERNEL...]    (default: every "target" line of versions;
#   one argument may hold several names: make passes KERNELS="7.2 6.12")
#   KSRC=/path NAME=label main.sh   runs the same pipeline on a user tree
#   EXISTING=dir main.sh ...        every target tree gets the maintainer's
#                                   series in dir first (run-kernel.sh)
# The upstream line always runs first: its runtime gate results are the
# oracle the backports' runtime gates are compared with.
# Outputs: out/<kernel>/ (series, patches, probes, logs), out/report.json.
# Errors: exit 0 when every stage passed (or was skipped with a reason), 1
#   when a stage failed, 2 on a usage or environment error, with a one-line
#   message naming the input and the fix.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
export PROG=zpci-backport

sh "$ZB/provision/bootstrap.sh" main
# sparse 0.6.5~rc1 (7.x kernels silently switch 0.6.4 off), for the gates.
sh "$ZB/pipeline/progress.sh" "sparse" "building sparse 0.6.5~rc1 from Debian's source package" -- \
	sh "$ZB/provision/build-sparse.sh" >/dev/null || exit 2
versions_check
if [ -n "${KSRC:-}" ]; then
	[ -n "${NAME:-}" ] || usage_die "KSRC=$KSRC needs a label: add NAME=<label> (outputs go to out/<label>/)"
	case $NAME in *[!A-Za-z0-9._-]*) usage_die "NAME=$NAME: use letters, digits, '.', '_' and '-' only" ;; esac
	kernel_tree "$KSRC" "KSRC=$KSRC" > /dev/null || exit 2
	kernels=$NAME
else
	kernels=${*:-$(versions_names target | tr '\n' ' ')}
	for k in $kernels; do
		versions_field "$k" 2 >/dev/null ||
			usage_die "unknown kernel '$k' in KERNELS: use names from $ZPCI_VERSIONS ($(versions_names | tr '\n' ' '))"
	done
fi

if [ -n "${CONFIG:-}" ]; then
	ZPCI_CONFIG=$(config_file "$CONFIG") || exit 2
	export ZPCI_CONFIG
fi
ZPCI_KABI=$(kabi_mode "${KABI:-}") || exit 2
export ZPCI_KABI
if [ -n "${EXISTING:-}" ]; then
	[ -f "$EXISTING/series" ] || usage_die "EXISTING=$EXISTING holds no quilt series file; point it at a directory with series and its patches (such as debian/patches)"
	ZPCI_EXISTING=$(cd "$EXISTING" && pwd)
	export ZPCI_EXISTING
fi
upname=$(versions_names upstream | head -n 1)
case " $kernels " in *" $upname "*) ;; *) kernels="$upname $kernels" ;; esac
rc=0
for k in $kernels; do
	krc=0
	if [ -n "${KSRC:-}" ] && [ "$k" = "$NAME" ]; then
		sh "$ZB/pipeline/run-kernel.sh" "$k" "$KSRC" || krc=$?
	else
		sh "$ZB/pipeline/run-kernel.sh" "$k" || krc=$?
	fi
	[ "$krc" -ne 2 ] || exit 2
	[ "$krc" -eq 0 ] || rc=1
done
echo
# shellcheck disable=SC2086 # kernel names contain no blanks
sh "$ZB/pipeline/report.sh" $kernels || rc=1
exit "$rc"
