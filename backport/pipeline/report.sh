#!/bin/sh
# report.sh - print the kernel x stage table and write out/report.json.
#
# Usage: report.sh NAME...
# Inputs: out/NAME/status/<stage> for each kernel; out/NAME/static.sarif
#   and out/NAME/runtime.json, summarised when present.
# Outputs: the table on stdout, each cell the stage's status and its wall
#   seconds; out/report.json (atomically): per kernel its version, each
#   stage's status (stages) and wall seconds (seconds), not_backported,
#   also_changes (every effect beyond the feature that a rule applied
#   declares, the QEMU requirement among them), commits (each upstream
#   commit's verdict on the tree: {commit, subject, verdict, carried_by,
#   evidence, missing}, from verdict.json), distro_config (the
#   configuration the distro stage built with: source, package, version,
#   wanted, note, from distro-config.json), kabi (the kABI report: mode,
#   versioning, changed and added counts, unchanged, the first 10 changed
#   symbols, file, from kabi.json), ksrc_note (a KSRC with local git
#   changes, from ksrc-note; null otherwise), static {findings,
#   by_rule, seconds} and runtime {checks, failed, build_s, boot_s, xml,
#   boot_log (paths relative to out/), failures
#   (the first 10 "suite.name"), deviations (declared, with rule and
#   reason)}.
#   out/report.md, the table and notes in Markdown (a CI job summary);
#   out/report.xml, JUnit: a testsuite per kernel, a testcase per stage
#   (failure or skipped with the stage's reason, time in seconds).
# Errors: exit 0 when no stage failed, 1 when one did.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
outroot=${ZPCI_OUT:-$ZPCI_TOP/out}
stages=$(stage_names | tr '\n' ' ')
mkdir -p "$outroot"
json='{}'
printf '%-8s' kernel
for s in $stages; do printf ' %-13s' "$s"; done
echo
failed=0
notes=""
for k in "$@"; do
	printf '%-8s' "$k"
	kjson='{}' ksecs='{}'
	for s in $stages; do
		f=$outroot/$k/status/$s
		if [ -f "$f" ]; then v=$(cat "$f"); else v="skipped: not run"; fi
		secs=$(cat "$f.seconds" 2>/dev/null || echo 0)
		case $v in
		pass) short=pass ;;
		fail*) short=FAIL; failed=1; notes="$notes
  $k $s: ${v#fail: }" ;;
		"skipped: no EXISTING series") short=skipped ;;
		*) short=skipped; notes="$notes
  $k $s: ${v#skipped: }" ;;
		esac
		printf ' %-13s' "$short $secs s"
		kjson=$(printf '%s' "$kjson" | jq --arg s "$s" --arg v "$v" '. + {($s): $v}')
		ksecs=$(printf '%s' "$ksecs" | jq --arg s "$s" --argjson n "$secs" '. + {($s): $n}')
	done
	echo
	kv=$(cat "$outroot/$k/kernelversion" 2>/dev/null || echo unknown)
	# Upstream work the series needs but does not carry (from the rules'
	# "// Not backported:" lines, via gen/*.meta).
	nb=$(cat "$outroot/$k"/gen/*.meta 2>/dev/null | sed -n 's/^not backported: //p' | sort -u)
	# Effects beyond the feature itself ("// Also changes:" of the rules).
	ac=$(cat "$outroot/$k"/gen/*.meta 2>/dev/null | sed -n 's/^also changes: //p' | awk '!seen[$0]++')
	[ -z "$nb" ] || notes="$notes
  $k: not backported: $(printf '%s' "$nb" | paste -sd ';' -)"
	# A KSRC with local changes (run-kernel.sh's ksrc-note).
	ksrc_note=$(cat "$outroot/$k/ksrc-note" 2>/dev/null || :)
	[ -z "$ksrc_note" ] || notes="$notes
  $k: $ksrc_note"
	# What the tree carries, commit by commit.
	commits=null
	vj=$outroot/$k/verdict.json
	if [ -f "$vj" ]; then
		commits=$(jq -c 'map({commit, subject, verdict, carried_by, evidence, missing})' "$vj")
		notes="$notes
  $k commits: $(jq -r 'map("\(.commit) \(.verdict)" + (if .carried_by then " (in \(.carried_by | sub(" \\(.*"; "")))" else "" end)) | join(", ")' "$vj")"
	fi
	# The configuration of the distro stage.
	dcfg=null
	[ ! -f "$outroot/$k/distro-config.json" ] ||
		dcfg=$(jq -c '{source, package, version, wanted, note}' "$outroot/$k/distro-config.json")
	# The kABI report, summarised.
	kabi=null
	[ ! -f "$outroot/$k/kabi.json" ] ||
		kabi=$(jq -c --arg d "$k" '{mode, versioning, changed: (.changed | length), unchanged,
			added: (.added | length), symbols: [.changed[].symbol] | .[:10], file: ($d + "/kabi.json")}' "$outroot/$k/kabi.json")
	[ "$kabi" = null ] || [ "$(printf '%s' "$kabi" | jq .changed)" -eq 0 ] || notes="$notes
  $k kabi: $(printf '%s' "$kabi" | jq -r '"\(.changed) exported symbols change CRC (\(.symbols | join(", "))\(if .changed > 10 then ", ..." else "" end)); KABI=preserve keeps them"')"
	# The gates' own outputs, summarised.
	sarif=$outroot/$k/static.sarif rt=$outroot/$k/runtime.json
	static=null runtime=null
	[ ! -f "$sarif" ] || static=$(jq -c '.runs[0] | {findings: (.results | length),
		by_rule: (reduce .results[] as $r ({}; .[$r.ruleId] += 1)),
		seconds: .invocations[0].properties.seconds}' "$sarif")
	[ ! -f "$rt" ] || runtime=$(jq -c --arg d "$k" '{checks: (.results | length),
		failed, build_s: .timings.build_s, boot_s: .timings.boot_s,
		xml: ($d + "/runtime.xml"), boot_log: ($d + "/boot.log"),
		failures: ([.results[] | select(.status == "FAIL" and .deviation == null) | .suite + "." + .name] | .[:10]),
		deviations: (.deviations // [])}' "$rt")
	json=$(printf '%s' "$json" | jq --arg k "$k" --arg kv "$kv" --argjson st "$kjson" --argjson secs "$ksecs" \
		--arg nb "$nb" --arg ac "$ac" --argjson static "$static" --argjson runtime "$runtime" \
		--argjson commits "$commits" --argjson dcfg "$dcfg" --argjson kabi "$kabi" --arg ksrc "$ksrc_note" \
		'. + {($k): {version: $kv, stages: $st, seconds: $secs,
			not_backported: ($nb | split("\n") | map(select(. != ""))),
			also_changes: ($ac | split("\n") | map(select(. != ""))),
			commits: $commits, distro_config: $dcfg, kabi: $kabi,
			ksrc_note: (if $ksrc == "" then null else $ksrc end),
			static: $static, runtime: $runtime}}')
done
notes=$(printf '%s' "$notes" | awk 'NF && !seen[$0]++')
[ -z "$notes" ] || printf '\nnotes:\n%s\n' "$notes"
printf '%s\n' "$json" | jq -S . | atomic_write "$outroot/report.json"

# The same table for a CI job's summary page (Markdown), and one JUnit
# testcase per kernel and stage for GitLab's and Jenkins' test views; both
# from report.json, so the three never disagree.
printf '%s\n' "$json" | jq -r --arg stages "$stages" --arg notes "$notes" '
	($stages | split(" ") | map(select(. != ""))) as $st |
	"# zpci-backport", "",
	"| kernel | version | " + ($st | join(" | ")) + " |",
	"|---|---|" + ($st | map("---") | join("|")) + "|",
	(to_entries[] | .key as $k | .value as $v |
		"| \($k) | \($v.version) | " + ($st | map(. as $s | ($v.stages[$s] |
			if . == "pass" then "pass" elif startswith("fail") then "**FAIL**" else "skipped" end) +
			" \($v.seconds[$s]) s") | join(" | ")) + " |"),
	(if $notes != "" then "", "## Notes", "", ($notes | split("\n")[] | sub("^ +"; "- ")) else empty end)' |
	atomic_write "$outroot/report.md"
printf '%s\n' "$json" | jq -r --arg stages "$stages" '
	($stages | split(" ") | map(select(. != ""))) as $st |
	def cls: if . == "pass" then "pass" elif startswith("fail") then "fail" else "skip" end;
	[to_entries[] | .value.stages | to_entries[] | .value | cls] as $all |
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	"<testsuites name=\"zpci-backport\" tests=\"\($all | length)\" failures=\"\($all | map(select(. == "fail")) | length)\" skipped=\"\($all | map(select(. == "skip")) | length)\">",
	(to_entries[] | .key as $k | .value as $v | [$st[] | $v.stages[.] | cls] as $c |
		"  <testsuite name=\"\($k | @html)\" tests=\"\($c | length)\" failures=\"\($c | map(select(. == "fail")) | length)\" skipped=\"\($c | map(select(. == "skip")) | length)\" time=\"\([$st[] | $v.seconds[.]] | add)\">",
		($st[] as $s | $v.stages[$s] as $r |
			"    <testcase classname=\"zpci-backport.\($k | @html)\" name=\"\($s)\" time=\"\($v.seconds[$s])\"" +
			(if ($r | cls) == "pass" then "/>"
			elif ($r | cls) == "fail" then "><failure message=\"\($r | sub("^fail: "; "") | @html)\"/></testcase>"
			else "><skipped message=\"\($r | sub("^skipped: "; "") | @html)\"/></testcase>" end)),
		"  </testsuite>"),
	"</testsuites>"' | atomic_write "$outroot/report.xml"
exit "$failed"
