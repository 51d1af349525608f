#!/bin/sh
# results.sh - turn the runtime gate's console into test results:
# the kernel's KTAP and the uAPI program's, each parsed with kunit.py
# parse, plus one check per lockdep / might_sleep / oops report pattern and
# the two boot checks.
#
# Usage: results.sh RES TREE UPSTREAM BOOTED
#   RES       directory holding console.log (the guest's console, CRs
#             dropped); everything this script writes goes there too
#   TREE      the tree that was booted: its tools/testing/kunit/kunit.py
#             parses, when a probe shows it can parse KTAP version 1 into
#             the JSON read here
#   UPSTREAM  the upstream tree, whose kunit.py parses otherwise (5.10's
#             knows only TAP 14 and an older JSON)
#   BOOTED    1 when runtime/boot.sh ended normally, 0 when it did not
# The console is split at "zpci-runtime: modules start" and "zpci-runtime:
#   uapi start" (between them the kernel's KTAP, which the test module
#   zpci_error_kunit prints as init loads it; after, up to "zpci-runtime:
#   uapi exit|timeout": the uAPI program's). The "# " lines before a "not ok" line become the failure's
#   message.
# Outputs in RES: results.json, an array of {suite, name, status:
#   PASS|FAIL|SKIP, message}: the test cases of every suite (a missing
#   suite of ours is a failed "suite_ran"), suite "log" (one case per
#   report pattern), suite "boot" (modules_loaded: every insmod of init
#   ok and vfio_pci in /proc/modules; uapi_finished, power_off); and the
#   intermediate files (kernel.ktap, uapi.ktap, their .json and
#   .parse.txt, messages.json, log.jsonl).
# Errors: exit 2 for bad arguments; results that fail are data, not errors.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
[ $# -eq 4 ] || usage_die "usage: results.sh RES TREE UPSTREAM BOOTED"
res=$1 tree=$2 upstream=$3 booted=$4
[ -f "$res/console.log" ] || usage_die "no console log at $res/console.log"

awk '/zpci-runtime: uapi start/ { exit } on { print }
	/zpci-runtime: modules start/ { on = 1 }' "$res/console.log" > "$res/kernel.ktap"
# Suites run from a module print no version line of their own where
# KUnit prints it once per boot (5.10): the document continues the one
# begun at boot, with one top-level test per suite ("# Subtest:" at the
# first indentation, printed before the suite runs).
if ! grep -qE '^K?TAP version [0-9]+$' "$res/kernel.ktap"; then
	v=$(grep -m 1 -E '^K?TAP version [0-9]+$' "$res/console.log" || echo 'KTAP version 1')
	n=$(grep -c '^    # Subtest: ' "$res/kernel.ktap" || true)
	{ printf '%s\n1..%s\n' "$v" "$n"; cat "$res/kernel.ktap"; } > "$res/kernel.ktap.tmp"
	mv "$res/kernel.ktap.tmp" "$res/kernel.ktap"
fi
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

# Results: the test cases of every suite, then the log checks.
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

bad=$(grep 'zpci-runtime: insmod ' "$res/console.log" | grep -v ': ok$' | head -n 3 || true)
{
	if [ -z "$bad" ] && grep -q 'zpci-runtime: insmod ' "$res/console.log" &&
		grep -q '^zpci-runtime: /proc/modules: vfio_pci ' "$res/console.log"; then
		jq -n '{suite: "boot", name: "modules_loaded", status: "PASS", message: ""}'
	else
		jq -n --arg m "${bad:-vfio_pci is not in /proc/modules (see the zpci-runtime lines of boot.log)}" \
			'{suite: "boot", name: "modules_loaded", status: "FAIL", message: $m}'
	fi
} >> "$res/log.jsonl"
uexit=$(sed -n 's/^.*zpci-runtime: uapi exit \([0-9]*\).*$/\1/p' "$res/console.log" | head -n 1)
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

