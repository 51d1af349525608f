/// Lower upstream's zpci_event_io_failure() for a tree whose pci_dev_lock()
/// is static to drivers/pci: take the device lock itself, which keeps a
/// driver from being bound or unbound while its error_detected() runs.
/// The config-space access block that pci_dev_lock() also sets up is not
/// reproduced here; the tree's own error handler had no lock at all.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose code it lowers)
// Needed when: !HAVE_PCI_DEV_LOCK
// Affects: function zpci_event_io_failure
// Files: arch/s390/pci/pci_event.c

virtual patch

// Expect: device_lock 1 arch/s390/pci/pci_event.c
@device_lock depends on patch@
identifier fn = zpci_event_io_failure;
expression P;
position p, p2;
@@
 fn(...) {
 ...
- pci_dev_lock@p(P);
+ device_lock(&P->dev);
 ...
- pci_dev_unlock@p2(P);
+ device_unlock(&P->dev);
 }
