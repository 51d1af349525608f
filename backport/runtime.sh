#!/bin/sh
# runtime.sh - the runtime gate for one kernel: build the tree with its
# series and our test patches, boot it under QEMU s390x with a zPCI
# function, run the KUnit suites and the userspace uAPI program, look for
# lockdep and might_sleep reports, compare with the upstream oracle, and
# write JUnit XML.
#
# Usage: runtime.sh [--work DIR] NAME TREE SDIR OUTDIR [ORACLE]
#   NAME    label of the kernel (e.g. 7.2; the oracle is the upstream line)
#   TREE    its pristine tree (read only)
#   SDIR    out/<kernel>: probes.json and, for a backport, series and
#           patches/ (no series file: the upstream tree, only our patches)
#   OUTDIR  where the results go (usually the same out/<kernel>)
#   ORACLE  runtime.json of the upstream run (out/7.3/runtime.json); every
#           test must have the same result here as there. Leave it out for
#           the oracle run itself.
#   --work DIR  the build's work directory (default
#           $ZPCI_CACHE/work/NAME/runtime); runs that share it, such as
#           mutants of one kernel, rebuild only what differs.
# Steps: backport/runtime-build.sh; the uAPI headers of the upstream tree
#   (make headers_install, once, into $ZPCI_CACHE/uapi/); tests/uapi/*.c
#   built static with s390x-linux-gnu-gcc; an initramfs made with the
#   build's usr/gen_init_cpio; backport/runtime-boot.sh; the console split
#   into the kernel's KTAP (before "zpci-runtime: uapi start") and the uAPI
#   program's, each parsed with the tree's tools/testing/kunit/kunit.py
#   parse --json (the upstream tree's copy when a probe shows that the
#   tree's cannot parse KTAP version 1 into that JSON: 5.10); the "# "
#   lines before a "not ok" line become the failure's message; the console
#   is scanned for lockdep, might_sleep, oops and panic reports.
#   Every run takes a lock on its work directory (flock), so two runs of
#   the same kernel wait for each other.
#   Measured under TCG: boot and all tests 2-7 s; about 35 s when the
#   uAPI program blocks and init's 30 s limit ends it.
# Outputs in OUTDIR:
#   boot.log      the whole console
#   runtime.json  {name, timings: {build_s, boot_s}, results: [{suite, name,
#                 status: PASS|FAIL|SKIP, message}], failed}
#   runtime.xml   the same as JUnit XML, one testsuite per suite: the KUnit
#                 suites, zpci_uapi, "log" (one case per report pattern) and
#                 "boot"; with ORACLE also "oracle" (one case per oracle test)
#   runtime/      the parts of the console and kunit.py's JSON for each
# Errors: exit 1 when a test failed, a report was found, the guest did not
#   finish, or a result differs from ORACLE; exit 2 for bad arguments or
#   a missing tool; a build failure is exit 1 (runtime-build.sh says why).
set -eu
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"
usage="usage: runtime.sh [--work DIR] NAME TREE SDIR OUTDIR [ORACLE]"
work=
if [ "${1:-}" = --work ]; then
	[ $# -ge 2 ] || usage_die "$usage"
	work=$2
	shift 2
fi
if [ $# -lt 4 ] || [ $# -gt 5 ]; then usage_die "$usage"; fi
name=$1 tree=$2 sdir=$3 outdir=$4 oracle=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$tree/Makefile" ] || usage_die "$tree is not a kernel tree (run fetch.sh $name)"
tree=$(cd "$tree" && pwd)
[ -z "$oracle" ] || [ -f "$oracle" ] ||
	usage_die "no oracle results at $oracle; run runtime.sh on the upstream tree first"
for t in s390x-linux-gnu-gcc python3 jq; do
	command -v "$t" >/dev/null 2>&1 || usage_die "$t not found (run backport/bootstrap.sh check)"
done
[ -f /usr/s390x-linux-gnu/lib/libc.a ] ||
	usage_die "no static s390x C library: apt-get install libc6-dev-s390x-cross"
work=${work:-$ZPCI_CACHE/work/$name/runtime}
mkdir -p "$outdir" "$work"
# One run at a time per work directory: a second one (make and make check
# at once, or a mutant of the same kernel) waits for the first.
command -v flock >/dev/null 2>&1 || usage_die "flock not found (util-linux)"
exec 9> "$work/.lock"
if ! flock -n 9; then
	log "waiting for another run in $work"
	flock 9
fi
outdir=$(cd "$outdir" && pwd)
res=$outdir/runtime
rm -rf "$res"
mkdir -p "$res"

# 1. The kernel.
sh "$here/runtime-build.sh" "$tree" "$sdir" "$work"
build=$work/build

# 2. The uAPI headers of upstream, exported by its own make headers_install.
upname=$(versions_names upstream | head -n 1)
[ -n "$upname" ] || usage_die "no upstream line in $ZPCI_VERSIONS"
upstream=$(sh "$here/fetch.sh" "$upname") || exit 2
hdr=$ZPCI_CACHE/uapi/$(basename "$upstream")
if [ ! -f "$hdr/.done" ]; then
	rm -rf "$hdr"
	mkdir -p "$hdr"
	(unset MAKEFLAGS MFLAGS MAKELEVEL
	make -C "$upstream" O="$hdr/obj" ARCH=s390 INSTALL_HDR_PATH="$hdr" \
		headers_install > "$hdr/headers.log" 2>&1) ||
		die "make headers_install of $upstream failed (see $hdr/headers.log)"
	rm -rf "$hdr/obj"
	touch "$hdr/.done"
fi

# 3. The programs and the initramfs.
ird=$work/initramfs
mkdir -p "$ird"
for p in init zpci_uapi; do
	s390x-linux-gnu-gcc -static -O2 -Wall -Wextra -Wno-format-truncation \
		-Werror -I"$hdr/include" -o "$ird/$p" "$ZPCI_TOP/tests/uapi/$p.c" 2> "$ird/$p.log" ||
		die "building tests/uapi/$p.c failed: $(head -n 3 "$ird/$p.log")"
done
cat > "$ird/list" <<EOF
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
dir /sys 0755 0 0
file /init $ird/init 0755 0 0
file /zpci_uapi $ird/zpci_uapi 0755 0 0
EOF
"$build/usr/gen_init_cpio" "$ird/list" > "$ird/initramfs.cpio" ||
	die "gen_init_cpio failed for $ird/list"

# 4. The boot.
booted=1
sh "$here/runtime-boot.sh" "$build/arch/s390/boot/bzImage" "$ird/initramfs.cpio" \
	"$outdir/boot.log" 150 || booted=0
tr -d '\r' < "$outdir/boot.log" > "$res/console.log"

# 5. KTAP through kunit.py parse.
awk '/zpci-runtime: uapi start/ { exit } { print }' "$res/console.log" > "$res/kernel.ktap"
awk '/zpci-runtime: uapi (exit|timeout)/ { exit } on { print }
	/zpci-runtime: uapi start/ { on = 1 }' "$res/console.log" > "$res/uapi.ktap"
# kunit.py writes no bytecode into the read-only trees.
export PYTHONDONTWRITEBYTECODE=1
# The tree's own kunit.py, if it parses KTAP version 1 into the JSON this
# script reads (a capability probe on a one-test document); otherwise the
# upstream tree's copy (5.10's knows only TAP 14 and an older JSON).
kunit=$tree/tools/testing/kunit/kunit.py
printf 'KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: s\n    1..1\n    ok 1 t\nok 1 s\n' \
	> "$res/probe.ktap"
if [ ! -f "$kunit" ] ||
	! python3 "$kunit" parse --json="$res/probe.json" "$res/probe.ktap" > /dev/null 2>&1 ||
	! jq -e '.sub_groups[0].test_cases[0].name == "t" and (.sub_groups[0].misc | type) == "object"' \
		"$res/probe.json" > /dev/null 2>&1; then
	kunit=$upstream/tools/testing/kunit/kunit.py
fi
log "parsing KTAP with $kunit"
for part in kernel uapi; do
	rm -f "$res/$part.json"
	python3 "$kunit" parse --json="$res/$part.json" "$res/$part.ktap" \
		> "$res/$part.parse.txt" 2>&1 || true
	[ -s "$res/$part.json" ] || echo '{"name": "none", "sub_groups": [], "test_cases": []}' > "$res/$part.json"
done

# 6. Results: the test cases of every suite, then the log checks.
jq -n --slurpfile k "$res/kernel.json" --slurpfile u "$res/uapi.json" '
	def bad: .misc.failed + .misc.crashed + .misc.errors > 0;
	def cases: .sub_groups[] | .name as $s |
		(.test_cases[] | select(.name != "") | {suite: $s, name, status, message: ""}),
		(.sub_groups[] | {suite: $s, name: .name,
			status: (if bad then "FAIL" else "PASS" end), message: ""}),
		{suite: $s, name: "suite_complete",
		 status: (if .misc.crashed + .misc.errors > 0 then "FAIL" else "PASS" end),
		 message: "the suite crashed or printed fewer results than its plan"};
	[($k[0] | cases), ($u[0] | cases)]
	| map(if .status == "PASS" or .status == "SKIP" then .message = ""
		else .status = "FAIL" | .message = (if .message == "" then
			"failed in the guest (see boot.log)" else .message end) end)' \
	> "$res/tests.json"
# The message of a failed test: the "# ..." lines printed before its
# "not ok" line (KUnit's EXPECTATION FAILED lines, the uAPI program's
# diagnostics).
awk '
	/# Subtest: / { sub(/^.*# Subtest: /, ""); suite = $0; buf = ""; next }
	/^[ \t]+# / { line = $0; sub(/^[ \t]+# /, "", line); buf = buf line "\\n"; next }
	/^[ \t]+(not )?ok [0-9]+ / {
		if ($1 == "not") { name = $4; if (name == "-") name = $5
			printf "%s\t%s\t%s\n", suite, name, buf }
		buf = ""
	}' "$res/kernel.ktap" "$res/uapi.ktap" > "$res/messages.tsv"
jq -R -s 'split("\n") | map(select(length > 0) | split("\t")
		| {key: "\(.[0]).\(.[1])", value: (.[2] | gsub("\\\\n"; "\n") | rtrimstr("\n"))})
	| from_entries' "$res/messages.tsv" > "$res/messages.json"
jq --slurpfile m "$res/messages.json" \
	'map(if .status == "FAIL" and ($m[0]["\(.suite).\(.name)"] // "") != ""
		then .message = $m[0]["\(.suite).\(.name)"] else . end)' \
	"$res/tests.json" > "$res/tests.tmp"
mv "$res/tests.tmp" "$res/tests.json"
for s in zpci_error_store vfio_zpci_error_feature zpci_uapi; do
	jq -e --arg s "$s" 'any(.[]; .suite == $s)' "$res/tests.json" >/dev/null && continue
	jq --arg s "$s" '. + [{suite: $s, name: "suite_ran", status: "FAIL",
		message: "the suite printed no results (see boot.log)"}]' \
		"$res/tests.json" > "$res/tests.tmp"
	mv "$res/tests.tmp" "$res/tests.json"
done

# The reports lockdep and DEBUG_ATOMIC_SLEEP print, by name.
cat > "$res/patterns" <<'EOF'
lockdep_circular_dependency	possible circular locking dependency detected
lockdep_recursive_locking	possible recursive locking detected
lockdep_inconsistent_state	inconsistent lock state
lockdep_held_returning_to_user	lock held when returning to user space
lockdep_held_at_task_exit	still has locks held!
lockdep_held_lock_freed	held lock freed!
lockdep_bad_unlock	bad unlock balance detected
lockdep_suspicious_rcu	suspicious RCU usage
might_sleep_invalid_context	BUG: sleeping function called from invalid context
sleep_in_atomic	BUG: scheduling while atomic
kernel_oops	Oops:
kernel_bug	kernel BUG at
kernel_panic	Kernel panic - not syncing
EOF
: > "$res/log.jsonl"
while IFS='	' read -r check pat; do
	line=$(grep -n -F -m 1 -- "$pat" "$res/console.log" || true)
	if [ -n "$line" ]; then
		n=${line%%:*}
		msg=$(sed -n "$n,$((n + 12))p" "$res/console.log")
		jq -n --arg c "$check" --arg m "$msg" \
			'{suite: "log", name: $c, status: "FAIL", message: $m}'
	else
		jq -n --arg c "$check" '{suite: "log", name: $c, status: "PASS", message: ""}'
	fi >> "$res/log.jsonl"
done < "$res/patterns"

uexit=$(sed -n 's/^.*zpci-runtime: uapi exit \([0-9]*\).*$/\1/p' "$res/console.log" | head -n 1)
boot_s=$(sed -n 's/^runtime-boot: .* after \([0-9]*\) s$/\1/p' "$res/console.log" | tail -n 1)
{
	if [ -n "$uexit" ]; then
		jq -n '{suite: "boot", name: "uapi_finished", status: "PASS", message: ""}'
	else
		jq -n --arg m "$(grep -m 1 -E 'zpci-runtime: uapi timeout|Kernel panic|runtime-boot: timeout' "$res/console.log" || echo 'no "zpci-runtime: uapi exit" line')" \
			'{suite: "boot", name: "uapi_finished", status: "FAIL", message: $m}'
	fi
	if [ "$booted" -eq 1 ] && grep -q 'zpci-runtime: power off' "$res/console.log"; then
		jq -n '{suite: "boot", name: "power_off", status: "PASS", message: ""}'
	else
		jq -n --arg m "$(tail -n 1 "$res/console.log")" \
			'{suite: "boot", name: "power_off", status: "FAIL", message: $m}'
	fi
} >> "$res/log.jsonl"
jq -s --slurpfile t "$res/tests.json" '$t[0] + .' "$res/log.jsonl" > "$res/results.json"

# 7. The oracle: each of its tests must have the same result here.
if [ -n "$oracle" ]; then
	jq --slurpfile o "$oracle" '
		. as $mine
		| ($o[0].results | map(select(.suite != "oracle"))) as $ref
		| [$ref[] | . as $r
			| ([$mine[] | select(.suite == $r.suite and .name == $r.name)][0]) as $m
			| {suite: "oracle", name: "\($r.suite).\($r.name)",
			   status: (if $m != null and $m.status == $r.status then "PASS" else "FAIL" end),
			   message: (if $m == null then "missing here; upstream: \($r.status)"
				elif $m.status == $r.status then ""
				else "upstream: \($r.status), here: \($m.status)" end)}]
		+ [$mine[] | . as $m
			| select([$ref[] | select(.suite == $m.suite and .name == $m.name)] | length == 0)
			| {suite: "oracle", name: "\($m.suite).\($m.name)", status: "FAIL",
			   message: "not in the upstream results"}]
		| $mine + .' "$res/results.json" > "$res/results.tmp"
	mv "$res/results.tmp" "$res/results.json"
fi

build_s=$(cat "$work/build.time" 2>/dev/null || echo null)
jq --arg n "$name" --arg o "$oracle" --argjson b "$build_s" --argjson t "${boot_s:-null}" '
	{name: $n, oracle: (if $o == "" then null else $o end),
	 timings: {build_s: $b, boot_s: $t},
	 failed: (map(select(.status == "FAIL")) | length),
	 results: .}' "$res/results.json" | atomic_write "$outdir/runtime.json"

# 8. JUnit XML.
jq -r '
	def esc: tostring | @html;
	.name as $n
	| "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	  "<testsuites name=\"runtime \($n | esc)\" tests=\"\(.results | length)\" failures=\"\(.failed)\" time=\"\((.timings.build_s // 0) + (.timings.boot_s // 0))\">",
	  (.results | group_by(.suite)[] |
	    "  <testsuite name=\"\(.[0].suite | esc)\" tests=\"\(length)\" failures=\"\(map(select(.status == "FAIL")) | length)\" skipped=\"\(map(select(.status == "SKIP")) | length)\">",
	    (.[] | "    <testcase classname=\"runtime.\($n | esc).\(.suite | esc)\" name=\"\(.name | esc)\"" +
	      (if .status == "FAIL" then ">\n      <failure message=\"\(.message | split("\n")[0] | esc)\">\(.message | esc)</failure>\n    </testcase>"
	       elif .status == "SKIP" then ">\n      <skipped/>\n    </testcase>"
	       else "/>" end)),
	    "  </testsuite>"),
	  "</testsuites>"' "$outdir/runtime.json" | atomic_write "$outdir/runtime.xml"

failed=$(jq .failed "$outdir/runtime.json")
log "$name: $(jq '.results | length' "$outdir/runtime.json") checks, $failed failed; build ${build_s} s, boot ${boot_s:-?} s; $outdir/runtime.xml"
if [ "$failed" -ne 0 ]; then
	jq -r '.results[] | select(.status == "FAIL") | "  FAIL \(.suite).\(.name): \(.message | split("\n")[0])"' \
		"$outdir/runtime.json" | head -n 20 >&2
	die "$name: $failed runtime check(s) failed (see $outdir/runtime.xml and $outdir/boot.log)"
fi
