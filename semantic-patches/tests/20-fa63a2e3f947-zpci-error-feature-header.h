/*
 * Header variant for 20-fa63a2e3f947-zpci-error-feature.cocci: the shape
 * of drivers/vfio/pci/vfio_pci_priv.h, with the !CONFIG stubs. add_handler
 * keys on vfio_pci_info_zdev_add_caps() as well, but only in a .c file:
 * its stub here must stay as it is, while priv_proto and priv_stub edit
 * this header.
 * Probes: HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE
 */
#ifndef VFIO_PCI_PRIV_H
#define VFIO_PCI_PRIV_H

#ifdef CONFIG_VFIO_PCI_ZDEV_KVM
int vfio_pci_info_zdev_add_caps(struct vfio_pci_core_device *vdev,
				struct vfio_info_cap *caps);
int vfio_pci_zdev_open_device(struct vfio_pci_core_device *vdev);
void vfio_pci_zdev_close_device(struct vfio_pci_core_device *vdev);
#else
static inline int vfio_pci_info_zdev_add_caps(struct vfio_pci_core_device *vdev,
					      struct vfio_info_cap *caps)
{
	return -ENODEV;
}

static inline int vfio_pci_zdev_open_device(struct vfio_pci_core_device *vdev)
{
	return 0;
}

static inline void vfio_pci_zdev_close_device(struct vfio_pci_core_device *vdev)
{}
#endif

#endif /* VFIO_PCI_PRIV_H */
