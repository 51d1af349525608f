#!/bin/sh
# tests/verdict.sh - trees as maintainers have them: what each tree carries
# is decided from its content, the series holds the rest, a partial commit
# or a drifted context stops the run and says why, and a maintainer's own
# series is honoured.
#
# The trees are made here, from the cached Debian trees and the series of
# out/<kernel> (made by the main job first when missing), never committed;
# each run's results go to a temporary ZPCI_OUT. Commands and expected
# results (TK the last target, 7.2; NK the target nearest below it that
# takes 62355f1f87b8, 6.12; PK one that also takes 45537926dd2a, 6.1; OK
# the oldest target, 5.10):
#   TK with its whole series applied           make KSRC NAME=v-all
#     -> exit 0; every commit present; the series is empty; apply, build,
#        fidelity and static are skipped ("nothing to backport"); the
#        runtime gate passes against the oracle
#   NK with only its 4e3c1fc8abcb patch        make KSRC NAME=v-pick
#     -> exit 0; 4e3c1fc8abcb present; the series holds the other absent
#        commits, in upstream order, not 4e3c1fc8abcb; every stage passes
#   PK with its series up to 9f240376d034, one edit of it reverted (the
#     mutex_init() of pending_errs_lock)        make KSRC NAME=v-partial
#     -> exit 1; the verdict stage fails; its log names 9f240376d034 and
#        the missing edit, and what to do
#   OK with one statement of its own in zpci_create_device(), a function a
#     rule edits                               make KSRC NAME=v-extra
#     -> exit 0; every stage passes; fidelity says the difference was there
#        before (pre-existing)
#   NK without the anchor of rule zdev_open (the kvm_register call in
#     vfio_pci_zdev_open_device()), over an earlier good out/v-drift
#                                              make KSRC NAME=v-drift
#     -> exit 1; generate fails naming the rule, the file, the kernel, the
#        function it looked in, what it looked for and the nearest line;
#        out/v-drift/series and patches/ are byte for byte the earlier ones
#   NK with EXISTING=a debian/patches-style directory whose one patch is
#     the 4e3c1fc8abcb change under another name, without Git-commit
#                              make KSRC=<NK pristine> NAME=v-pick EXISTING=...
#        (the name of case 2: its tree is the same, so its builds are)
#     -> exit 0; 4e3c1fc8abcb present, carried by that patch (found by
#        patch-id); the series leaves it out; every stage passes
# Each check prints "PASS name" or "FAIL name: reason".
# Takes some minutes: three runtime builds of new trees (ccache hits).
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

# kern COMMIT: the targets whose verdict on COMMIT (12 hex) is absent, in
# versions order, from their out/<kernel>/verdict.json.
kern() {
	for _k in $(versions_names target); do
		main_out "$_k"
		jq -e --arg c "$1" 'any(.[]; .commit == $c and .verdict == "absent")' "out/$_k/verdict.json" \
			> /dev/null 2>&1 && echo "$_k"
	done
}
tk=$ref
nk=$(kern 62355f1f87b8 | tail -n 1)
pk=$(kern 45537926dd2a | grep -v -x -F "$(versions_names target | head -n 1)" | tail -n 1)
ok_=$(versions_names target | head -n 1)
echo "# trees: all-present $tk, cherry-pick and drift $nk, partial $pk, extra statement $ok_"

# copy K DIR: DIR becomes a writable copy of K's pristine tree (hard links,
# the files later edited copied first by the caller through edit()).
copy() {
	rm -rf "$2"
	mkdir -p "$2"
	cp -al "$(sh backport/provision/fetch.sh "$1")/." "$2/"
	find "$2" -type d -exec chmod u+w {} +
}
# edit DIR FILE: FILE of DIR gets an inode of its own, writable.
edit() { cp "$1/$2" "$1/$2.new"; rm -f "$1/$2"; mv "$1/$2.new" "$1/$2"; chmod u+w "$1/$2"; }
# apply DIR PATCH...: patch DIR (each touched file given its own inode).
apply() {
	_d=$1
	shift
	for _f in $(lsdiff --strip=1 "$@"); do [ ! -f "$_d/$_f" ] || edit "$_d" "$_f"; done
	for _p in "$@"; do patch -s -p1 --fuzz=0 -d "$_d" < "$_p" || return 1; done
}
# run NAME TREE [EXISTING]: make on TREE as NAME, results in $tmp/out;
# prints make's exit status.
run() {
	_rc=0
	ZPCI_OUT=$tmp/out make -s KSRC="$2" NAME="$1" ${3:+EXISTING="$3"} > "$tmp/$1.log" 2>&1 || _rc=$?
	echo "$_rc"
}
st() { cat "$tmp/out/$1/status/$2" 2>/dev/null || echo "no status"; }
verdict() { jq -r --arg c "$2" '.[] | select(.commit == $c) | .verdict' "$tmp/out/$1/verdict.json" 2>/dev/null; }
# stages_pass NAME: every stage passed (fetch is skipped for a KSRC,
# existing unless given); prints the first that did not.
stages_pass() {
	for _s in $(stage_names); do
		case $_s:$(st "$1" "$_s") in
		*:pass | "existing:skipped: no EXISTING series" | "fetch:skipped: KSRC given") ;;
		*) echo "$_s: $(st "$1" "$_s")"; return 0 ;;
		esac
	done
}

# 1. Everything present.
t=$tmp/t-all
copy "$tk" "$t"
# shellcheck disable=SC2046 # a list of paths
apply "$t" $(series_entries "out/$tk" | sed "s|^|out/$tk/patches/|")
rc=$(run v-all "$t")
np=$(jq '[.[] | select(.verdict != "present")] | length' "$tmp/out/v-all/verdict.json" 2>/dev/null || echo none)
skipped=$(for s in apply build distro fidelity static; do case $(st v-all "$s") in "skipped: nothing to backport"*) ;; *) echo "$s" ;; esac; done)
if [ "$rc" = 0 ] && [ "$np" = 0 ] && [ -z "$(series_entries "$tmp/out/v-all")" ] && [ -z "$skipped" ] &&
	[ "$(st v-all runtime)" = pass ]; then
	ok "verdict-all-present-empty-series ($tk, runtime $(jq -r '.timings.build_s' "$tmp/out/v-all/runtime.json") s build)"
else
	ko verdict-all-present-empty-series "exit $rc, $np not present, series: $(series_entries "$tmp/out/v-all" | tr '\n' ' '), not skipped: $skipped, runtime: $(st v-all runtime)"
fi

# 2. One commit cherry-picked.
pick=$(series_entries "out/$nk" | grep err-irq-no-pcie-check)
t=$tmp/t-pick
copy "$nk" "$t"
apply "$t" "out/$nk/patches/$pick"
rc=$(run v-pick "$t")
want=$(series_entries "out/$nk" | grep -v err-irq-no-pcie-check | sed 's/^[0-9]*-//' | tr '\n' ' ')
got=$(series_entries "$tmp/out/v-pick" | sed 's/^[0-9]*-//' | tr '\n' ' ')
bad=$(stages_pass v-pick)
if [ "$rc" = 0 ] && [ "$(verdict v-pick 4e3c1fc8abcb)" = present ] && [ "$got" = "$want" ] && [ -z "$bad" ]; then
	ok "verdict-cherry-picked-left-out ($nk: $got)"
else
	ko verdict-cherry-picked-left-out "exit $rc, 4e3c1fc8abcb $(verdict v-pick 4e3c1fc8abcb), series '$got' (want '$want'), $bad"
fi

# 3. A commit partly there.
t=$tmp/t-partial
copy "$pk" "$t"
upto=$(series_entries "out/$pk" | sed -n '1,/store-pci-error/p' | sed "s|^|out/$pk/patches/|")
# shellcheck disable=SC2086 # a list of paths
apply "$t" $upto
sed -i '/^\tmutex_init(&zdev->pending_errs_lock);$/d' "$t/arch/s390/pci/pci.c"
rc=$(run v-partial "$t")
log=$tmp/out/v-partial/logs/verdict.log
if [ "$rc" = 1 ] && [ "$(st v-partial verdict | cut -c1-5)" = "fail:" ] &&
	grep -q "^9f240376d034 .* is partly in the v-partial tree" "$log" &&
	grep -q "missing: function zpci_create_device (arch/s390/pci/pci.c): lacks 'mutex_init(&zdev->pending_errs_lock);'" "$log" &&
	grep -q "revert those pieces, or complete them" "$log"; then
	ok "verdict-partial-stops ($pk)"
else
	ko verdict-partial-stops "exit $rc, verdict: $(st v-partial verdict)"
fi

# 4. A statement of the tree's own inside a function a rule edits.
t=$tmp/t-extra
copy "$ok_" "$t"
edit "$t" arch/s390/pci/pci.c
awk '/^[a-z][a-z_ ]*[ *]zpci_create_device\(/ { f = 1 }
	f && /^\tmutex_init\(/ && !done { print "\tpr_debug(\"zpci: creating fid %x\\n\", fid);"; done = 1 }
	{ print }' "$t/arch/s390/pci/pci.c" > "$tmp/pci.c" && cat "$tmp/pci.c" > "$t/arch/s390/pci/pci.c"
rc=$(run v-extra "$t")
bad=$(stages_pass v-extra)
if [ "$rc" = 0 ] && [ -z "$bad" ] && grep -q 'creating fid' "$t/arch/s390/pci/pci.c" &&
	grep -q '^function zpci_create_device .*differs: pre-existing in this tree' "$tmp/out/v-extra/fidelity.txt"; then
	ok "verdict-extra-statement-kept ($ok_)"
else
	ko verdict-extra-statement-kept "exit $rc, ${bad:-fidelity: $(grep zpci_create_device "$tmp/out/v-extra/fidelity.txt" 2>/dev/null)}"
fi

# 5. A rule's anchor gone: the drift report, and the earlier series kept.
mkdir -p "$tmp/out/v-drift"
cp -R "out/$nk/series" "out/$nk/patches" "$tmp/out/v-drift/"
before=$(cd "$tmp/out/v-drift" && cat series patches/* | sha256sum)
t=$tmp/t-drift
copy "$nk" "$t"
edit "$t" drivers/vfio/pci/vfio_pci_zdev.c
awk '/^\tif \(zpci_kvm_hook\.kvm_register\)$/ { skip = 2 } skip { skip--; next } { print }' \
	"$t/drivers/vfio/pci/vfio_pci_zdev.c" > "$tmp/zdev.c" && cat "$tmp/zdev.c" > "$t/drivers/vfio/pci/vfio_pci_zdev.c"
rc=$(run v-drift "$t")
log=$tmp/out/v-drift/logs/generate.log
after=$(cd "$tmp/out/v-drift" && cat series patches/* | sha256sum)
if [ "$rc" = 1 ] && [ "$before" = "$after" ] &&
	grep -q "rule zdev_open of 10-9f240376d034-store-pci-error.cocci matched 0 place(s) in drivers/vfio/pci/vfio_pci_zdev.c on kernel v-drift, expected 1: looked in function vfio_pci_zdev_open_device (drivers/vfio/pci/vfio_pci_zdev.c:[0-9]*-[0-9]*) for 'if (zpci_kvm_hook.kvm_register)'; nearest there, line [0-9]*: '" "$log"; then
	ok "verdict-drift-reported ($nk: $(grep -o 'nearest there.*' "$log" | head -n 1))"
else
	ko verdict-drift-reported "exit $rc, series kept: $([ "$before" = "$after" ] && echo yes || echo no), generate: $(tail -n 1 "$log" 2>/dev/null)"
fi

# 6. The maintainer's own series carries one commit.
deb=$tmp/debian-patches
mkdir -p "$deb"
{
	printf 'Description: vfio/pci: offer the error IRQ on every device\n'
	printf 'Author: A Maintainer <maintainer@example.org>\n'
	printf 'Forwarded: not-needed\n---\n'
	sed -n '/^--- a\//,$p' "out/$nk/patches/$pick"
} > "$deb/vfio-err-irq-any-device.patch"
printf '# our own\nvfio-err-irq-any-device.patch\n' > "$deb/series"
rc=$(run v-pick "$(sh backport/provision/fetch.sh "$nk")" "$deb")
by=$(jq -r '.[] | select(.commit == "4e3c1fc8abcb") | .carried_by // "none"' "$tmp/out/v-pick/verdict.json" 2>/dev/null)
got=$(series_entries "$tmp/out/v-pick" | sed 's/^[0-9]*-//' | tr '\n' ' ')
bad=$(stages_pass v-pick)
[ "$(st v-pick existing)" = pass ] || bad="existing: $(st v-pick existing) $bad"
case $by:$got in
"vfio-err-irq-any-device.patch (patch-id "*"):$want") [ -n "$bad" ] || by=ok ;;
esac
if [ "$rc" = 0 ] && [ "$by" = ok ]; then
	ok "verdict-existing-by-patch-id ($nk)"
else
	ko verdict-existing-by-patch-id "exit $rc, carried by: $by, series '$got' (want '$want'), $bad"
fi
