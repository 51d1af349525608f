/// Backport "s390/pci: Allow automatic recovery with minimal driver support":
/// a driver needs only an error_detected() callback to take part in
/// automatic recovery. mmio_enabled() and slot_reset() become optional, a
/// missing one (or a driver abstaining) counts as PCI_ERS_RESULT_NONE, which
/// is no abort and, once the reset step is past, means recovered; recovery
/// goes on to MMIO re-enable unless the driver asked for a reset.
///
/// The recovery status reporting (status_str, zpci_report_status()) that
/// upstream's functions also hold comes from another commit and is not
/// added here.
//
// Confidence: High
// Options: --no-includes --smpl-spacing
// Upstream: 62355f1f87b8 (see semantic-patches/commits)
// Kind: prerequisite
// Also changes: the host attempts automatic recovery for every bound driver that has error_detected(), mmio_enabled(), slot_reset() and resume() being optional; before, only drivers with error_detected(), slot_reset() and resume() were recovered and every other function was marked permanently failed. This reaches all host drivers, and vfio-pci functions that are bound but not open, whose recovery the host now runs itself. Stable did not take this commit.
// Why: without it is_driver_supported() demands slot_reset and resume, so vfio-pci (error_detected only) never reaches the error store
// Needed when: HAVE_ZPCI_EVENT_RECOVERY && !HAVE_ZPCI_RECOVERY_MINIMAL_DRIVER
// Evidence: function ers_result_indicates_abort arch/s390/pci/pci_event.c: case PCI_ERS_RESULT_NEED_RESET: case PCI_ERS_RESULT_NONE:
// Evidence: function is_driver_supported arch/s390/pci/pci_event.c: if (!driver->err_handler->error_detected) return false; return true;
// Evidence: function zpci_event_do_error_state_clear arch/s390/pci/pci_event.c: if (driver->err_handler->mmio_enabled) ers_res = driver->err_handler->mmio_enabled(pdev); else ers_res = PCI_ERS_RESULT_NONE;
// Evidence: function zpci_event_do_reset arch/s390/pci/pci_event.c: if (driver->err_handler->slot_reset) ers_res = driver->err_handler->slot_reset(pdev); else ers_res = PCI_ERS_RESULT_NONE;
// Evidence: function zpci_event_attempt_error_recovery arch/s390/pci/pci_event.c: if (ers_res == PCI_ERS_RESULT_NONE) ers_res = PCI_ERS_RESULT_RECOVERED;
// Affects: function zpci_event_attempt_error_recovery
// Affects: function ers_result_indicates_abort
// Affects: function is_driver_supported
// Affects: function zpci_event_do_error_state_clear
// Affects: function zpci_event_do_reset
// Compare: function ers_result_indicates_abort arch/s390/pci/pci_event.c
// Compare: function is_driver_supported arch/s390/pci/pci_event.c
// Compare: function zpci_event_do_error_state_clear arch/s390/pci/pci_event.c
// Compare: function zpci_event_do_reset arch/s390/pci/pci_event.c
// Compare: function zpci_event_attempt_error_recovery arch/s390/pci/pci_event.c
// Files: arch/s390/pci/pci_event.c

// "case" labels spatch lays out itself come out as "case X :" glued to
// their neighbours; with the spacing of this file they read as upstream.
#spatch --smpl-spacing

virtual patch

// The function ends in the switch, so no path reaches its closing brace
// and a "fn(...) { ... }" pattern cannot hold it: the position says where.
// Expect: abort_none 1 arch/s390/pci/pci_event.c
@abort_none depends on patch@
expression E;
position p : script:python() { p[0].current_element == "ers_result_indicates_abort" };
@@
 switch (E) {
 case PCI_ERS_RESULT_CAN_RECOVER:
 case PCI_ERS_RESULT_RECOVERED:
-case PCI_ERS_RESULT_NEED_RESET@p:
+case PCI_ERS_RESULT_NEED_RESET:
+case PCI_ERS_RESULT_NONE:
 	return false;
 default:
 	return true;
 }

// Expect: supported_minimal 1 arch/s390/pci/pci_event.c
@supported_minimal depends on patch@
identifier fn = is_driver_supported;
identifier driver;
position p;
@@
 fn(...) {
 ...
-if (!driver->err_handler->slot_reset@p)
-	return false;
-if (!driver->err_handler->resume)
-	return false;
 return true;
 }

// Expect: mmio_optional 1 arch/s390/pci/pci_event.c
@mmio_optional depends on patch@
identifier fn = zpci_event_do_error_state_clear;
identifier pdev, driver, ers;
statement S1, S2;
position p;
@@
 fn(...) {
 ...
-if (driver->err_handler->mmio_enabled@p) {
-	ers = driver->err_handler->mmio_enabled(pdev);
+if (driver->err_handler->mmio_enabled)
+	ers = driver->err_handler->mmio_enabled(pdev);
+else
+	ers = PCI_ERS_RESULT_NONE;
+
 	if (ers_result_indicates_abort(ers)) S1 else S2
-}
 ...
 }

// Expect: slot_reset_optional 1 arch/s390/pci/pci_event.c
@slot_reset_optional depends on patch@
identifier fn = zpci_event_do_reset;
identifier pdev, driver, ers;
position p;
@@
 fn(...) {
 ...
-ers = driver->err_handler->slot_reset@p(pdev);
+
+if (driver->err_handler->slot_reset)
+	ers = driver->err_handler->slot_reset(pdev);
+else
+	ers = PCI_ERS_RESULT_NONE;
+
 ...
 }

// Expect: recover_unless_reset 1 arch/s390/pci/pci_event.c
@recover_unless_reset depends on patch@
identifier fn = zpci_event_attempt_error_recovery;
identifier ers;
position p;
@@
 fn(...) {
 <...
 if (
-    ers@p == PCI_ERS_RESULT_CAN_RECOVER
+    ers != PCI_ERS_RESULT_NEED_RESET
    ) {
 ...
 }
 ...>
 }

// Expect: recover_none 1 arch/s390/pci/pci_event.c
@recover_none depends on patch@
identifier fn = zpci_event_attempt_error_recovery;
identifier pdev, driver, ers;
position p;
@@
 fn(...) {
 ...
 if (ers == PCI_ERS_RESULT_NEED_RESET)
 	ers = zpci_event_do_reset@p(pdev, driver);
+
+if (ers == PCI_ERS_RESULT_NONE)
+	ers = PCI_ERS_RESULT_RECOVERED;
 ...
 }
