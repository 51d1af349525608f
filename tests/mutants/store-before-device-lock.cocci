/// Mutant: zpci_event_io_failure() stores the error (taking
/// pending_errs_lock) before it takes the device lock.
// Confidence: High (a test mutant of the static gate)
// Options: --no-includes
// Upstream: 9f240376d034 (the code it breaks)
// Needed when: always (a test mutant, never in a series)
// Breaks: R2
virtual patch

@moved depends on patch@
identifier fn = zpci_event_io_failure;
expression P, C;
@@
fn(...) {
  ...
+ zpci_store_pci_error(P, C);
  pci_dev_lock(P);
  ...
- zpci_store_pci_error(P, C);
  ...
}

@depends on patch && !moved@
identifier fn = zpci_event_io_failure;
expression P, C, D;
@@
fn(...) {
  ...
+ zpci_store_pci_error(P, C);
  device_lock(D);
  ...
- zpci_store_pci_error(P, C);
  ...
}

// 5.10's lowering keeps the result: rc = zpci_store_pci_error(...).
@depends on patch && !moved@
identifier fn = zpci_event_io_failure;
expression P, C, D, R;
@@
fn(...) {
  ...
+ R = zpci_store_pci_error(P, C);
  device_lock(D);
  ...
- R = zpci_store_pci_error(P, C);
  ...
}
