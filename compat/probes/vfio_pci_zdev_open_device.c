/*
 * Probe HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE: vfio_pci_zdev_open_device() and
 * vfio_pci_zdev_close_device() are declared in
 * drivers/vfio/pci/vfio_pci_priv.h.
 * Evidence: drivers/vfio/pci/vfio_pci_priv.h vfio_pci_zdev_open_device\(
 *
 * Upstream: 8061d1c31f1a ("vfio-pci/zdev: add open/close device hooks"),
 * v6.0.
 */
#include <drivers/vfio/pci/vfio_pci_priv.h>

int probe_vfio_pci_zdev_open_device(struct vfio_pci_core_device *vdev);
int probe_vfio_pci_zdev_open_device(struct vfio_pci_core_device *vdev)
{
	int ret = vfio_pci_zdev_open_device(vdev);

	vfio_pci_zdev_close_device(vdev);
	return ret;
}
