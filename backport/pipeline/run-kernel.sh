#!/bin/sh
# run-kernel.sh - the main job for one kernel: the stages of
# backport/pipeline/stages in their order (fetch, prepare, probe, generate,
# export, apply, build and fidelity, then the static and the runtime gate),
# each run through stage.sh, which keys it and records its status. On the
# upstream line (its probes find the error store) only the runtime gate
# runs after probe: there it is the oracle, and its results
# (out/<upstream>/runtime.json) are what every backport must match.
#
# Usage: run-kernel.sh NAME [KSRC]
#   NAME  a line of versions, or the label of a user tree given as KSRC
#   KSRC  a kernel tree the user already has (read only)
# Outputs: out/NAME/{probes.json,series,patches/,status/,logs/...},
#   static.sarif, runtime.json, runtime.xml, boot.log; build and work
#   copies under $ZPCI_CACHE/work/NAME.
# Errors: exit 0 when every stage passed or was skipped, 1 when a stage
#   failed, 2 on a usage or environment error.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
{ [ $# -ge 1 ] && [ $# -le 2 ]; } || usage_die "usage: run-kernel.sh NAME [KSRC]"
name=$1 ksrc=${2:-}
out=${ZPCI_OUT:-$ZPCI_TOP/out}/$name
work=$ZPCI_CACHE/work/$name
mkdir -p "$out"
rm -rf "$out/status"
mkdir -p "$out/status" "$out/logs"
# What stage.sh reads to key each stage (see backport/pipeline/stages).
ZPCI_K_OUT=$out ZPCI_K_WORK=$work ZPCI_K_NAME=$name ZPCI_K_ORACLE=$(oracle_json)
export ZPCI_K_OUT ZPCI_K_WORK ZPCI_K_NAME ZPCI_K_ORACLE
st() { sh "$ZB/pipeline/stage.sh" "$@"; }

upname=$(versions_names upstream | head -n 1)
[ -n "$upname" ] || usage_die "no upstream line in $ZPCI_VERSIONS"
upstream=$(sh "$ZB/provision/fetch.sh" "$upname") || exit 2
ZPCI_K_UPSTREAM=$upstream
export ZPCI_K_UPSTREAM

if [ -n "$ksrc" ]; then
	tree=$(kernel_tree "$ksrc" "KSRC=$ksrc") || exit 2
	echo "skipped: KSRC given" > "$out/status/fetch"
else
	versions_field "$name" 2 >/dev/null ||
		usage_die "unknown kernel '$name': not a line of $ZPCI_VERSIONS (known: $(versions_names | tr '\n' ' '))"
	rc=0; tree=$(st fetch -- sh "$ZB/provision/fetch.sh" "$name") || rc=$?
	[ "$rc" -eq 0 ] || exit "$rc"
fi
ZPCI_K_TREE=$tree
export ZPCI_K_TREE
kv=$(sh "$ZB/lib/kversion.sh" "$tree")
printf '%s\n' "$kv" | atomic_write "$out/kernelversion"

# skip_after STAGE: every stage after STAGE is skipped, for $reason.
skip_after() {
	for s in $(stage_names | sed "1,/^$1\$/d"); do
		[ -f "$out/status/$s" ] || echo "skipped: $reason" | atomic_write "$out/status/$s"
	done
}

if ! st prepare -- sh "$ZB/probe/prepare.sh" "$tree" "$work/pristine-build"; then
	reason="prepare failed"; skip_after prepare; exit 1
fi
if ! st probe -- sh "$ZB/probe/probe.sh" "$tree" "$work/pristine-build" "$out"; then
	reason="probe failed"; skip_after probe; exit 1
fi
if sh "$ZB/probe/needed.sh" HAVE_ZPCI_CCDF_PENDING "$out/probes.json"; then
	reason="the upstream tree: no series to check"
	echo "skipped: $reason" | atomic_write "$out/status/static"
	reason="the tree has the error store already (probe HAVE_ZPCI_CCDF_PENDING)"
	for s in generate export apply build fidelity; do
		echo "skipped: $reason" | atomic_write "$out/status/$s"
	done
	rc=0
	ZPCI_K_ORACLE=
	st runtime -- sh "$ZB/gates/runtime/runtime.sh" "$name" "$tree" "$out" "$out" || rc=$?
	case $rc in 0 | 3) exit 0 ;; 2) exit 2 ;; *) exit 1 ;; esac
fi
if ! sh "$ZB/probe/needed.sh" "$(cat "$ZB/probe/supported.expr")" "$out/probes.json"; then
	missing=$(grep -o 'HAVE_[A-Z0-9_]*' "$ZB/probe/supported.expr" |
		jq -R -r --slurpfile p "$out/probes.json" 'select($p[0][.] == false)' | tr '\n' ' ')
	reason="not supported: the probes find neither vfio-pci layout the rules know (${missing% } false)"
	skip_after probe; exit 0
fi
fail=0
st generate -- sh "$ZB/generate/generate.sh" "$name" "$tree" "$upstream" "$out" &&
	st export -- sh "$ZB/generate/export.sh" "$out" &&
	st apply -- sh "$ZB/verify/apply-series.sh" "$tree" "$out" "$work/patched" "$out/logs/apply.log" &&
	st build -- sh "$ZB/verify/build-objects.sh" "$work/patched" "$work/patched-build" "$out" \
		"$out/logs/build.log" || fail=1
if [ "$fail" -eq 0 ]; then
	st fidelity -- sh "$ZB/verify/fidelity.sh" "$name" "$tree" "$work/patched" "$upstream" "$out" || fail=1
	# The gates run whatever fidelity says: each finds other defects.
	rc=0
	st static -- sh "$ZB/gates/static/static.sh" "$name" "$tree" "$out" "$out" || rc=$?
	[ "$rc" -ne 2 ] || exit 2
	[ "$rc" -eq 0 ] || fail=1
	oracle=$(oracle_json)
	if [ -f "$oracle" ]; then
		rc=0
		st runtime -- sh "$ZB/gates/runtime/runtime.sh" "$name" "$tree" "$out" "$out" "$oracle" || rc=$?
		# 3: skipped, no adapter of our test code fits this tree.
		case $rc in 0 | 3) ;; 2) exit 2 ;; *) fail=1 ;; esac
	else
		echo "fail: no oracle results ($oracle): run the upstream line $upname first" |
			atomic_write "$out/status/runtime"
		fail=1
	fi
else
	reason="an earlier stage failed"; skip_after export
fi
exit "$fail"
