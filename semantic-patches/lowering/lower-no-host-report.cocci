/// Lower upstream's zpci_event_io_failure() for a tree without the host's
/// PCI error recovery (4cdf2f4e24ff): there no driver was ever told of an
/// error event, the function was only marked failed. Upstream's helper
/// calls the error_detected() of whatever driver is bound; here it does
/// so only when it stored the event, that is for a vfio-pci user in
/// mediated recovery (or whose store is full), so that vfio-pci signals
/// its error eventfd. Host drivers (mlx5, nvme, ...) keep this tree's
/// behaviour.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose code it lowers)
// Needed when: !HAVE_ZPCI_EVENT_RECOVERY
// Affects: function zpci_event_io_failure
// Files: arch/s390/pci/pci_event.c

virtual patch

// Expect: stored_decl 1 arch/s390/pci/pci_event.c
@stored_decl depends on patch@
identifier fn = zpci_event_io_failure;
identifier driver;
position p;
@@
 fn(...) {
 struct pci_driver *driver@p;
+int rc;
 ...
 }

// Expect: report_stored 1 arch/s390/pci/pci_event.c
@report_stored depends on patch@
identifier fn = zpci_event_io_failure;
identifier pdev, ccdf, driver;
expression E;
position p;
@@
 fn(struct pci_dev *pdev, pci_channel_state_t es, struct zpci_ccdf_err *ccdf) {
 ...
- zpci_store_pci_error@p(pdev, ccdf);
+ rc = zpci_store_pci_error(pdev, ccdf);
 ...
- if (E)
+ if ((!rc || rc == -ENOMEM) && E)
 	driver->err_handler->error_detected(...);
 ...
 }
