#!/bin/sh
# probes.sh - test backport/prepare.sh and backport/probe.sh on real trees:
# prepare and probe 7.2 and 6.12 and compare every probe with what the
# tree sources say (checked by hand once; see the per-tree lists below).
#
# Usage: tests/probes.sh
# Inputs: the trees of the versions file (backport/fetch.sh extracts any
#   that is missing); the cross compiler. Build directories are
#   $ZPCI_CACHE/build/probe-test-<name> (reused: prepare.sh is a no-op on
#   a second run), probe results go to $ZPCI_CACHE/build/probe-test-<name>.out.
#   Cold, on 2 cores: about 20 s prepare + 15 s probe per tree.
# Outputs: one line per test on stdout:
#   PASS probes-<name>  /  FAIL probes-<name>: reason
#   PASS prepare-rerun-<name>: a second prepare.sh is a no-op
#   PASS probes-infrastructure: probe.sh fails, rather than reporting 0,
#     when the compiler never gives a verdict (a broken ccache on PATH)
# Errors: exit 1 when any test failed, 0 otherwise.
set -eu
ZPCI_TOP=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../backport/common.sh
. "$ZPCI_TOP/backport/common.sh"

failed=0
pass() { printf 'PASS %s\n' "$1"; }
fail() { printf 'FAIL %s: %s\n' "$1" "$2"; failed=1; }

# Expected probe results, as a jq object. What each tree has was read off
# its sources: 7.2 has pci_report.h and the relaxed is_driver_supported()
# but no struct zpci_ccdf_pending (7.3 only); 6.12 has neither of the
# first two. No 6.x tree has 5.10's struct vfio_pci_device.
all_but() {
	jq -n -c --arg off "$1" '
		["HAVE_CLEANUP_H", "HAVE_EVENTFD_SIGNAL_1ARG", "HAVE_GUARD_DEVICE",
		 "HAVE_GUARD_MUTEX", "HAVE_GUARD_PCI_DEV", "HAVE_PCI_DEV_LOCK",
		 "HAVE_SCOPED_GUARD", "HAVE_UAPI_COUNTED_BY", "HAVE_VFIO_CHECK_FEATURE",
		 "HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE", "HAVE_VFIO_PCI_CORE_DEVICE",
		 "HAVE_VFIO_PCI_DEVICE", "HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE",
		 "HAVE_ZPCI_CCDF_PENDING", "HAVE_ZPCI_EVENT_RECOVERY",
		 "HAVE_ZPCI_RECOVERY_MINIMAL_DRIVER", "HAVE_ZPCI_REPORT_STATUS",
		 "HAVE_ZPCI_BASE_CAP_FH", "HAVE_TO_PCI_DRIVER_NULL",
		 "HAVE_ZPCI_STATE_LOCK", "HAVE_CLP_REFRESH_FH"]
		| ($off | split(" ")) as $o
		| map({(.): (. as $k | $o | any(. == $k) | not)}) | add'
}
expect_7_2=$(all_but "HAVE_ZPCI_CCDF_PENDING HAVE_VFIO_PCI_DEVICE")
expect_6_12=$(all_but "HAVE_ZPCI_CCDF_PENDING HAVE_VFIO_PCI_DEVICE HAVE_ZPCI_REPORT_STATUS HAVE_ZPCI_RECOVERY_MINIMAL_DRIVER")
# 6.1 also lacks guard(device) and has the two-argument eventfd_signal().
expect_6_1=$(all_but "HAVE_ZPCI_CCDF_PENDING HAVE_VFIO_PCI_DEVICE HAVE_ZPCI_REPORT_STATUS HAVE_ZPCI_RECOVERY_MINIMAL_DRIVER HAVE_GUARD_DEVICE HAVE_EVENTFD_SIGNAL_1ARG HAVE_ZPCI_STATE_LOCK")
# only NAMES: the probes of a tree that has nothing but NAMES.
only() { jq -n -c --argjson all "$(all_but "")" --arg on "$1" '($on | split(" ")) as $o | $all | with_entries(.value = (.key as $k | $o | any(. == $k)))'; }
# 5.10.262: the old vfio-pci layout and no host recovery, but a stable
# backport of cleanup.h with guard(mutex) (scoped_guard() fails in gnu89),
# and a to_pci_driver() that is a bare container_of();
# 5.10.218: not even cleanup.h.
expect_5_10=$(only "HAVE_CLEANUP_H HAVE_GUARD_MUTEX HAVE_VFIO_PCI_DEVICE")
expect_5_10_218=$(only "HAVE_VFIO_PCI_DEVICE")

# check NAME EXPECTED: prepare, probe and compare one tree.
check() {
	name=$1 expect=$2
	t=probes-$name
	tree=$(sh "$ZPCI_TOP/backport/fetch.sh" "$name" 2>/dev/null) ||
		{ fail "$t" "backport/fetch.sh $name failed"; return; }
	build=$ZPCI_CACHE/build/probe-test-$name
	out=$build.out
	if ! err=$(sh "$ZPCI_TOP/backport/prepare.sh" "$tree" "$build" 2>&1); then
		fail "$t" "prepare.sh failed: $(printf '%s\n' "$err" | tail -n 5 | tr '\n' ' ')"
		return
	fi
	if ! err=$(sh "$ZPCI_TOP/backport/probe.sh" "$tree" "$build" "$out" 2>&1); then
		fail "$t" "probe.sh failed: $(printf '%s\n' "$err" | tail -n 5 | tr '\n' ' ')"
		return
	fi
	diff=$(jq -r --argjson e "$expect" '
		(keys + ($e | keys) | unique)[] as $k
		| select(.[$k] != $e[$k])
		| "\($k)=\(if has($k) then .[$k] else "missing" end)" +
		  " (expected \(if $e | has($k) then $e[$k] else "no such probe" end))"' \
		"$out/probes.json" | tr '\n' ' ')
	if [ -n "$diff" ]; then
		fail "$t" "${diff% } (logs: $out/probes/)"
	elif [ "$(grep -c '^#define HAVE_' "$out/probes.h")" -ne \
		"$(jq '[.[] | select(.)] | length' "$out/probes.json")" ]; then
		fail "$t" "probes.h does not match probes.json"
	else
		pass "$t"
	fi

	t=prepare-rerun-$name
	if err=$(sh "$ZPCI_TOP/backport/prepare.sh" "$tree" "$build" 2>&1) &&
		printf '%s\n' "$err" | grep -q 'prepared already'; then
		pass "$t"
	else
		fail "$t" "a second prepare.sh did not find the stamp: $err"
	fi
}

check 7.2 "$expect_7_2"
check 6.12 "$expect_6_12"
check 6.1 "$expect_6_1"
check 5.10 "$expect_5_10"
check 5.10.218 "$expect_5_10_218"

# A ccache that fails without a word: make fails on every probe, but no
# compiler error is in any log, so probe.sh must refuse to report.
t=probes-infrastructure
build=$ZPCI_CACHE/build/probe-test-7.2
if [ -f "$build/.zpci-prepared" ]; then
	fake=$(mktemp -d)
	printf '#!/bin/sh\nexit 1\n' > "$fake/ccache"
	chmod +x "$fake/ccache"
	rc=0
	err=$(PATH=$fake:$PATH sh "$ZPCI_TOP/backport/probe.sh" \
		"$(sh "$ZPCI_TOP/backport/fetch.sh" 7.2 2>/dev/null)" "$build" "$fake/out" 2>&1) || rc=$?
	if [ "$rc" -eq 1 ] && printf '%s\n' "$err" | grep -q 'without a compiler verdict' &&
		[ ! -e "$fake/out/probes.json" ]; then
		pass "$t"
	else
		fail "$t" "probe.sh with a broken compiler exited $rc: $(printf '%s\n' "$err" | tail -n 2 | tr '\n' ' ')"
	fi
	rm -rf "$fake"
else
	fail "$t" "no prepared 7.2 build directory to test with"
fi

exit "$failed"
