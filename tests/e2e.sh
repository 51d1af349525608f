#!/bin/sh
# tests/e2e.sh - the main job end to end on the real Debian trees.
# Command: sh backport/main.sh "7.2 6.12 6.1 5.10 5.10.218", then
# make KERNELS="7.2 6.12" (every name of the list runs: one table row each,
# the upstream line first)
# Expected: exit 0; on every kernel every stage passes (series applies
# with no fuzz, the touched objects build for s390x, fidelity holds, the
# static gate finds nothing, the runtime gate matches the upstream oracle,
# which ran first: 7.3's runtime passes too); 5.10
# lists the host recovery as "not backported"; 5.10.218 (no cleanup.h)
# gets the compat header patch; the uAPI number is 13; a
# second generation writes byte-identical series; the pristine trees are
# unchanged; a warm rerun with nothing changed reruns no stage after
# prepare, and a changed input (probes.json) reruns the stages that read
# it: generation and the runtime gate.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

mkdir -p out
rc=0
sh backport/main.sh "7.2 6.12 6.1 5.10 5.10.218" > out/e2e.log 2>&1 || rc=$?
if [ "$rc" -eq 0 ]; then ok e2e-main-exit-0; else ko e2e-main-exit-0 "main.sh exited $rc (see out/e2e.log)"; fi

for k in 7.2 6.12 6.1 5.10 5.10.218; do
	for s in $(stage_names); do
		v=$(jq -r --arg k "$k" --arg s "$s" '.[$k].stages[$s]' out/report.json)
		if [ "$v" = pass ]; then ok "e2e-$k-$s"; else ko "e2e-$k-$s" "$v"; fi
	done
	if grep -q '^+#define VFIO_DEVICE_FEATURE_ZPCI_ERROR 13$' "out/$k"/patches/*.patch; then
		ok "e2e-$k-uapi-13"; else ko "e2e-$k-uapi-13" "feature number is not 13"; fi
	missing=$(for p in out/"$k"/patches/*.patch; do
		hs="From Subject Git-commit Patch-mainline References Backport"
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
	touched=$(sh backport/series-files.sh "out/$k")
	changed=$(for f in $touched; do grep " \./$f\$" "$tree.sha256"; done |
		(cd "$tree" && sha256sum --quiet -c 2>&1) | head -n 3 || true)
	if [ -z "$changed" ] && [ -n "$touched" ]; then ok "e2e-$k-pristine-untouched"; else ko "e2e-$k-pristine-untouched" "$changed"; fi
done
v=$(jq -r '.["7.3"].stages.runtime' out/report.json)
if [ "$v" = pass ]; then ok e2e-7.3-runtime-oracle; else ko e2e-7.3-runtime-oracle "$v"; fi
n=$(wc -l < out/6.12/series)
if [ "$n" -eq 4 ] && head -n 1 out/6.12/series | grep -q recovery-minimal-driver; then
	ok e2e-6.12-prerequisite-first; else ko e2e-6.12-prerequisite-first "series: $(tr '\n' ' ' < out/6.12/series)"; fi
for k in 5.10 5.10.218; do
	if jq -e --arg k "$k" '.[$k].not_backported | any(startswith("4cdf2f4e24ff"))' out/report.json >/dev/null &&
		grep -q '^Not backported: 4cdf2f4e24ff' out/"$k"/patches/*-store-pci-error.patch; then
		ok "e2e-$k-not-backported-listed"; else ko "e2e-$k-not-backported-listed" "no 4cdf2f4e24ff in report.json or the patch header"; fi
done
if head -n 1 out/5.10.218/series | grep -q compat-headers &&
	grep -q '^+++ b/arch/s390/pci/zpci_compat_cleanup.h' out/5.10.218/patches/0001-compat-headers.patch &&
	! grep -q zpci_compat_cleanup out/5.10/patches/*.patch out/7.2/patches/*.patch; then
	ok e2e-compat-header-only-where-probed; else ko e2e-compat-header-only-where-probed "compat header missing on 5.10.218 or present elsewhere"; fi

# Reruns write byte-identical series.
up=$(sh backport/fetch.sh 7.3)
for k in 7.2 6.12 6.1 5.10 5.10.218; do
	tree=$(sh backport/fetch.sh "$k")
	before=$(cd "out/$k" && cat series patches/*.patch | sha256sum)
	sh backport/generate.sh "$k" "$tree" "$up" "out/$k" && sh backport/export.sh "out/$k"
	after=$(cd "out/$k" && cat series patches/*.patch | sha256sum)
	if [ "$before" = "$after" ]; then ok "e2e-$k-rerun-identical"; else ko "e2e-$k-rerun-identical" "series changed"; fi
done

# A warm rerun skips every stage whose inputs are unchanged; an edited input
# reruns the stages that read it, and only those.
stale() { # stale KERNEL: the keyed stages that ran instead of being skipped
	for s in probe generate apply build fidelity static runtime; do
		grep -q '^inputs unchanged' "out/$1/status/$s.log" || printf '%s ' "$s"
	done
}
rc=0; make -s KERNELS="7.2 6.12" > out/e2e-warm.log 2> out/e2e-warm.err || rc=$?
ran=$(stale 7.2)$(stale 6.12)
if [ -z "$ran" ]; then ok e2e-warm-rerun-skips; else ko e2e-warm-rerun-skips "reran: $ran"; fi
# make passes KERNELS as one word list: every name given runs, after the
# upstream line, one table row each.
rows=$(grep -E '^[0-9][0-9.]* +(pass|FAIL|skipped) ' out/e2e-warm.log | awk '{ print $1 }' | tr '\n' ' ')
if [ "$rc" -eq 0 ] && [ "$rows" = "7.3 7.2 6.12 " ] &&
	[ "$(jq -r 'keys | sort | join(" ")' out/report.json)" = "6.12 7.2 7.3" ]; then
	ok e2e-kernels-all-run
else
	ko e2e-kernels-all-run "make KERNELS=\"7.2 6.12\" exited $rc, table rows: '$rows'"
fi
echo >> out/7.2/probes.json
sh backport/main.sh 7.2 > out/e2e-warm.log 2>&1 || true
ran=$(stale 7.2)
# The runtime gate reads probes.json too: it picks our test patches.
if [ "$ran" = "generate runtime " ]; then ok e2e-changed-input-reruns; else ko e2e-changed-input-reruns "reran: '$ran', expected 'generate runtime '"; fi
