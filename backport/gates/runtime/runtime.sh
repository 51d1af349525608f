#!/bin/sh
# runtime.sh - the runtime gate for one kernel: build the tree with its
# series and our test patches, boot it under QEMU s390x with a zPCI
# function, run the KUnit suites and the userspace uAPI program, look for
# lockdep and might_sleep reports, compare with the upstream oracle, and
# write JUnit XML.
#
# Usage: runtime.sh [--work DIR] [--probes FILE] NAME TREE SDIR OUTDIR [ORACLE]
#   NAME    label of the kernel (e.g. 7.2; the oracle is the upstream line)
#   TREE    its pristine tree (read only)
#   SDIR    out/<kernel> or a maintainer's series directory: for a
#           backport, series and patches/ (no series file: the upstream
#           tree, only our patches); read only
#   --probes FILE  the tree's probe results (default SDIR/probes.json)
#   OUTDIR  where the results go (usually the same out/<kernel>)
#   ORACLE  runtime.json of the upstream run (out/7.3/runtime.json); every
#           test must have the same result here as there. Leave it out for
#           the oracle run itself.
#   --work DIR  the build's work directory (default
#           $ZPCI_CACHE/work/NAME/runtime); runs that share it, such as
#           mutants of one kernel, rebuild only what differs.
# Steps: runtime/build.sh (the kernel); the uAPI headers of the upstream
#   tree (uapi-headers.sh);
#   runtime/initramfs.sh (backport/gates/runtime/guest/*.c, static); runtime/boot.sh (QEMU);
#   runtime/results.sh (KTAP through kunit.py parse, lockdep, might_sleep,
#   oops and panic reports, boot checks); runtime/oracle.sh (with ORACLE);
#   runtime/junit.sh.
#   Every run takes a lock on its work directory (flock), so two runs of
#   the same kernel wait for each other.
#   Measured under TCG: boot and all tests 2-7 s; about 35 s when the
#   uAPI program blocks and init's 30 s limit ends it.
# Outputs in OUTDIR:
#   boot.log      the whole console
#   runtime.json  {name, timings: {build_s, boot_s}, results: [{suite, name,
#                 status: PASS|FAIL|SKIP, message[, deviation]}], failed,
#                 deviations}: a FAIL that a rule of the series declares
#                 ("// Deviates:", see runtime/oracle.sh) carries deviation
#                 and does not count as failed
#   runtime.xml   the same as JUnit XML, one testsuite per suite: the KUnit
#                 suites, zpci_uapi, "log" (one case per report pattern) and
#                 "boot"; with ORACLE also "oracle" (one case per oracle test)
#   runtime/      the parts of the console and kunit.py's JSON for each
# Errors: exit 1 when a test failed, a report was found, the guest did not
#   finish, or a result differs from ORACLE; exit 2 for bad arguments or
#   a missing tool; a build failure is exit 1 (runtime/build.sh says why);
#   exit 3 when no set of our test patches fits the tree (the stage is
#   then "skipped" with that reason).
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
usage="usage: runtime.sh [--work DIR] [--probes FILE] NAME TREE SDIR OUTDIR [ORACLE]"
work='' probes=''
while :; do
	case ${1:-} in
	--work) [ $# -ge 2 ] || usage_die "$usage"; work=$2; shift 2 ;;
	--probes) [ $# -ge 2 ] || usage_die "$usage"; probes=$2; shift 2 ;;
	*) break ;;
	esac
done
if [ $# -lt 4 ] || [ $# -gt 5 ]; then usage_die "$usage"; fi
name=$1 tree=$2 sdir=$3 outdir=$4 oracle=${5:-}
probes=${probes:-$sdir/probes.json}
tree=$(kernel_tree "$tree") || exit 2
[ -z "$oracle" ] || [ -f "$oracle" ] ||
	usage_die "no oracle results at $oracle; run runtime.sh on the upstream tree first"
for t in s390x-linux-gnu-gcc python3 jq; do
	command -v "$t" >/dev/null 2>&1 || usage_die "$t not found (run backport/provision/bootstrap.sh check)"
done
work=${work:-$ZPCI_CACHE/work/$name/runtime}
mkdir -p "$outdir" "$work"
# One run at a time per work directory: a second one (make and make check
# at once, or a mutant of the same kernel) waits for the first.
take_lock 9 "$work/.lock" "the runtime gate's work directory of $name"
outdir=$(cd "$outdir" && pwd)
res=$outdir/runtime
rm -rf "$res"
mkdir -p "$res"

# 1. The kernel (exit 3 from runtime/build.sh: no test-patch set fits).
sh "$ZB/gates/runtime/build.sh" "$tree" "$sdir" "$work" "$probes"
build=$work/build

# 2. The uAPI headers of upstream, exported by its own make headers_install.
upname=$(versions_names upstream | head -n 1)
[ -n "$upname" ] || usage_die "no upstream line in $ZPCI_VERSIONS"
upstream=$(sh "$ZB/provision/fetch.sh" "$upname") || exit 2
hdr=$(sh "$ZB/provision/uapi-headers.sh" "$upstream")

# 3. The programs and the initramfs.
ird=$work/initramfs
sh "$ZB/gates/runtime/initramfs.sh" "$hdr" "$build" "$work/modules" "$ird"

# 4. The boot.
booted=1
sh "$ZB/gates/runtime/boot.sh" "$build/arch/s390/boot/bzImage" "$ird/initramfs.cpio" \
	"$outdir/boot.log" 150 || booted=0
tr -d '\r' < "$outdir/boot.log" > "$res/console.log"

# 5. The results: KTAP, report patterns, boot checks; then the oracle.
sh "$ZB/gates/runtime/results.sh" "$res" "$tree" "$upstream" "$booted"
# The deviations the series' rules declare (their "// Deviates:" lines),
# read from the rules its patch headers name.
: > "$res/deviations.tsv"
for p in $(series_entries "$sdir"); do
	sed -n 's/^Backport: .*; rules: \(.*\); compat: .*$/\1/p' "$(series_dir "$sdir")/$p" | tr ' ' '\n'
done | sort -u | while read -r r; do
	rf=$(rule_file "$r") || continue
	sh "$ZB/lib/cocci-header.sh" "$rf" Deviates |
		sed -n "s/^\([^ ]*\) \([A-Z]*\): \(.*\)\$/\1\t\2\t\3\t$r/p"
done > "$res/deviations.tsv"
[ -z "$oracle" ] || sh "$ZB/gates/runtime/oracle.sh" "$res/results.json" "$oracle" "$res/deviations.tsv"
boot_s=$(sed -n 's/^runtime-boot: .* after \([0-9]*\) s$/\1/p' "$res/console.log" | tail -n 1)

build_s=$(cat "$work/build.time" 2>/dev/null || echo null)
jq --arg n "$name" --arg o "$oracle" --argjson b "$build_s" --argjson t "${boot_s:-null}" '
	{name: $n, oracle: (if $o == "" then null else $o end),
	 timings: {build_s: $b, boot_s: $t},
	 failed: (map(select(.status == "FAIL" and .deviation == null)) | length),
	 deviations: [.[] | select(.deviation != null) | "\(.suite).\(.name): \(.deviation)"],
	 results: .}' "$res/results.json" | atomic_write "$outdir/runtime.json"

sh "$ZB/gates/runtime/junit.sh" "$outdir/runtime.json" | atomic_write "$outdir/runtime.xml"

failed=$(jq .failed "$outdir/runtime.json")
log "$name: $(jq '.results | length' "$outdir/runtime.json") checks, $failed failed; build ${build_s} s, boot ${boot_s:-?} s; $outdir/runtime.xml"
if [ "$failed" -ne 0 ]; then
	jq -r '.results[] | select(.status == "FAIL") | "  FAIL \(.suite).\(.name): \(.message | split("\n")[0])"' \
		"$outdir/runtime.json" | head -n 20 >&2
	die "$name: $failed runtime check(s) failed (see $outdir/runtime.xml and $outdir/boot.log)"
fi
