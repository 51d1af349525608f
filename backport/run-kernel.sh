#!/bin/sh
# run-kernel.sh - the main job for one kernel: fetch, prepare, probe,
# generate, export, apply, build and fidelity, then the two gates, static
# (backport/gate-static.sh) and runtime (backport/runtime.sh), each a recorded
# stage. On the upstream line (its probes find the error store) only the
# runtime gate runs after probe: there it is the oracle, and its results
# (out/<upstream>/runtime.json) are what every backport must match.
#
# Usage: run-kernel.sh NAME [KSRC]
#   NAME  a line of versions, or the label of a user tree given as KSRC
#   KSRC  a kernel tree the user already has (read only)
# Outputs: out/NAME/{probes.json,series,patches/,status/...}, static.sarif,
#   runtime.json, runtime.xml, boot.log; build and work copies under
#   $ZPCI_CACHE/work/NAME.
# Errors: exit 0 when every stage passed or was skipped, 1 when a stage
#   failed, 2 on a usage or environment error.
set -eu
. "$(dirname "$0")/common.sh"
[ $# -ge 1 ] && [ $# -le 2 ] || usage_die "usage: run-kernel.sh NAME [KSRC]"
name=$1 ksrc=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
out=${ZPCI_OUT:-$ZPCI_TOP/out}/$name
work=$ZPCI_CACHE/work/$name
mkdir -p "$out"
rm -rf "$out/status"
mkdir -p "$out/status"
st() { sh "$here/stage.sh" "$out" "$@"; }
key() { sh "$here/inputs-key.sh" "$@"; }
stamps=$out/.stamps
# An output removed by hand invalidates the stamp of the stage that wrote it.
[ -f "$out/probes.json" ] || rm -f "$stamps/probe"
[ -d "$out/gen" ] || rm -f "$stamps/generate"
[ -f "$out/fidelity.json" ] || rm -f "$stamps/fidelity"
[ -f "$out/static.sarif" ] || rm -f "$stamps/static"
[ -f "$out/runtime.json" ] || rm -f "$stamps/runtime"

upname=$(versions_names upstream | head -n 1)
[ -n "$upname" ] || usage_die "no upstream line in $ZPCI_VERSIONS"
upstream=$(sh "$here/fetch.sh" "$upname") || exit 2

if [ -n "$ksrc" ]; then
	tree=$(kernel_tree "$ksrc" "KSRC=$ksrc") || exit 2
	mkdir -p "$out/status"
	echo "skipped: KSRC given" > "$out/status/fetch"
else
	versions_field "$name" 2 >/dev/null ||
		usage_die "unknown kernel '$name': not a line of $ZPCI_VERSIONS (known: $(versions_names | tr '\n' ' '))"
	rc=0; tree=$(st fetch -- sh "$here/fetch.sh" "$name") || rc=$?
	[ "$rc" -eq 0 ] || exit "$rc"
fi
kv=$(sh "$here/kversion.sh" "$tree")
printf '%s\n' "$kv" | atomic_write "$out/kernelversion"

skip_rest() {
	for s in "$@"; do echo "skipped: $reason" | atomic_write "$out/status/$s"; done
}

if ! st prepare -- sh "$here/prepare.sh" "$tree" "$work/pristine-build"; then
	reason="prepare failed"; skip_rest probe generate export apply build fidelity static runtime; exit 1
fi
# What each later stage reads, as one key: a rerun with nothing changed
# skips the stage (stage.sh --key). Tool versions count as inputs.
cc=$(s390x-linux-gnu-gcc -dumpfullversion 2>/dev/null || echo unknown)
k_probe=$(key "tree:$tree" "$work/pristine-build/.config" "$ZPCI_TOP/compat/probes" \
	"$here/probe.sh" "=$cc")
if ! st probe --key "$k_probe" "$stamps/probe" -- sh "$here/probe.sh" "$tree" "$work/pristine-build" "$out"; then
	reason="probe failed"; skip_rest generate export apply build fidelity static runtime; exit 1
fi
qemuv=$(qemu-system-s390x --version 2>/dev/null | head -n 1)
# k_runtime KEY...: the runtime gate's key: what the build, the boot and
# the tests read, on top of the given keys.
k_runtime() {
	key "$@" "tree:$upstream" "$out/probes.json" "$ZPCI_TOP/patches" \
		"$ZPCI_TOP/compat/runtime.config" "$ZPCI_TOP/compat/runtime-base.config" "$ZPCI_TOP/tests/uapi" "$here" "=$cc" "=$qemuv"
}
if sh "$here/needed.sh" HAVE_ZPCI_CCDF_PENDING "$out/probes.json"; then
	reason="the tree has the error store already (probe HAVE_ZPCI_CCDF_PENDING)"
	skip_rest generate export apply build fidelity
	reason="the upstream tree: no series to check"
	skip_rest static
	rc=0
	st runtime --key "$(k_runtime "tree:$tree")" "$stamps/runtime" -- \
		sh "$here/runtime.sh" "$name" "$tree" "$out" "$out" || rc=$?
	case $rc in 0 | 3) exit 0 ;; 2) exit 2 ;; *) exit 1 ;; esac
fi
if ! sh "$here/needed.sh" "$(cat "$here/supported.expr")" "$out/probes.json"; then
	missing=$(grep -o 'HAVE_[A-Z0-9_]*' "$here/supported.expr" |
		jq -R -r --slurpfile p "$out/probes.json" 'select($p[0][.] == false)' | tr '\n' ' ')
	reason="not supported: the probes find neither vfio-pci layout the rules know (${missing% } false)"
	skip_rest generate export apply build fidelity static runtime; exit 0
fi
spatchv=$(spatch --version 2>/dev/null | head -n 1)
k_gen=$(key "tree:$tree" "tree:$upstream" "$out/probes.json" "$ZPCI_TOP/semantic-patches" \
	"$ZPCI_TOP/compat" "$here" "=$name" "=$spatchv")
fail=0
st generate --key "$k_gen" "$stamps/generate" -- \
	sh "$here/generate.sh" "$name" "$tree" "$upstream" "$out" &&
	st export -- sh "$here/export.sh" "$out" || fail=1
if [ "$fail" -eq 0 ]; then
	k_apply=$(key "tree:$tree" "$out/series" "$out/patches" "$here")
	k_build=$(key "=$k_apply" "$ZPCI_TOP/compat/kconfig.fragment" "=$cc")
	k_fid=$(key "=$k_apply" "tree:$upstream" "$out/gen" "$ZPCI_TOP/semantic-patches")
	st apply --key "$k_apply" "$stamps/apply" "$work/patched/.zpci-applied" -- \
		sh "$here/apply-series.sh" "$tree" "$out" "$work/patched" &&
		st build --key "$k_build" "$stamps/build" "$work/patched-build/.zpci-built" -- \
		sh "$here/build-objects.sh" "$work/patched" "$work/patched-build" "$out" || fail=1
fi
if [ "$fail" -eq 0 ]; then
	st fidelity --key "$k_fid" "$stamps/fidelity" -- \
		sh "$here/fidelity.sh" "$name" "$tree" "$work/patched" "$upstream" "$out" || fail=1
	# The gates run whatever fidelity says: each finds other defects.
	k_static=$(key "=$k_build" "$ZPCI_TOP/semantic-patches" "=$spatchv" \
		"=$(sh "$here/build-sparse.sh")")
	rc=0
	st static --key "$k_static" "$stamps/static" -- \
		sh "$here/gate-static.sh" "$name" "$tree" "$out" "$out" || rc=$?
	[ "$rc" -ne 2 ] || exit 2
	[ "$rc" -eq 0 ] || fail=1
	oracle=$(oracle_json)
	if [ -f "$oracle" ]; then
		rc=0
		st runtime --key "$(k_runtime "=$k_apply" "$oracle")" "$stamps/runtime" -- \
			sh "$here/runtime.sh" "$name" "$tree" "$out" "$out" "$oracle" || rc=$?
		# 3: skipped, no set of our test patches fits this tree.
		case $rc in 0 | 3) ;; 2) exit 2 ;; *) fail=1 ;; esac
	else
		echo "fail: no oracle results ($oracle): run the upstream line $upname first" |
			atomic_write "$out/status/runtime"
		fail=1
	fi
else
	for s in generate export apply build fidelity static runtime; do
		[ -f "$out/status/$s" ] || { reason="an earlier stage failed"; skip_rest "$s"; }
	done
fi
exit "$fail"
