/// Lower "vfio-pci/zdev: Add a device feature for error information" for
/// the vfio-pci layout before vfio-pci-core: one struct vfio_pci_device per
/// device and no device_feature operation, VFIO_DEVICE_FEATURE being
/// decoded inline in vfio_pci_ioctl(). The feature handler takes the
/// vfio_pci_device, so it needs no container_of(), and the ioctl hands it
/// the payload after struct vfio_device_feature, as the vfio core of later
/// kernels does.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: fa63a2e3f947 (the commit whose code it lowers)
// Needed when: HAVE_VFIO_PCI_DEVICE && !HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE
// Affects: function vfio_pci_zdev_feature_err
// Affects: prototype vfio_pci_zdev_feature_err
// Affects: function vfio_pci_ioctl
// Omits: function vfio_pci_core_ioctl_feature
// Omits: function vfio_pci_ioctl_get_irq_info
// Compare: function vfio_pci_ioctl drivers/vfio/pci/vfio_pci.c = function vfio_pci_core_ioctl_feature drivers/vfio/pci/vfio_pci_core.c
// Files: drivers/vfio/pci/vfio_pci_zdev.c drivers/vfio/pci/vfio_pci_private.h drivers/vfio/pci/vfio_pci.c

virtual patch

// The definition and the !CONFIG stub; spatch changes the prototype in the
// header along with them.
// Expect: feature_param 2 drivers/vfio/pci/vfio_pci_zdev.c|drivers/vfio/pci/vfio_pci_private.h
@feature_param depends on patch@
identifier fn = vfio_pci_zdev_feature_err;
identifier device;
type T;
position p;
@@
 T fn@p(
- struct vfio_device *device
+ struct vfio_pci_device *vdev
 , ...) {...}

// Expect: feature_vdev 1 drivers/vfio/pci/vfio_pci_zdev.c
@feature_vdev depends on patch@
identifier fn = vfio_pci_zdev_feature_err;
identifier vdev, device;
position p;
@@
 fn(...) {
 ...
- struct vfio_pci_core_device *vdev;
 ...
- vdev@p = container_of(device, struct vfio_pci_core_device, vdev);
 ...
 }

// Expect: feature_dev 1 drivers/vfio/pci/vfio_pci_zdev.c
@feature_dev depends on patch@
identifier fn = vfio_pci_zdev_feature_err;
identifier device;
position p;
@@
 fn(...) {
 <...
- device@p->dev
+ &vdev->pdev->dev
 ...>
 }

// Expect: feature_dispatch 1 drivers/vfio/pci/vfio_pci.c
@feature_dispatch depends on patch@
identifier fn = vfio_pci_ioctl;
identifier feature;
expression E2;
position p;
@@
 fn(...) {
 <...
 switch (feature.flags & VFIO_DEVICE_FEATURE_MASK) {
 case E2:
 ...
-default:
-	return -ENOTTY@p;
+/* ZPCI-SNIPPET vfio-pci-ioctl-zpci-error-case */
 }
 ...>
 }
