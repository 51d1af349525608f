/// Mutant: vfio_pci_zdev_feature_err() copies the error record to user
/// space with pending_errs_lock held (the copy moved under the lock; the
/// lock is still released on both paths).
// Confidence: High (a test mutant of the static gate)
// Options: --no-includes
// Upstream: fa63a2e3f947 (the code it breaks)
// Needed when: always (a test mutant, never in a series)
// Breaks: R1
virtual patch

@depends on patch@
identifier fn = vfio_pci_zdev_feature_err;
expression Z, E, A, B, C;
@@
fn(...) {
  ...
  E = zpci_get_pending_error(Z, ...);
  ...
+ mutex_lock(&Z->pending_errs_lock);
  if (copy_to_user(A, B, C)) {
+ mutex_unlock(&Z->pending_errs_lock);
  ...
  }
+ mutex_unlock(&Z->pending_errs_lock);
  ...
}
