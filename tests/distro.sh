#!/bin/sh
# tests/distro.sh - the distro stage: each series built with the
# distribution's own s390x configuration, vfio-pci and KVM as modules, and
# modpost over them.
#
# Cases, for each kernel K of $ZPCI_DISTRO_KERNELS (default: every target
# line of versions; out/K is made by the main job first when missing):
#   distro-K-pass             out/K/status/distro is "pass"; distro-build.json
#                             lists vfio-pci (or vfio_pci) and kvm among the
#                             modules modpost passed; distro-config.json names
#                             a package and version, or says why it fell back
#   distro-K-no-export        negative control: the patched tree with the
#                             EXPORT_SYMBOL_GPL of zpci_start_mediated_recovery
#                             removed -> distro-build.sh exit 1, its message
#                             names zpci_start_mediated_recovery and modpost
# and once:
#   distro-config-own         CONFIG=<file>: config.sh takes that file
#                             (source "file", its sha256)
#   distro-config-unreadable  make CONFIG=<missing file> -> exit 2, one line
#                             naming CONFIG
#   distro-report-names-config  report.json (report.sh) has distro_config
#                             for every target with a series
# Output: "PASS name" / "FAIL name: reason" lines. Takes about a minute per
#   kernel with a warm ccache.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

kernels=${ZPCI_DISTRO_KERNELS:-$(versions_names target)}
for k in $kernels; do
	main_out "$k"
	o=out/$k
	if [ -z "$(series_entries "$o" 2>/dev/null)" ]; then
		ok "distro-$k-pass (no series: the tree carries every commit)"
		continue
	fi
	st=$(cat "$o/status/distro" 2>/dev/null || echo missing)
	if [ "$st" != pass ]; then
		ko "distro-$k-pass" "status $st (see $o/logs/distro-build.log)"
	elif ! jq -e '(.modules | any(. == "vfio-pci" or . == "vfio_pci")) and (.modules | any(. == "kvm")) and .modpost == "pass"' \
		"$o/distro-build.json" > /dev/null; then
		ko "distro-$k-pass" "$o/distro-build.json lacks vfio-pci or kvm, or modpost did not pass"
	elif ! jq -e '(.source == "package" and .package != null and .version != null) or (.source != "package" and (.note | length) > 0)' \
		"$o/distro-config.json" > /dev/null; then
		ko "distro-$k-pass" "$o/distro-config.json names no package and version, and no reason"
	else
		ok "distro-$k-pass ($(jq -r '"\(.source): \(.package // "-") \(.version // "-")"' "$o/distro-config.json"))"
	fi

	# The negative control: a series that forgets one export.
	w=$ZPCI_CACHE/work/$k
	f=$(grep -rl 'EXPORT_SYMBOL_GPL(zpci_start_mediated_recovery);' "$w/patched/arch/s390/pci" 2>/dev/null | head -n 1)
	if [ -z "$f" ]; then
		ko "distro-$k-no-export" "no EXPORT_SYMBOL_GPL(zpci_start_mediated_recovery) in $w/patched/arch/s390/pci"
		continue
	fi
	# The mutant tree and its build directory keep one path in the kernel's
	# work directory, so that a later run rebuilds only the changed object.
	mt=$w/distro-mutant mb=$w/distro-mutant-build
	rm -rf "$mt"
	cp -al "$w/patched" "$mt"
	rel=${f#"$w/patched/"}
	rm -f "$mt/$rel"
	grep -v 'EXPORT_SYMBOL_GPL(zpci_start_mediated_recovery);' "$f" > "$mt/$rel"
	mkdir -p "$tmp/mo-$k"
	rc=0
	msg=$(sh backport/verify/distro-build.sh "$k" "$(sh backport/provision/fetch.sh "$k")" "$mt" "$mb" "$o" "$tmp/mo-$k" 2>&1) || rc=$?
	if [ "$rc" -eq 1 ] && printf '%s' "$msg" | grep -q 'modpost.*zpci_start_mediated_recovery'; then
		ok "distro-$k-no-export (exit 1: $(printf '%s\n' "$msg" | tail -n 1 | sed 's/.*\(ERROR: modpost: [^!]*!\).*/\1/'))"
	else
		ko "distro-$k-no-export" "exit $rc: $(printf '%s\n' "$msg" | tail -n 2 | tr '\n' ' ')"
	fi
	rm -rf "$mt"
done

# CONFIG=<file>: the maintainer's own configuration.
printf 'CONFIG_PCI=y\n' > "$tmp/own.config"
# versions_names prints one name per line: the first word, not the first
# field of every line
# shellcheck disable=SC2086 # a list of names
set -- $kernels
k1=$1
mkdir -p "$tmp/oc"
if ZPCI_CONFIG=$tmp/own.config sh backport/provision/config.sh "$k1" "$(sh backport/provision/fetch.sh "$k1")" "$tmp/oc" &&
	jq -e --arg s "$(sha256sum < "$tmp/own.config" | cut -d' ' -f1)" '.source == "file" and .sha256 == $s' "$tmp/oc/distro-config.json" > /dev/null; then
	ok distro-config-own
else
	ko distro-config-own "$(cat "$tmp/oc/distro-config.json" 2>/dev/null)"
fi
rc=0
msg=$(make -s CONFIG="$tmp/no-such.config" KERNELS="$k1" 2>&1) || rc=$?
if [ "$rc" -eq 2 ] && [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] && printf '%s' "$msg" | grep -q "CONFIG=$tmp/no-such.config"; then
	ok "distro-config-unreadable (exit 2)"
else
	ko distro-config-unreadable "exit $rc: $msg"
fi
# report.sh over these kernels, into a scratch out/ of links (the real
# out/report.json is the main job's).
mkdir -p "$tmp/rep"
for k in $kernels; do ln -s "$PWD/out/$k" "$tmp/rep/$k"; done
# shellcheck disable=SC2086 # a list of names
ZPCI_OUT=$tmp/rep sh backport/pipeline/report.sh $kernels > /dev/null 2>&1 || :
missing=$(for k in $kernels; do
	[ -z "$(series_entries "out/$k" 2>/dev/null)" ] ||
		jq -e --arg k "$k" '.[$k].distro_config.source != null' "$tmp/rep/report.json" > /dev/null 2>&1 || echo "$k"
done)
if [ -z "$missing" ]; then ok distro-report-names-config; else ko distro-report-names-config "no distro_config for: $missing"; fi
