/// Mutant: vfio_pci_zdev_feature_err() casts the __user argument to a
/// kernel pointer before copy_from_user(): a new sparse warning.
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
