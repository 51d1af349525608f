/* SPDX-License-Identifier: GPL-2.0 */
/*
 * zpci_error_test_vfio.h - the feature test's view of the vfio-pci core
 * layout: struct vfio_pci_core_device, the device_feature op and the zdev
 * open/close hooks (Linux 6.0 and later, and trees that have them).
 * Needed when: HAVE_VFIO_PCI_CORE_DEVICE
 * Included by: drivers/vfio/pci/vfio_pci_zdev.c
 * Kconfig: depends on VFIO_PCI_CORE && VFIO_PCI_ZDEV_KVM
 */
#define ZPCI_TEST_VDEV struct vfio_pci_core_device
#define zpci_test_vfio_feature(core, flags, arg, argsz) \
	vfio_pci_core_ioctl_feature(&(core)->vdev, flags, arg, argsz)
#define zpci_test_vfio_ioctl(core, cmd, arg) \
	vfio_pci_core_ioctl(&(core)->vdev, cmd, arg)

/* The device vfio-pci bound to @pdev; its driver data holds no reference. */
static struct vfio_pci_core_device *
zpci_test_vdev_get(struct pci_dev *pdev, void **ref)
{
	*ref = NULL;
	return dev_get_drvdata(&pdev->dev);
}

static void zpci_test_vdev_put(void *ref)
{
}
