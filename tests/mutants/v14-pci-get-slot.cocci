/// Mutant: the v14 zpci_stop_mediated_recovery(), which looked the PCI
/// device up with pci_get_slot() (pci_bus_sem) while holding
/// pending_errs_lock, to print its name. The static gate's R1 and, at run
/// time, lockdep (pci_bus_sem and pending_errs_lock in both orders) catch it.
// Confidence: High (a test mutant of both gates)
// Options: --no-includes
// Upstream: 9f240376d034 (the code it breaks)
// Needed when: always (a test mutant, never in a series)
// Breaks: R1
// File: arch/s390/pci/pci_event.c
// Fails: log.lockdep_circular_dependency zpci_error_store.zpci_store_lock_order
// Runs on: targets
virtual patch

@depends on patch@
identifier fn = zpci_stop_mediated_recovery;
expression Z;
@@
fn(...) {
  ...
  Z->pending_errs.mediated_recovery = false;
+ if (Z->zbus->bus)
+	pci_dev_put(pci_get_slot(Z->zbus->bus, Z->devfn));
  ...
}
