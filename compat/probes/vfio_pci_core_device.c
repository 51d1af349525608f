/*
 * Probe HAVE_VFIO_PCI_CORE_DEVICE: struct vfio_pci_core_device is declared
 * in include/linux/vfio_pci_core.h. Its predecessor, struct
 * vfio_pci_device in drivers/vfio/pci/vfio_pci_private.h (5.10), is
 * probed by vfio_pci_device.c.
 * Evidence: include/linux/vfio_pci_core.h struct vfio_pci_core_device \{
 *
 * Upstream: 53647510fb1c ("vfio/pci: Rename vfio_pci_device to
 * vfio_pci_core_device"), v5.15; the header is in include/linux/ since
 * v5.16 or v5.17 (id not recorded here).
 */
#include <linux/vfio_pci_core.h>

struct pci_dev *probe_vfio_pci_core_device(struct vfio_pci_core_device *vdev);
struct pci_dev *probe_vfio_pci_core_device(struct vfio_pci_core_device *vdev)
{
	return vdev->pdev;
}
