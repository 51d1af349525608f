/// Lower "s390/pci: Store PCI error information for passthrough devices"
/// for a tree without the host's PCI error recovery: its error event
/// handler only marks the function as permanently failed. There the handler
/// hands the CCDF to upstream's zpci_event_io_failure(), which stores it for
/// a function in mediated recovery and calls the bound driver's
/// error_detected() under the device lock, so vfio-pci signals its error
/// eventfd to user space. The recovery itself is not backported.
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
+ zpci_event_io_failure(pdev, pci_channel_io_perm_failure, ccdf);
 ...>
 }
