#!/bin/sh
# tests/runtime-gate.sh - the runtime gate (backport/runtime.sh) on the
# upstream oracle, on the supported kernels, and on mutants it must catch.
# Commands and expected results:
#   the main job's runtime stage (backport/run-kernel.sh, rerun only when
#   its inputs changed since it passed) on 7.3 (upstream, our test patches
#   only: the oracle) and on each K of ZPCI_RUNTIME_KERNELS (default: every
#   target of versions with out/K/series)             -> status "pass"
#   a mutant is K's series plus one patch, an edit (perl -0pe) of one file
#     as the series leaves it; the gate must exit 1 on it, with the named
#     checks (suite.test) among the failed ones.
#   The gate mutants, on each K of ZPCI_RUNTIME_MUTANT_KERNELS (default:
#   ZPCI_RUNTIME_KERNELS):
#     v14-get-slot-under-lock: zpci_stop_mediated_recovery() calls
#       pci_get_slot() with pending_errs_lock held (v14 4/7)
#       -> log.lockdep_circular_dependency, zpci_error_store.zpci_store_lock_order
#     uapi-number-12: VFIO_DEVICE_FEATURE_ZPCI_ERROR is 12 (v9-v12)
#       -> zpci_uapi.feature_probe
#     lock-leak-enomsg: zpci_get_pending_error() locks by hand and returns
#       -ENOMSG with the lock held
#       -> zpci_error_store.zpci_store_empty, log.lockdep_held_at_task_exit
#          (the KUnit thread ends holding it), boot.uapi_finished (the uAPI
#          program then blocks on the lock until init gives up)
#   One mutant per test, on each K of ZPCI_RUNTIME_TEST_MUTANT_KERNELS
#   (default: the upstream tree only), listed at the end of this file;
#   among them the error-and-recovery flow: the dispatch on the event code
#   dropped (every event attempts recovery), an FMB event queued, and no
#   reset offered after an error (the zPCI slot has no reset_slot).
#   A mutant runs only on a kernel that passed the gate itself in this run
#   (otherwise "FAIL runtime-mutant-...: not run").
# ZPCI_RUNTIME_ONLY="mutant..." runs only the mutants named.
# ZPCI_RUNTIME_KEEP=DIR keeps the mutants' results in DIR/out-<K>-<mutant>;
# an empty ZPCI_RUNTIME_*KERNELS variable turns its part off.
# Results go to out/<K>/runtime.{json,xml} and out/<K>/boot.log for the real
# kernels; mutants run in the same work directory as their kernel, so each
# rebuilds only the files its edit touches (and relinks), about 1-3 min.
# Budget per kernel on 2 cores: build <= 8 min cold, <= 2 min after a
# one-line change; boot and tests <= 2 min. Each check prints one line
# "PASS name" or "FAIL name: reason".
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh
# Default: every target line of versions the main job made a series for.
kernels=${ZPCI_RUNTIME_KERNELS-$(for k in $(versions_names target); do
	[ ! -f "out/$k/series" ] || printf '%s ' "$k"; done)}
mkernels=${ZPCI_RUNTIME_MUTANT_KERNELS-$kernels}
upname=$(versions_names upstream | head -n 1)
tkernels=${ZPCI_RUNTIME_TEST_MUTANT_KERNELS-$upname}

# probes NAME: out/NAME/probes.json from the main job, made if missing.
probes() {
	[ -f "out/$1/probes.json" ] || sh backport/run-kernel.sh "$1" > "$tmp/probe-$1.log" 2>&1 || true
	[ -f "out/$1/probes.json" ]
}

# stage NAME: the main job's runtime stage of NAME (rerun only if its
# inputs changed since it last passed, as in make); prints "pass" or the
# stage's status line.
stage() {
	sh backport/run-kernel.sh "$1" > "$tmp/o" 2>&1 || :
	cat "out/$1/status/runtime" 2>/dev/null || echo "fail: no runtime status (see backport/run-kernel.sh $1)"
}

# timing NAME OUTDIR: "build N s, boot N s" from runtime.json.
timing() {
	jq -r '"build \(.timings.build_s) s, boot \(.timings.boot_s) s"' "$2/runtime.json" 2>/dev/null || echo "no timings"
}

# The oracle. $passed lists the kernels that passed: a mutant proves
# something only where the kernel itself passes.
passed=
v=$(stage "$upname")
if [ "$v" = pass ]; then ok "runtime-$upname-oracle ($(timing "$upname" "out/$upname"))"; passed=" $upname "
else ko "runtime-$upname-oracle" "$v"; fi

for k in $kernels; do
	v=$(stage "$k")
	if [ "$v" = pass ]; then ok "runtime-$k ($(timing "$k" "out/$k"))"; passed="$passed $k "
	else ko "runtime-$k" "$v"; fi
done

# mutant K NAME FILE PERL-CODE: a series directory for K with one more
# patch, the edit PERL-CODE (perl -0pe) of FILE as it is after K's series;
# prints the directory. Fails when the edit changes nothing.
mutant() {
	mk=$1 mname=$2 mfile=$3 mcode=$4
	md=$tmp/mut-$mk-$mname
	mkdir -p "$md/patches" "$md/a/$(dirname "$mfile")" "$md/b/$(dirname "$mfile")"
	cp "out/$mk/probes.json" "$md/"
	: > "$md/series"
	mtree=$(sh backport/fetch.sh "$mk")
	if [ -f "out/$mk/series" ]; then
		cp out/"$mk"/patches/* "$md/patches/"
		cp "out/$mk/series" "$md/series"
		[ -d "$tmp/applied-$mk" ] ||
			sh backport/apply-series.sh "$mtree" "out/$mk" "$tmp/applied-$mk" >/dev/null 2>&1 ||
			return 1
		cp "$tmp/applied-$mk/$mfile" "$md/a/$mfile"
	else
		cp "$mtree/$mfile" "$md/a/$mfile"
	fi
	perl -0pe "$mcode" "$md/a/$mfile" > "$md/b/$mfile"
	if (cd "$md" && diff -u --label "a/$mfile" --label "b/$mfile" "a/$mfile" "b/$mfile") \
		> "$md/patches/zz-mutant-$mname.patch"; then
		return 1
	fi
	echo "zz-mutant-$mname.patch" >> "$md/series"
	printf '%s\n' "$md"
}

# run_mutant K NAME FILE PERL-CODE CHECK...: the gate must fail on the
# mutant, with each CHECK (suite.name) among the failed checks.
run_mutant() {
	mk=$1 mname=$2 mfile=$3 mcode=$4
	shift 4
	case " ${ZPCI_RUNTIME_ONLY:-$mname} " in *" $mname "*) ;; *) return 0 ;; esac
	case $passed in *" $mk "*) ;; *)
		ko "runtime-mutant-$mname-$mk" "not run: $mk itself does not pass the gate"
		return 0 ;;
	esac
	if ! md=$(mutant "$mk" "$mname" "$mfile" "$mcode"); then
		ko "runtime-mutant-$mname-$mk" "the edit does not apply to $mfile after the $mk series"
		return 0
	fi
	mt=$(sh backport/fetch.sh "$mk")
	mo=${ZPCI_RUNTIME_KEEP:-$tmp}/out-$mk-$mname
	rm -rf "$mo"
	rc=0
	ZPCI_GATES=runtime sh backport/gate.sh "$mk" "$mt" "$md" "$mo" > "$tmp/o" 2>&1 || rc=$?
	missing=
	for c in "$@"; do
		jq -e --arg c "$c" 'any(.results[]; "\(.suite).\(.name)" == $c and .status == "FAIL")' \
			"$mo/runtime.json" >/dev/null 2>&1 || missing="$missing $c"
	done
	if [ "$rc" -eq 1 ] && [ -z "$missing" ]; then
		ok "runtime-mutant-$mname-$mk ($(timing "$mk" "$mo"))"
	else
		ko "runtime-mutant-$mname-$mk" "exit $rc; not failed:${missing:- -} ($(tail -n 1 "$tmp/o"))"
	fi
}

# The edits are perl code: its $1 must not expand in the shell.
# shellcheck disable=SC2016
for k in $mkernels; do
	probes "$k" || { ko "runtime-mutants-$k" "no probe results for $k"; continue; }
	run_mutant "$k" v14-get-slot-under-lock arch/s390/pci/pci_event.c '
		s{(void zpci_stop_mediated_recovery\(struct zpci_dev \*zdev\)\n\{\n\tguard\(mutex\)\(&zdev->pending_errs_lock\);\n)}
		 {$1\tif (zdev->zbus->bus) {\n\t\tstruct pci_dev *pdev = pci_get_slot(zdev->zbus->bus, zdev->devfn);\n\n\t\tpci_dev_put(pdev);\n\t}\n}' \
		log.lockdep_circular_dependency zpci_error_store.zpci_store_lock_order
	run_mutant "$k" uapi-number-12 include/uapi/linux/vfio.h \
		's{(#define VFIO_DEVICE_FEATURE_ZPCI_ERROR)\s+13\b}{$1 12}' \
		zpci_uapi.feature_probe
	run_mutant "$k" lock-leak-enomsg arch/s390/pci/pci_event.c '
		s{(int zpci_get_pending_error\(.*?\n\{\n.*?)guard\(mutex\)\(&zdev->pending_errs_lock\);(.*?)\treturn 0;\n\}}
		 {$1mutex_lock(&zdev->pending_errs_lock);$2\tmutex_unlock(&zdev->pending_errs_lock);\n\treturn 0;\n\}}s' \
		zpci_error_store.zpci_store_empty log.lockdep_held_at_task_exit boot.uapi_finished
done

# One mutant per test: each test of the suites fails on the mutant written
# for it (the other checks may fail too).
ev=arch/s390/pci/pci_event.c zd=drivers/vfio/pci/vfio_pci_zdev.c
# shellcheck disable=SC2016
for k in $tkernels; do
	probes "$k" || { ko "runtime-test-mutants-$k" "no probe results for $k"; continue; }
	run_mutant "$k" fifo-lifo $ev \
		's{head = zdev->pending_errs\.head % ZPCI_ERR_PENDING_MAX;}{head = (zdev->pending_errs.tail - 1) % ZPCI_ERR_PENDING_MAX;}' \
		zpci_error_store.zpci_store_fifo_order zpci_uapi.feature_get_fifo
	run_mutant "$k" full-drops-silently $ev \
		's{(pending error events queued\\n",\n.*?\n\t\treturn) -ENOMEM;}{$1 0;}s' \
		zpci_error_store.zpci_store_full_queue
	run_mutant "$k" empty-enodata $ev \
		's{(\tif \(!zdev->pending_errs\.count\)\n\t\treturn) -ENOMSG;}{$1 -ENODATA;}' \
		zpci_error_store.zpci_store_empty zpci_uapi.feature_empty
	run_mutant "$k" store-not-mediated $ev \
		's{\tif \(!zdev->pending_errs\.mediated_recovery\)\n\t\treturn -EINVAL;\n}{}' \
		zpci_error_store.zpci_store_not_mediated
	run_mutant "$k" stop-keeps-queue $ev \
		's{\tmemset\(&zdev->pending_errs, 0, sizeof\(struct zpci_ccdf_pending\)\);\n}{}' \
		zpci_error_store.zpci_store_stop_clears zpci_uapi.close_clears
	run_mutant "$k" index-u16 arch/s390/include/asm/pci.h \
		's{\tu8 head;\n\tu8 tail;}{\tu16 head;\n\tu16 tail;}' \
		zpci_error_store.zpci_store_index_wrap
	run_mutant "$k" no-notify-mediated $ev \
		's{ers_res = zpci_event_notify_error_detected\(pdev, driver\);}{ers_res = mediated_recovery ? PCI_ERS_RESULT_CAN_RECOVER :\n\t\t  zpci_event_notify_error_detected(pdev, driver);}' \
		zpci_uapi.eventfd_signalled
	run_mutant "$k" probe-runs-get $zd \
		's{(sizeof\(err\)\);\n\tif \(ret) != 1\)}{$1 < 0)}' \
		vfio_zpci_error_feature.zpci_feature_probe zpci_uapi.feature_probe
	run_mutant "$k" set-accepted $zd \
		's{VFIO_DEVICE_FEATURE_GET,\n(\s*)sizeof\(err\)\);}{VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_SET,\n$1sizeof(err));}' \
		vfio_zpci_error_feature.zpci_feature_set_rejected zpci_uapi.feature_set_rejected
	run_mutant "$k" argsz-unchecked $zd \
		's{(VFIO_DEVICE_FEATURE_GET,\n\s*)sizeof\(err\)\);}{${1}0);}' \
		vfio_zpci_error_feature.zpci_feature_argsz_small
	run_mutant "$k" data-zero-unchecked $zd \
		's{\tif \(!err\.data\)\n\t\treturn -EINVAL;\n\n}{}' \
		vfio_zpci_error_feature.zpci_feature_data_zero zpci_uapi.feature_argsz_and_data_zero
	run_mutant "$k" get-short-copy $zd \
		's{&ccdf, sizeof\(ccdf\)\)\)}{&ccdf, sizeof(ccdf) - 2))}' \
		vfio_zpci_error_feature.zpci_feature_get zpci_uapi.feature_get_fifo
	run_mutant "$k" efault-ignored $zd \
		's{(zdev->fid\);\n\t\treturn) -EFAULT;}{$1 0;}' \
		vfio_zpci_error_feature.zpci_feature_bad_pointer zpci_uapi.feature_bad_pointer
	run_mutant "$k" base-cap-v2 $zd \
		's{(\.header\.id = VFIO_DEVICE_INFO_CAP_ZPCI_BASE,\n\t\t\.header\.version =) 3,}{$1 2,}' \
		vfio_zpci_error_feature.zpci_feature_base_cap zpci_uapi.zpci_base_cap
	run_mutant "$k" dispatch-dropped $ev \
		's{\tswitch \(ccdf->pec\) \{\n.*?\tdefault: [^\n]*\n(.*?)\t\tbreak;\n\t\}\n}{$1}s' \
		zpci_uapi.event_fmb_ignored zpci_uapi.event_perm_failure
	run_mutant "$k" fmb-queued $ev \
		's{(\tcase 0x002c:\n)(\t\tbreak;)}{$1\t\tzpci_store_pci_error(pdev, ccdf);\n$2}' \
		zpci_uapi.event_fmb_ignored
	run_mutant "$k" no-reset-after-error drivers/pci/hotplug/s390_pci_hpc.c \
		's{(\.reset_slot =\s+)reset_slot,}{${1}NULL,}' \
		zpci_uapi.recover_reset
	run_mutant "$k" err-irq-pcie-only drivers/vfio/pci/vfio_pci_core.c \
		's{(\} else if \(irq_type == VFIO_PCI_ERR_IRQ_INDEX\) \{\n\t\treturn) 1;}{$1 pci_is_pcie(vdev->pdev) ? 1 : 0;}' \
		vfio_zpci_error_feature.zpci_feature_err_irq_count zpci_uapi.err_irq_info
done
