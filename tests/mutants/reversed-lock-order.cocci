/// Mutant: zpci_event_io_failure() takes the device lock while holding
/// pending_errs_lock, the reverse of the event path's order.
// Confidence: High (a test mutant of the static gate)
// Options: --no-includes
// Upstream: 9f240376d034 (the code it breaks)
// Needed when: always (a test mutant, never in a series)
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
