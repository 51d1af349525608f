/*
 * Probe HAVE_VFIO_PCI_DEVICE: the pre-5.15 vfio-pci layout, struct
 * vfio_pci_device in drivers/vfio/pci/vfio_pci_private.h (5.10). The
 * opposite of HAVE_VFIO_PCI_CORE_DEVICE on every tree.
 * Evidence: drivers/vfio/pci/vfio_pci_private.h struct vfio_pci_device \{
 *
 * Upstream: the struct is as old as vfio-pci (v3.6); it was renamed by
 * 53647510fb1c ("vfio/pci: Rename vfio_pci_device to
 * vfio_pci_core_device"), v5.15.
 */
#include <linux/vfio.h>
#include <drivers/vfio/pci/vfio_pci_private.h>

struct pci_dev *probe_vfio_pci_device(struct vfio_pci_device *vdev);
struct pci_dev *probe_vfio_pci_device(struct vfio_pci_device *vdev)
{
	return vdev->pdev;
}
