#!/bin/sh
# tests/e2e.sh - the main job end to end on the real Debian trees: every
# target line of versions.
# Command: sh backport/pipeline/main.sh TARGETS, then make KERNELS="the
# first two targets" (every name of the list runs: one table row each, the
# upstream line first)
# Expected: exit 0; on every kernel every stage passes (series applies
# with no fuzz, the touched objects build for s390x, fidelity holds, the
# static gate finds nothing, the runtime gate matches the upstream oracle,
# which ran first: the upstream line's runtime passes too); what each
# series holds follows from the tree's probe results: the compat cleanup
# header exactly where HAVE_CLEANUP_H is false, the prerequisite
# 62355f1f87b8 first where the tree has the host's recovery but not the
# minimal-driver one, and the host recovery listed as "not backported"
# where it has none; the uAPI number is 13; a second generation writes
# byte-identical series; the pristine trees are unchanged; a warm rerun
# with nothing changed reruns no keyed stage, and a changed input
# (probes.json) reruns exactly the stages whose line in
# backport/pipeline/stages names it.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

targets=$(versions_names target | tr '\n' ' ')
upname=$(versions_names upstream | head -n 1)
# probe K NAME: "true" or "false", the probe result NAME of kernel K.
probe() { jq -r --arg p "$2" '.[$p]' "out/$1/probes.json"; }

mkdir -p out
rc=0
sh backport/pipeline/main.sh "$targets" > out/e2e.log 2>&1 || rc=$?
if [ "$rc" -eq 0 ]; then ok e2e-main-exit-0; else ko e2e-main-exit-0 "main.sh exited $rc (see out/e2e.log)"; fi

for k in $targets; do
	for s in $(stage_names); do
		v=$(jq -r --arg k "$k" --arg s "$s" '.[$k].stages[$s]' out/report.json)
		case $s:$v in
		*:pass | "existing:skipped: no EXISTING series") ok "e2e-$k-$s" ;;
		*) ko "e2e-$k-$s" "$v" ;;
		esac
	done
	# On a Debian tree every commit is absent or not applicable, and the
	# series holds exactly the absent ones, in upstream order.
	want=$(jq -r '.[] | select(.verdict == "absent") | .unit | sub("^[0-9]+-[0-9a-f]+-"; "") | sub("\\.cocci$"; "")' "out/$k/verdict.json" | tr '\n' ' ')
	got=$(series_entries "out/$k" | grep -v compat-headers | sed 's/^[0-9]*-//; s/\.patch$//' | tr '\n' ' ')
	bad=$(jq -r '[.[] | select(.verdict != "absent" and .verdict != "not applicable" and .verdict != "present") | .commit] | join(" ")' "out/$k/verdict.json")
	if [ -n "$want" ] && [ "$want" = "$got" ] && [ -z "$bad" ]; then ok "e2e-$k-series-is-the-absent-commits"
	else ko "e2e-$k-series-is-the-absent-commits" "absent: '$want', series: '$got'${bad:+, partial: $bad}"; fi
	if grep -q '^+#define VFIO_DEVICE_FEATURE_ZPCI_ERROR 13$' "out/$k"/patches/*.patch; then
		ok "e2e-$k-uapi-13"; else ko "e2e-$k-uapi-13" "feature number is not 13"; fi
	missing=$(for p in out/"$k"/patches/*.patch; do
		hs="From Date Subject Git-commit Patch-mainline References Link Backport"
		grep -q -E '^Git-commit: [0-9a-f]{40}$' "$p" || case $p in *-compat-headers.patch) ;; *) printf '%s:full-id ' "$(basename "$p")" ;; esac
		case $p in *-compat-headers.patch) hs="From Subject Patch-mainline Backport" ;; esac
		for h in $hs; do
			grep -q "^$h: " "$p" || printf '%s:%s ' "$(basename "$p")" "$h"
		done; done)
	if [ -z "$missing" ]; then ok "e2e-$k-headers"; else ko "e2e-$k-headers" "missing $missing"; fi
	# What a maintainer's review asks of every series: the QEMU effect
	# disclosed, upstream's dispatch on the event code kept, and every
	# function the series touches compared with upstream.
	if grep -q '^Also changes: vfio-pci.s error eventfd' "out/$k"/patches/*-store-pci-error.patch &&
		jq -e --arg k "$k" '.[$k].also_changes | any(test("stops the guest"))' out/report.json > /dev/null; then
		ok "e2e-$k-qemu-disclosed"; else ko "e2e-$k-qemu-disclosed" "no QEMU paragraph in the store patch or report.json"; fi
	if sed -n '/^static void __zpci_event_error/,/^}/p' "$ZPCI_CACHE/work/$k/patched/arch/s390/pci/pci_event.c" |
		grep -q 'case 0x002a:' && grep -q '^function __zpci_event_error ' "out/$k/fidelity.txt"; then
		ok "e2e-$k-dispatch-kept"; else ko "e2e-$k-dispatch-kept" "no FMB case in __zpci_event_error, or it is not in fidelity.txt"; fi
	tree=$ZPCI_CACHE/trees/$(versions_field "$k" 2)_$(versions_field "$k" 3)
	touched=$(sh backport/lib/series-files.sh "out/$k")
	changed=$(for f in $touched; do grep " \./$f\$" "$tree.sha256"; done |
		(cd "$tree" && sha256sum --quiet -c 2>&1) | head -n 3 || true)
	if [ -z "$changed" ] && [ -n "$touched" ]; then ok "e2e-$k-pristine-untouched"; else ko "e2e-$k-pristine-untouched" "$changed"; fi
	# What the series holds, from the tree's probe results.
	has() { series_entries "out/$k" | grep -q "$1"; }
	if [ "$(probe "$k" HAVE_CLEANUP_H)" = false ]; then want=1; else want=0; fi
	if grep -q '^+++ b/arch/s390/pci/zpci_compat_cleanup.h' "out/$k"/patches/*.patch; then got=1; else got=0; fi
	if [ "$got" = "$want" ]; then ok "e2e-$k-compat-cleanup-as-probed"
	else ko "e2e-$k-compat-cleanup-as-probed" "zpci_compat_cleanup.h added: $got, HAVE_CLEANUP_H: $(probe "$k" HAVE_CLEANUP_H)"; fi
	if [ "$(probe "$k" HAVE_ZPCI_EVENT_RECOVERY)" = true ] &&
		[ "$(probe "$k" HAVE_ZPCI_RECOVERY_MINIMAL_DRIVER)" = false ]; then want=1; else want=0; fi
	first=$(series_entries "out/$k" | grep -v compat-headers | head -n 1)
	if { [ "$want" = 1 ] && case $first in *recovery-minimal-driver*) true ;; *) false ;; esac; } ||
		{ [ "$want" = 0 ] && ! has recovery-minimal-driver; }; then
		ok "e2e-$k-prerequisite-as-probed"
	else ko "e2e-$k-prerequisite-as-probed" "series: $(tr '\n' ' ' < "out/$k/series")"; fi
	if [ "$(probe "$k" HAVE_ZPCI_EVENT_RECOVERY)" = false ]; then
		if jq -e --arg k "$k" '.[$k].not_backported | any(startswith("4cdf2f4e24ff"))' out/report.json >/dev/null &&
			grep -q '^Not backported: 4cdf2f4e24ff' out/"$k"/patches/*-store-pci-error.patch; then
			ok "e2e-$k-not-backported-listed"; else ko "e2e-$k-not-backported-listed" "no 4cdf2f4e24ff in report.json or the patch header"; fi
	fi
done
v=$(jq -r --arg k "$upname" '.[$k].stages.runtime' out/report.json)
if [ "$v" = pass ]; then ok "e2e-$upname-runtime-oracle"; else ko "e2e-$upname-runtime-oracle" "$v"; fi
# The upstream line carries every commit, by its content: an empty series.
np=$(jq -r '[.[] | select(.verdict != "present")] | length' "out/$upname/verdict.json" 2>/dev/null || echo none)
if [ "$np" = 0 ] && [ -z "$(series_entries "out/$upname")" ]; then ok "e2e-$upname-all-present-empty-series"
else ko "e2e-$upname-all-present-empty-series" "$np commit(s) not present; series: $(series_entries "out/$upname" | tr '\n' ' ')"; fi

# Reruns write byte-identical series.
up=$(sh backport/provision/fetch.sh "$upname")
for k in $targets; do
	tree=$(sh backport/provision/fetch.sh "$k")
	before=$(cd "out/$k" && cat series patches/*.patch | sha256sum)
	sh backport/generate/generate.sh "$k" "$tree" "$up" "out/$k" && sh backport/generate/export.sh "out/$k"
	after=$(cd "out/$k" && cat series patches/*.patch | sha256sum)
	if [ "$before" = "$after" ]; then ok "e2e-$k-rerun-identical"; else ko "e2e-$k-rerun-identical" "series changed"; fi
done

# A warm rerun skips every stage whose inputs are unchanged; an edited input
# reruns the stages that read it, and only those.
# keyed [INPUT]: the stages that have a key (that read INPUT).
keyed() {
	for s in $(stage_names); do
		_in=" $(stage_field "$s" 3) "
		[ "$_in" != " - " ] || continue
		if [ -z "${1:-}" ]; then printf '%s ' "$s"; continue; fi
		case $_in in *" $1 "*) printf '%s ' "$s" ;; esac
	done
}
stale() { # stale KERNEL: the keyed stages that ran instead of being skipped
	for s in $(keyed); do
		[ "$(cat "out/$1/status/$s" 2>/dev/null)" = pass ] || continue
		grep -q '^inputs unchanged' "out/$1/logs/$s.log" || printf '%s ' "$s"
	done
}
k1=$(echo "$targets" | awk '{ print $1 }') k2=$(echo "$targets" | awk '{ print $2 }')
rc=0; make -s KERNELS="$k1 $k2" > out/e2e-warm.log 2> out/e2e-warm.err || rc=$?
ran=$(stale "$k1")$(stale "$k2")
if [ -z "$ran" ]; then ok e2e-warm-rerun-skips; else ko e2e-warm-rerun-skips "reran: $ran"; fi
# make passes KERNELS as one word list: every name given runs, after the
# upstream line, one table row each.
rows=$(grep -E '^[0-9][0-9.]* +(pass|FAIL|skipped) ' out/e2e-warm.log | awk '{ print $1 }' | tr '\n' ' ')
keys=$(printf '%s\n' "$upname" "$k1" "$k2" | LC_ALL=C sort | tr '\n' ' ')
if [ "$rc" -eq 0 ] && [ "$rows" = "$upname $k1 $k2 " ] &&
	[ "$(jq -r 'keys | sort | join(" ")' out/report.json) " = "$keys" ]; then
	ok e2e-kernels-all-run
else
	ko e2e-kernels-all-run "make KERNELS=\"$k1 $k2\" exited $rc, table rows: '$rows'"
fi
echo >> "out/$k1/probes.json"
sh backport/pipeline/main.sh "$k1" > out/e2e-warm.log 2>&1 || true
ran=$(stale "$k1")
want=$(keyed out:probes.json)
if [ "$ran" = "$want" ]; then ok "e2e-changed-input-reruns: $ran"; else ko e2e-changed-input-reruns "reran: '$ran', expected '$want'"; fi
