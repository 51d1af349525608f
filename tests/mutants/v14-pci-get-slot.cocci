/// Mutant: the v14 zpci_stop_mediated_recovery(), which looked the PCI
/// device up with pci_get_slot() (pci_bus_sem) while holding
/// pending_errs_lock, to print its name.
// Breaks: R1
virtual patch

@depends on patch@
identifier fn = zpci_stop_mediated_recovery;
expression Z;
@@
fn(...) {
  ...
  Z->pending_errs.mediated_recovery = false;
+ pci_dev_put(pci_get_slot(Z->zbus->bus, Z->devfn));
  ...
}
