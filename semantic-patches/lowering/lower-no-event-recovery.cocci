/// Lower "s390/pci: Store PCI error information for passthrough devices"
/// for a tree without the host's PCI error recovery (4cdf2f4e24ff): its
/// error event handler only marks the function permanently failed. There
/// the handler takes upstream's dispatch on the PCI event code, verbatim,
/// and upstream's zpci_event_io_failure(), which stores the event for a
/// function in mediated recovery: measurement-block events (0x002a to
/// 0x002c) are ignored, every other event fails the function for good
/// and is reported. lower-no-recovery-attempt.cocci then takes the
/// recovery attempt out of the dispatch, and lower-no-host-report.cocci
/// keeps the report to host drivers as this tree had it.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose code it lowers)
// Needed when: !HAVE_ZPCI_EVENT_RECOVERY
// Not backported: 4cdf2f4e24ff ("s390/pci: implement minimal PCI error recovery"), and with it pci_uevent_ers() and zpci_report_status(), which only its recovery calls
// Also changes: a measurement-block event (PEC 0x002a, 0x002b, 0x002c) no longer marks the function permanently failed: upstream's dispatch ignores it, as the host's recovery does on later kernels
// Omits: function zpci_event_attempt_error_recovery
// Omits: function ers_result_indicates_abort
// Omits: function is_driver_supported
// Omits: function zpci_event_do_error_state_clear
// Omits: function zpci_event_do_reset
// Affects: function __zpci_event_error
// Files: arch/s390/pci/pci_event.c

virtual patch

// Expect: add_io_failure 1 arch/s390/pci/pci_event.c
@add_io_failure depends on patch@
identifier fn = __zpci_event_error;
type T;
position p;
@@
+/* ZPCI-UPSTREAM function zpci_event_io_failure */
+
 T fn@p(...) {...}

// Expect: dispatch 1 arch/s390/pci/pci_event.c
@dispatch depends on patch@
identifier fn = __zpci_event_error;
identifier ccdf, pdev;
position p;
@@
 fn(struct zpci_ccdf_err *ccdf) {
 ...
- pdev->error_state@p = pci_channel_io_perm_failure;
+ /* ZPCI-UPSTREAM switch __zpci_event_error */
 pci_dev_put(pdev);
 ...
 }
