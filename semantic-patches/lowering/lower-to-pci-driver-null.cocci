/// Lower upstream's zpci_event_io_failure() for a tree whose
/// to_pci_driver() is a bare container_of(): there it turns the NULL
/// driver of an unbound function into a bogus non-NULL pointer, and the
/// "if (driver && driver->err_handler ...)" that follows dereferences it.
/// Map "no driver bound" to NULL before the conversion.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose code it lowers)
// Needed when: !HAVE_TO_PCI_DRIVER_NULL
// Affects: function zpci_event_io_failure
// Files: arch/s390/pci/pci_event.c

virtual patch

// Expect: null_driver 1 arch/s390/pci/pci_event.c
@null_driver depends on patch@
identifier fn = zpci_event_io_failure;
identifier driver;
expression P;
position p;
@@
 fn(...) {
 ...
- driver@p = to_pci_driver(P->dev.driver);
+ driver = P->dev.driver ? to_pci_driver(P->dev.driver) : NULL;
 ...
 }
