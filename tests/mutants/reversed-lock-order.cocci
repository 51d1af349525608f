/// Mutant: zpci_event_io_failure() takes the device lock while holding
/// pending_errs_lock, the reverse of the event path's order.
// Breaks: R2, R1
virtual patch

@depends on patch@
identifier fn = zpci_event_io_failure;
expression P, D;
@@
fn(...) {
  ...
(
+ mutex_lock(&to_zpci(P)->pending_errs_lock);
  pci_dev_lock(P);
+ mutex_unlock(&to_zpci(P)->pending_errs_lock);
|
+ mutex_lock(&to_zpci(P)->pending_errs_lock);
  device_lock(&P->dev);
+ mutex_unlock(&to_zpci(P)->pending_errs_lock);
)
  ...
}
