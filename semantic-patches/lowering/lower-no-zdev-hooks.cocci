/// Lower "s390/pci: Store PCI error information for passthrough devices"
/// for a vfio-pci without zdev open/close hooks (no KVM pass-through
/// support in its zdev code): add the two hooks, start and stop of
/// mediated recovery only, and call them where vfio-pci opens the device
/// for its first user and closes it after its last one. Both run under the
/// device's reflck->lock, as upstream's hooks run under dev_set->lock.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose code it lowers)
// Needed when: !HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE && HAVE_VFIO_PCI_DEVICE
// Affects: function vfio_pci_zdev_open_device
// Affects: function vfio_pci_zdev_close_device
// Affects: prototype vfio_pci_zdev_open_device
// Affects: prototype vfio_pci_zdev_close_device
// Affects: function vfio_pci_open
// Affects: function vfio_pci_release
// Compare: prototype vfio_pci_zdev_open_device drivers/vfio/pci/vfio_pci_priv.h|drivers/vfio/pci/vfio_pci_private.h
// Compare: prototype vfio_pci_zdev_close_device drivers/vfio/pci/vfio_pci_priv.h|drivers/vfio/pci/vfio_pci_private.h
// Compare: function vfio_pci_zdev_open_device drivers/vfio/pci/vfio_pci_priv.h|drivers/vfio/pci/vfio_pci_private.h
// Compare: function vfio_pci_zdev_close_device drivers/vfio/pci/vfio_pci_priv.h|drivers/vfio/pci/vfio_pci_private.h
// Compare: function vfio_pci_open drivers/vfio/pci/vfio_pci.c = function vfio_pci_core_enable drivers/vfio/pci/vfio_pci_core.c
// Compare: function vfio_pci_release drivers/vfio/pci/vfio_pci.c = function vfio_pci_core_disable drivers/vfio/pci/vfio_pci_core.c
// Files: drivers/vfio/pci/vfio_pci_zdev.c drivers/vfio/pci/vfio_pci_private.h drivers/vfio/pci/vfio_pci.c

// With the spacing of this file, the added functions are laid out as
// kernel style wants them.
#spatch --smpl-spacing

virtual patch

@initialize:python@
@@
def in_c_file(p):
    """True in a .c file: headers hold the !CONFIG stubs of the same names."""
    return p[0].file.endswith(".c")

def in_h_file(p):
    """True in a header."""
    return p[0].file.endswith(".h")

// Expect: add_hooks 1 drivers/vfio/pci/vfio_pci_zdev.c
@add_hooks depends on patch@
identifier fn = vfio_pci_info_zdev_add_caps;
type T;
position p : script:python() { in_c_file(p) };
@@
 T fn@p(...) {...}
+
+/*
+ * vfio_pci_zdev_open_device - start mediated recovery for the zPCI
+ * function of @vdev when vfio-pci opens it for its first user.
+ * Needs vdev->reflck->lock held; takes zdev->pending_errs_lock.
+ * Returns 0, or -ENODEV when the PCI device has no zPCI function.
+ */
+int vfio_pci_zdev_open_device(struct vfio_pci_device *vdev)
+{
+	struct zpci_dev *zdev = to_zpci(vdev->pdev);
+
+	if (!zdev)
+		return -ENODEV;
+
+	zpci_start_mediated_recovery(zdev);
+	return 0;
+}
+
+/*
+ * vfio_pci_zdev_close_device - stop mediated recovery for the zPCI
+ * function of @vdev after its last user closed it; stored errors are
+ * dropped. Needs vdev->reflck->lock held; takes zdev->pending_errs_lock.
+ */
+void vfio_pci_zdev_close_device(struct vfio_pci_device *vdev)
+{
+	struct zpci_dev *zdev = to_zpci(vdev->pdev);
+
+	if (!zdev)
+		return;
+
+	zpci_stop_mediated_recovery(zdev);
+}

// Expect: hook_protos 1 drivers/vfio/pci/vfio_pci_private.h
@hook_protos depends on patch@
position p;
@@
+ int vfio_pci_zdev_open_device(struct vfio_pci_device *vdev);
+ void vfio_pci_zdev_close_device(struct vfio_pci_device *vdev);
  extern int vfio_pci_info_zdev_add_caps@p(struct vfio_pci_device *vdev, struct vfio_info_cap *caps);

// Expect: hook_stubs 1 drivers/vfio/pci/vfio_pci_private.h
@hook_stubs depends on patch@
identifier fn = vfio_pci_info_zdev_add_caps;
type T;
position p : script:python() { in_h_file(p) };
@@
 T fn@p(...) {...}
+
+/* ZPCI-SNIPPET vfio-pci-private-zdev-hook-stubs */

// Expect: call_open 1 drivers/vfio/pci/vfio_pci.c
@call_open depends on patch exists@
identifier fn = vfio_pci_open;
identifier vdev, L;
position p;
@@
 fn(...) {
 ...
 vfio_pci_vf_token_user_add@p(vdev, 1);
+ret = vfio_pci_zdev_open_device(vdev);
+if (ret) {
+	vfio_pci_vf_token_user_add(vdev, -1);
+	vfio_spapr_pci_eeh_release(vdev->pdev);
+	vfio_pci_disable(vdev);
+	goto L;
+}
 ...
 L:
 ...
 }

// Expect: call_close 1 drivers/vfio/pci/vfio_pci.c
@call_close depends on patch exists@
identifier fn = vfio_pci_release;
identifier vdev;
position p;
@@
 fn(...) {
 ...
+vfio_pci_zdev_close_device(vdev);
 vfio_pci_vf_token_user_add@p(vdev, -1);
 ...
 }
