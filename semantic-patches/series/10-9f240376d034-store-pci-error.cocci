/// Backport the error store of "s390/pci: Store PCI error information for
/// passthrough devices": struct zpci_ccdf_err moves to asm/pci.h next to the
/// pending-error ring, struct zpci_dev gains pending_errs and its mutex,
/// is_passed_through() gives way to the store and the mediated-recovery
/// start/stop helpers, the firmware event path hands the CCDF on, and
/// vfio-pci's zdev open/close hooks start and stop mediated recovery.
///
/// New definitions are not written here: each "ZPCI-UPSTREAM kind name" line
/// is replaced by that definition, verbatim, from the upstream tree.
//
// Confidence: High
// Options: --no-includes
// Upstream: 9f240376d034 (see semantic-patches/commits)
// Kind: series
// Also changes: vfio-pci's error eventfd (VFIO_PCI_ERR_IRQ_INDEX) now fires for a function that user space has open (vfio-pci in mediated recovery); before, it did not (the kernel skipped pass-through functions on purpose, or told no driver at all). A QEMU without the s390 error handler (no released QEMU has it) reacts to that eventfd by stopping the guest (vfio_err_notifier_handler(), vm_stop()): with such a QEMU an error event on a passed-through zPCI function now stops the guest instead of being ignored.
// Needed when: always
// Evidence: struct zpci_ccdf_err arch/s390/include/asm/pci.h
// Evidence: struct zpci_ccdf_pending arch/s390/include/asm/pci.h
// Evidence: macro ZPCI_ERR_PENDING_MAX arch/s390/include/asm/pci.h
// Evidence: member zpci_dev.pending_errs arch/s390/include/asm/pci.h
// Evidence: member zpci_dev.pending_errs_lock arch/s390/include/asm/pci.h
// Evidence: prototype zpci_start_mediated_recovery arch/s390/include/asm/pci.h
// Evidence: prototype zpci_stop_mediated_recovery arch/s390/include/asm/pci.h
// Evidence: function zpci_store_pci_error arch/s390/pci/pci_event.c
// Evidence: function zpci_start_mediated_recovery arch/s390/pci/pci_event.c
// Evidence: function zpci_stop_mediated_recovery arch/s390/pci/pci_event.c
// Evidence: function zpci_create_device arch/s390/pci/pci.c: mutex_init(&zdev->pending_errs_lock);
// Evidence: function zpci_event_attempt_error_recovery arch/s390/pci/pci_event.c: rc = zpci_store_pci_error(pdev, ccdf);
// Evidence: function zpci_event_io_failure arch/s390/pci/pci_event.c: zpci_store_pci_error(pdev, ccdf);
// Evidence: function __zpci_event_error arch/s390/pci/pci_event.c: zpci_event_io_failure(pdev, pci_channel_io_perm_failure, ccdf);
// Evidence: function vfio_pci_zdev_open_device drivers/vfio/pci/vfio_pci_zdev.c: zpci_start_mediated_recovery(zdev);
// Evidence: function vfio_pci_zdev_close_device drivers/vfio/pci/vfio_pci_zdev.c: zpci_stop_mediated_recovery(zdev);
// Evidence: gone struct zpci_ccdf_err arch/s390/pci/pci_event.c
// Evidence: gone function is_passed_through arch/s390/pci/pci_event.c
// Compare: struct zpci_ccdf_err arch/s390/include/asm/pci.h
// Compare: struct zpci_ccdf_pending arch/s390/include/asm/pci.h
// Compare: macro ZPCI_ERR_PENDING_MAX arch/s390/include/asm/pci.h
// Compare: member zpci_dev.pending_errs arch/s390/include/asm/pci.h
// Compare: member zpci_dev.pending_errs_lock arch/s390/include/asm/pci.h
// Compare: prototype zpci_start_mediated_recovery arch/s390/include/asm/pci.h
// Compare: prototype zpci_stop_mediated_recovery arch/s390/include/asm/pci.h
// Compare: function zpci_store_pci_error arch/s390/pci/pci_event.c
// Compare: function zpci_start_mediated_recovery arch/s390/pci/pci_event.c
// Compare: function zpci_stop_mediated_recovery arch/s390/pci/pci_event.c
// Compare: function zpci_event_attempt_error_recovery arch/s390/pci/pci_event.c
// Compare: function zpci_event_io_failure arch/s390/pci/pci_event.c
// Compare: function __zpci_event_error arch/s390/pci/pci_event.c
// Compare: function zpci_create_device arch/s390/pci/pci.c
// Compare: gone function is_passed_through arch/s390/pci/pci_event.c
// Compare: gone struct zpci_ccdf_err arch/s390/pci/pci_event.c
// Compare: function vfio_pci_zdev_open_device drivers/vfio/pci/vfio_pci_zdev.c
// Compare: function vfio_pci_zdev_close_device drivers/vfio/pci/vfio_pci_zdev.c
// Files: arch/s390/include/asm/pci.h arch/s390/pci/pci.c arch/s390/pci/pci_event.c drivers/vfio/pci/vfio_pci_zdev.c
//
// A tree without the host's PCI error recovery (probe
// HAVE_ZPCI_EVENT_RECOVERY false) has none of the recovery code the
// upstream commit edits: there the rules marked "if HAVE_ZPCI_EVENT_RECOVERY"
// do not run and lower-no-event-recovery.cocci brings the CCDF to the store.
// Rules marked "if HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE" edit vfio's zdev
// open/close hooks, which lower-no-zdev-hooks.cocci adds where they lack.

virtual patch
virtual HAVE_ZPCI_EVENT_RECOVERY
virtual HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE

// Expect: add_types 1 arch/s390/include/asm/pci.h
@add_types depends on patch@
position p;
@@
 struct zpci_bus@p {...};
+
+/* ZPCI-UPSTREAM struct zpci_ccdf_err..struct zpci_ccdf_pending */

// The members go after kzdev_lock, or after the device mutex "lock" of a
// tree without KVM pass-through (no kzdev_lock).
// Expect: add_members|add_members_nokzdev 1 arch/s390/include/asm/pci.h
@add_members depends on patch@
position p;
@@
 struct zpci_dev {
   ...
   struct mutex kzdev_lock@p;
+  /* ZPCI-UPSTREAM member zpci_dev.pending_errs..member zpci_dev.pending_errs_lock */
   ...
 };

@add_members_nokzdev depends on patch && !add_members@
position p;
@@
 struct zpci_dev {
   ...
   struct mutex lock@p;
+  /* ZPCI-UPSTREAM member zpci_dev.pending_errs..member zpci_dev.pending_errs_lock */
   ...
 };

// After zpci_reset_load_store_blocked(), or after zpci_report_error() in
// a tree without it.
// Expect: add_protos|add_protos_noreset 1 arch/s390/include/asm/pci.h
@add_protos depends on patch@
position p;
@@
- int zpci_reset_load_store_blocked@p(struct zpci_dev *zdev);
+ int zpci_reset_load_store_blocked(struct zpci_dev *zdev);
+/* ZPCI-UPSTREAM prototype zpci_start_mediated_recovery..prototype zpci_stop_mediated_recovery */

@add_protos_noreset depends on patch && !add_protos@
position p;
@@
- int zpci_report_error@p(struct pci_dev *, struct zpci_report_error_header *);
+ int zpci_report_error(struct pci_dev *, struct zpci_report_error_header *);
+/* ZPCI-UPSTREAM prototype zpci_start_mediated_recovery..prototype zpci_stop_mediated_recovery */

// Expect: init_lock|init_lock_nokzdev 1 arch/s390/pci/pci.c
@init_lock depends on patch@
identifier fn = zpci_create_device;
expression Z;
position p;
@@
 fn(...) {
 ...
 mutex_init@p(&Z->kzdev_lock);
+mutex_init(&Z->pending_errs_lock);
 ...
 }

@init_lock_nokzdev depends on patch && !init_lock@
identifier fn = zpci_create_device;
expression Z;
position p;
@@
 fn(...) {
 ...
 mutex_init@p(&Z->lock);
+mutex_init(&Z->pending_errs_lock);
 ...
 }

// Expect: drop_ccdf 1 arch/s390/pci/pci_event.c
@drop_ccdf depends on patch@
position p;
@@
- struct zpci_ccdf_err@p {...};

// Expect: drop_passthrough_fn 1 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@drop_passthrough_fn depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = is_passed_through;
type T;
position p;
@@
- T fn@p(...) {...}

// Expect: add_store 1 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@add_store depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = is_driver_supported;
type T;
position p;
@@
 T fn@p(...) {...}
+
+/* ZPCI-UPSTREAM function zpci_store_pci_error */
+
+/* ZPCI-UPSTREAM function zpci_start_mediated_recovery..function zpci_stop_mediated_recovery */

// Without the host recovery, the store goes before the error event handler.
// Expect: add_store_norecovery 1 arch/s390/pci/pci_event.c if !HAVE_ZPCI_EVENT_RECOVERY
@add_store_norecovery depends on patch && !HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = __zpci_event_error;
type T;
position p;
@@
+/* ZPCI-UPSTREAM function zpci_store_pci_error */
+
+/* ZPCI-UPSTREAM function zpci_start_mediated_recovery..function zpci_stop_mediated_recovery */
+
 T fn@p(...) {...}

// Expect: recover_param 1 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@recover_param depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = zpci_event_attempt_error_recovery;
identifier pdev;
type T;
position p;
@@
 T fn@p(struct pci_dev *pdev
+ , struct zpci_ccdf_err *ccdf
 ) {...}

// The flag goes after the zdev local where the tree has one, else after
// ers_res: the two rules share one expectation.
// Expect: recover_decl|recover_decl_nozdev 1 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@recover_decl depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = zpci_event_attempt_error_recovery;
identifier zdev, pdev;
position p;
@@
 fn(...) {
 ...
 struct zpci_dev *zdev@p = to_zpci(pdev);
+bool mediated_recovery = false;
 ...
 }

@recover_decl_nozdev depends on patch && HAVE_ZPCI_EVENT_RECOVERY && !recover_decl@
identifier fn = zpci_event_attempt_error_recovery;
identifier ers;
position p;
@@
 fn(...) {
 ...
 pci_ers_result_t ers@p = PCI_ERS_RESULT_DISCONNECT;
+bool mediated_recovery = false;
 ...
 }

// Expect: recover_rc 1 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@recover_rc depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = zpci_event_attempt_error_recovery;
identifier driver;
position p;
@@
 fn(...) {
 ...
 struct pci_driver *driver@p;
+int rc;
 ...
 }

// Expect: recover_no_passthrough 1 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@recover_no_passthrough depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = zpci_event_attempt_error_recovery;
identifier pdev;
statement S;
position p;
@@
 fn(...) {
 <...
- if (is_passed_through@p(...)) S
 ...>
 }

// Expect: recover_mediated 1 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@recover_mediated depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = zpci_event_attempt_error_recovery;
identifier pdev, driver, ers;
statement S;
position p;
@@
 fn(struct pci_dev *pdev, ...) {
 <...
+rc = zpci_store_pci_error(pdev, ccdf);
+if (!rc || rc == -ENOMEM)
+	mediated_recovery = true;
+
 ers = zpci_event_notify_error_detected@p(pdev, driver);
 if (ers_result_indicates_abort(ers)) S
+
+if (mediated_recovery) {
+	pr_info("%s: Leaving recovery of pass-through device to user-space\n",
+		pci_name(pdev));
+	ers = PCI_ERS_RESULT_RECOVERED;
+	status_str = "in progress";
+	goto out_unlock;
+}
 ...>
 }

// Expect: io_failure 1 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@io_failure depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = zpci_event_io_failure;
identifier pdev, es, L;
type T;
statement S;
position p;
@@
 T fn@p(struct pci_dev *pdev, pci_channel_state_t es
+ , struct zpci_ccdf_err *ccdf
 ) {
 ...
-pdev->error_state = es;
-if (is_passed_through(...))
-	goto L;
+pdev->error_state = es;
+
+zpci_store_pci_error(pdev, ccdf);
 ...
 if (...) S
+
-L:
 pci_dev_unlock(pdev);
 }

// Expect: pass_ccdf 3 arch/s390/pci/pci_event.c if HAVE_ZPCI_EVENT_RECOVERY
@pass_ccdf depends on patch && HAVE_ZPCI_EVENT_RECOVERY@
identifier fn = __zpci_event_error;
identifier ccdf;
expression list ES;
identifier f = {zpci_event_io_failure, zpci_event_attempt_error_recovery};
position p;
@@
 fn(struct zpci_ccdf_err *ccdf) {
 <...
 f@p(ES
+ , ccdf
 )
 ...>
 }

// Expect: zdev_open 1 drivers/vfio/pci/vfio_pci_zdev.c if HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE
@zdev_open depends on patch && HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE@
identifier fn = vfio_pci_zdev_open_device;
identifier vdev, zdev;
expression E;
position p;
@@
 fn(struct vfio_pci_core_device *vdev) {
 struct zpci_dev *zdev = to_zpci(vdev->pdev);
+int ret;
 ...
 if (!zdev)
 	return -ENODEV;
+
+zpci_start_mediated_recovery(zdev);
 ...
- if (zpci_kvm_hook.kvm_register@p)
-	return zpci_kvm_hook.kvm_register(zdev, E);
-
-	return -ENOENT;
+ret = -ENOENT;
+if (zpci_kvm_hook.kvm_register)
+	ret = zpci_kvm_hook.kvm_register(zdev, E);
+
+if (ret)
+	zpci_stop_mediated_recovery(zdev);
+
+return ret;
 }

// Expect: zdev_close 1 drivers/vfio/pci/vfio_pci_zdev.c if HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE
@zdev_close depends on patch && HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE@
identifier fn = vfio_pci_zdev_close_device;
identifier vdev, zdev;
position p;
@@
 fn(struct vfio_pci_core_device *vdev) {
 ...
- if (!zdev@p || !vdev->vdev.kvm)
+ if (!zdev)
+	return;
+
+ zpci_stop_mediated_recovery(zdev);
+
+ if (!vdev->vdev.kvm)
 	return;
 ...
 }
