/// Mutant: vfio_pci_zdev_feature_err() casts the __user argument to a
/// kernel pointer before copy_from_user(): a new sparse warning.
// Confidence: High (a test mutant of the static gate)
// Options: --no-includes
// Upstream: fa63a2e3f947 (the code it breaks)
// Needed when: always (a test mutant, never in a series)
// Breaks: sparse
virtual patch

@depends on patch@
identifier fn = vfio_pci_zdev_feature_err;
expression A, B, C;
@@
fn(...) {
  <...
  copy_from_user(A,
- B
+ (void *)B
  , C)
  ...>
}
