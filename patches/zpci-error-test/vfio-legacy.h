/* SPDX-License-Identifier: GPL-2.0 */
/*
 * zpci_error_test_vfio.h - the feature test's view of the old vfio-pci
 * layout: struct vfio_pci_device behind a struct vfio_device, and
 * vfio_pci_ioctl() decoding VFIO_DEVICE_FEATURE itself (Linux 5.10).
 * Needed when: HAVE_VFIO_PCI_DEVICE
 * Included by: drivers/vfio/pci/vfio_pci.c
 * Kconfig: depends on VFIO_PCI && VFIO_PCI_ZDEV
 */
#define ZPCI_TEST_VDEV struct vfio_pci_device
#define zpci_test_vfio_feature vfio_pci_zdev_feature_err
#define zpci_test_vfio_ioctl vfio_pci_ioctl

/*
 * The device vfio-pci bound to @pdev, found through vfio's device list;
 * @ref gets the vfio_device reference that zpci_test_vdev_put() drops.
 */
static struct vfio_pci_device *zpci_test_vdev_get(struct pci_dev *pdev,
						  void **ref)
{
	struct vfio_device *device = vfio_device_get_from_dev(&pdev->dev);

	*ref = device;
	return device ? vfio_device_data(device) : NULL;
}

static void zpci_test_vdev_put(void *ref)
{
	if (ref)
		vfio_device_put(ref);
}
