#!/bin/sh
# tests/negative.sh - bad input and rules that do not fit must stop the run.
# Commands and expected results:
#   make KSRC=/tmp/not-a-tree NAME=x      -> exit 2, names KSRC and the fix
#   backport/pipeline/main.sh no-such-kernel       -> exit 2, names the kernel
#   make KERNELS=no-such-kernel           -> exit 2 from make itself
#   make KSRC=<copy of $ref, the last target, with one more zpci_event_io_failure()> NAME=neg-make
#                                          -> exit 1 from make itself
#   generate.sh on a copy of $ref without is_passed_through()
#                                          -> exit 1, names rule, file, kernel
#   generate.sh on a copy of $ref with one more zpci_event_io_failure() call
#                                          -> exit 1, "matched 4 place(s)"
#   needed.sh with a probe the results lack -> exit 2
#   a series needing fuzz; a drifted new definition; a drift inside a
#   definition the tree had before; a probe result forced wrong -> exit 1
#   runtime/build.sh on probes no test-patch set fits -> exit 3 (skipped)
#   uapi-headers.sh with no rsync on PATH -> exit 1, the message quotes
#     "rsync: not found" from the log
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

mkdir -p "$tmp/not-a-tree"
rc=0; msg=$(make -s KSRC="$tmp/not-a-tree" NAME=x 2>&1) || rc=$?
case $msg in *"KSRC=$tmp/not-a-tree is not a kernel tree"*) ok negative-ksrc-not-a-tree ;;
*) ko negative-ksrc-not-a-tree "rc=$rc: $msg" ;; esac
rc=0; KSRC=$tmp/not-a-tree NAME=x sh backport/pipeline/main.sh > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 2 ]; then ok negative-ksrc-exit-2; else ko negative-ksrc-exit-2 "exit $rc"; fi
rc=0; sh backport/pipeline/main.sh no-such-kernel > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 2 ] && grep -q "unknown kernel 'no-such-kernel'" "$tmp/o"; then
	ok negative-unknown-kernel; else ko negative-unknown-kernel "exit $rc: $(cat "$tmp/o")"; fi
rc=0; make -s KERNELS=no-such-kernel > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 2 ]; then ok negative-make-exit-2; else ko negative-make-exit-2 "make exited $rc"; fi

up=$(sh backport/provision/fetch.sh "$upname")
tref=$(sh backport/provision/fetch.sh "$ref")
[ -f "out/$ref/probes.json" ] || sh backport/pipeline/main.sh "$ref" >/dev/null 2>&1 || true
mutant() { # mutant NAME SED-SCRIPT: a copy of $ref with pci_event.c edited
	mkdir -p "$tmp/$1"
	cp -al "$tref" "$tmp/$1/tree"
	f=$tmp/$1/tree/arch/s390/pci/pci_event.c
	sed "$2" "$f" > "$f.new"; rm -f "$f"; mv "$f.new" "$f"
	mkdir -p "$tmp/$1/out"
	cp "out/$ref/probes.json" "$tmp/$1/out/"
	sh backport/probe/verdict.sh "neg-$1" "$tmp/$1/tree" "$up" "$tmp/$1/out" > /dev/null 2>&1
}
mutant zero '/^static bool is_passed_through/,/^}/d'
rc=0; sh backport/generate/generate.sh neg-zero "$tmp/zero/tree" "$up" "$tmp/zero/out" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 1 ] && grep -q "rule drop_passthrough_fn of 10-9f240376d034-store-pci-error.cocci matched 0 place(s) in arch/s390/pci/pci_event.c on kernel neg-zero, expected 1" "$tmp/o"; then
	ok negative-rule-zero-matches; else ko negative-rule-zero-matches "exit $rc: $(tail -n 1 "$tmp/o")"; fi
mutant extra 's/^\t\tzpci_event_io_failure(pdev, pci_channel_io_perm_failure);$/&\n\t\tzpci_event_io_failure(pdev, pci_channel_io_perm_failure);/'
rc=0; sh backport/generate/generate.sh neg-extra "$tmp/extra/tree" "$up" "$tmp/extra/out" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 1 ] && grep -q "rule pass_ccdf of 10-9f240376d034-store-pci-error.cocci matched 4 place(s) in arch/s390/pci/pci_event.c on kernel neg-extra, expected 3" "$tmp/o"; then
	ok negative-rule-extra-match; else ko negative-rule-extra-match "exit $rc: $(tail -n 1 "$tmp/o")"; fi
echo '{"HAVE_A": true}' > "$tmp/p.json"
rc=0; sh backport/probe/needed.sh 'HAVE_A && HAVE_B' "$tmp/p.json" 2>/dev/null || rc=$?
if [ "$rc" -eq 2 ]; then ok negative-unknown-probe; else ko negative-unknown-probe "exit $rc"; fi

# make itself exits 1 when a stage fails (here generate, on that tree).
rc=0; ZPCI_OUT=$tmp/make-out make -s KSRC="$tmp/extra/tree" NAME=neg-make > "$tmp/o" 2>&1 || rc=$?
v=$(jq -r '.["neg-make"].stages.generate' "$tmp/make-out/report.json" 2>/dev/null || true)
case $rc:$v in "1:fail: "*"matched 4 place(s)"*) ok negative-make-exit-1 ;;
*) ko negative-make-exit-1 "make exited $rc, generate: $v" ;; esac
rm -rf "$ZPCI_CACHE/work/neg-make"
# The apply gate: a series whose context no longer fits (one context line
# changed) must be refused, not pushed with fuzz.
needs_fuzz "out/$ref" "$tmp/fuzz"
rc=0; sh backport/verify/apply-series.sh "$tref" "$tmp/fuzz" "$tmp/fuzz/work" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 1 ]; then ok negative-apply-needs-fuzz; else ko negative-apply-needs-fuzz "exit $rc: $(tail -n 1 "$tmp/o")"; fi

# The fidelity gate: a backported definition that drifts from upstream with
# no rule to account for it (-ENOMSG turned into -ENODATA) must fail.
rc=0; sh backport/verify/apply-series.sh "$tref" "out/$ref" "$tmp/drift" > "$tmp/o" 2>&1 || rc=$?
rc=0; sh backport/verify/apply-series.sh "$tref" "out/$ref" "$tmp/drift-base" > "$tmp/o" 2>&1 || rc=$?
f=$tmp/drift/arch/s390/pci/pci_event.c
sed 's/return -ENOMSG;/return -ENODATA;/' "$f" > "$f.new"; rm -f "$f"; mv "$f.new" "$f"
mkdir -p "$tmp/drift-out"; cp -R "out/$ref/gen" "out/$ref/patches" "out/$ref/series" "$tmp/drift-out/"
rc=0; sh backport/verify/fidelity.sh neg-drift "$tref" "$tmp/drift" "$up" "$tmp/drift-out" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 1 ] && grep -q "function zpci_get_pending_error in arch/s390/pci/pci_event.c: UNATTRIBUTED" "$tmp/o"; then
	ok negative-fidelity-drift; else ko negative-fidelity-drift "exit $rc: $(tail -n 1 "$tmp/o")"; fi

# A probe result forced wrong: the oldest target's tree (5.10) with
# HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE turned around (claimed true). The run must stop at the rule that needs those hooks, naming
# it, instead of producing a series that does not build.
old=$(versions_names target | head -n 1)
told=$(sh backport/provision/fetch.sh "$old")
[ -f "out/$old/probes.json" ] || sh backport/pipeline/main.sh "$old" >/dev/null 2>&1 || true
mkdir -p "$tmp/wrong"
jq '.HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE |= not' "out/$old/probes.json" > "$tmp/wrong/probes.json"
sh backport/probe/verdict.sh neg-wrong-probe "$told" "$up" "$tmp/wrong" > /dev/null 2>&1 || :
rc=0; sh backport/generate/generate.sh neg-wrong-probe "$told" "$up" "$tmp/wrong" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 1 ] && grep -q "rule zdev_open of 10-9f240376d034-store-pci-error.cocci matched 0 place(s) .* on kernel neg-wrong-probe, expected 1" "$tmp/o"; then
	ok negative-probe-forced-wrong; else ko negative-probe-forced-wrong "exit $rc: $(tail -n 1 "$tmp/o")"; fi

# Every definition the series touches is compared: with the items lacking
# zpci_event_io_failure(), which the $ref series changes, fidelity must fail
# naming it, instead of passing on the definitions it was told about.
for r in semantic-patches/series/*.cocci semantic-patches/lowering/*.cocci; do
	sh backport/lib/cocci-header.sh "$r" Compare
done | grep -v '^function zpci_event_io_failure ' > "$tmp/items"
rc=0; ZPCI_FIDELITY_ITEMS=$tmp/items sh backport/verify/fidelity.sh neg-items "$tref" "$tmp/drift-base" "$up" "$tmp/drift-out" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 1 ] && grep -q "function zpci_event_io_failure in arch/s390/pci/pci_event.c: NOT COMPARED" "$tmp/o"; then
	ok negative-fidelity-not-compared; else ko negative-fidelity-not-compared "exit $rc: $(tail -n 1 "$tmp/o")"; fi

# The fidelity gate's "pre-existing in this tree" path: a drift inside a
# definition the pristine tree already had (vfio_pci_core_ioctl_feature()
# answering -EINVAL instead of -ENOTTY for an unknown feature) must not pass
# as a difference that was there before.
rc=0; sh backport/verify/apply-series.sh "$tref" "out/$ref" "$tmp/drift2" > "$tmp/o" 2>&1 || rc=$?
f=$tmp/drift2/drivers/vfio/pci/vfio_pci_core.c
sed '/^int vfio_pci_core_ioctl_feature(/,/^}/ s/return -ENOTTY;/return -EINVAL;/' "$f" > "$f.new"
rm -f "$f"; mv "$f.new" "$f"
rc=0; sh backport/verify/fidelity.sh neg-drift2 "$tref" "$tmp/drift2" "$up" "$tmp/drift-out" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 1 ] && grep -q "function vfio_pci_core_ioctl_feature in drivers/vfio/pci/vfio_pci_core.c: UNATTRIBUTED" "$tmp/o"; then
	ok negative-fidelity-drift-preexisting; else ko negative-fidelity-drift-preexisting "exit $rc: $(tail -n 1 "$tmp/o")"; fi

# A tree no set of our test patches fits: the runtime gate skips it (exit 3,
# which stage.sh records as "skipped: <reason>"), naming the adapters of
# patches/zpci-error-test,
# rather than aborting the main job or passing silently.
mkdir -p "$tmp/novariant"
jq 'map_values(false)' "out/$ref/probes.json" > "$tmp/novariant/probes.json"
rc=0; sh backport/gates/runtime/build.sh "$tref" "$tmp/novariant" "$tmp/novariant/work" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 3 ] && grep -q "no vfio-pci adapter of patches/zpci-error-test fits" "$tmp/o"; then
	ok negative-runtime-no-patch-set-skips; else ko negative-runtime-no-patch-set-skips "exit $rc: $(tail -n 1 "$tmp/o")"; fi

# A failed step's note quotes the line of its log that explains it: the
# upstream tree's make headers_install (the runtime gate's uAPI headers)
# with no rsync on PATH must fail naming "rsync: not found", not only the
# log. The same failure a new machine without rsync met.
mkdir -p "$tmp/norsync"
for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
	for f in "$d"/*; do
		b=${f##*/}
		{ [ "$b" != rsync ] && [ ! -e "$tmp/norsync/$b" ]; } || continue
		ln -s "$f" "$tmp/norsync/$b"
	done
done
rc=0; PATH=$tmp/norsync ZPCI_UAPI_DIR=$tmp/uapi sh backport/provision/uapi-headers.sh "$up" > "$tmp/o" 2>&1 || rc=$?
if [ "$rc" -eq 1 ] && grep -q "make headers_install of .* failed: .*rsync: not found (see $tmp/uapi/.*/headers.log)" "$tmp/o"; then
	ok negative-cause-quoted; else ko negative-cause-quoted "exit $rc: $(tail -n 1 "$tmp/o")"; fi
