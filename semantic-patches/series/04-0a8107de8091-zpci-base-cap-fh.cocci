/// Backport "vfio-pci/zdev: add function handle to clp base capability":
/// the ZPCI_BASE capability reports the function handle, in the fh field
/// that makes it version 2. Upstream's version 3 (ccdf_err_length) builds
/// on it, so a tree without it takes it first.
///
/// The uAPI field comes from the upstream tree, by name.
//
// Confidence: High
// Options: --no-includes
// Upstream: 0a8107de8091 (see semantic-patches/commits)
// Kind: prerequisite
// Why: the version 3 ZPCI_BASE capability of fa63a2e3f947 extends version 2, which adds fh
// Needed when: !HAVE_ZPCI_BASE_CAP_FH
// Evidence: function zpci_base_cap drivers/vfio/pci/vfio_pci_zdev.c: .fh = zdev->fh
// Evidence: member vfio_device_info_cap_zpci_base.fh include/uapi/linux/vfio_zdev.h
// Affects: function zpci_base_cap
// Compare: function zpci_base_cap drivers/vfio/pci/vfio_pci_zdev.c
// Compare: struct vfio_device_info_cap_zpci_base include/uapi/linux/vfio_zdev.h
// Files: drivers/vfio/pci/vfio_pci_zdev.c include/uapi/linux/vfio_zdev.h

virtual patch

// Expect: cap_v2 1 drivers/vfio/pci/vfio_pci_zdev.c
@cap_v2 depends on patch@
identifier cap, zdev;
expression G;
position p;
@@
 zpci_base_cap(struct zpci_dev *zdev, ...) {
 ...
 struct vfio_device_info_cap_zpci_base cap = {
  ...,
- .header.version@p = 1,
+ .header.version = 2,
  ...,
  .gid = G,
+ .fh = zdev->fh
 };
 ...
 }

// Expect: uapi_fh 1 include/uapi/linux/vfio_zdev.h
@uapi_fh depends on patch@
position p;
@@
 struct vfio_device_info_cap_zpci_base@p {
 ...
+/* ZPCI-UPSTREAM member vfio_device_info_cap_zpci_base.fh */
 };
