/// Lower "s390/pci: Store PCI error information for passthrough devices"
/// for a tree without the host's PCI error recovery: its error event
/// handler only marks the function as permanently failed. There the handler
/// first offers the event to mediated recovery, the part of upstream's
/// recovery that user space carries out (compat/snippets/
/// zpci-event-mediated-recovery): for a function whose driver has started
/// it, the CCDF is stored, the function is frozen and the driver's
/// error_detected() is called under the device lock, so vfio-pci signals
/// its error eventfd. Any other function is reported permanently failed to
/// its driver through upstream's zpci_event_io_failure(), as upstream does
/// when recovery fails. The host's own recovery is not backported.
//
// Confidence: High
// Options: --very-quiet
// Kind: lowering
// Lowers: 9f240376d034
// Needed when: !HAVE_ZPCI_EVENT_RECOVERY
// Not backported: 4cdf2f4e24ff ("s390/pci: implement minimal PCI error recovery")
// Omits: function zpci_event_attempt_error_recovery
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
+/* ZPCI-SNIPPET zpci-event-mediated-recovery */
 T fn@p(...) {...}

// Expect: report_to_driver 1 arch/s390/pci/pci_event.c
@report_to_driver depends on patch@
identifier fn = __zpci_event_error;
identifier ccdf, pdev;
position p;
@@
 fn(struct zpci_ccdf_err *ccdf) {
 <...
- pdev->error_state@p = pci_channel_io_perm_failure;
+ if (zpci_event_mediated_recovery(pdev, ccdf) != PCI_ERS_RESULT_RECOVERED)
+	zpci_event_io_failure(pdev, pci_channel_io_perm_failure, ccdf);
 ...>
 }
