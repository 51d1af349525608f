/*
 * Header fixture for lower-no-zdev-hooks.cocci: the zdev prototypes and
 * the !CONFIG stubs of vfio_pci_private.h.
 */
#ifdef CONFIG_VFIO_PCI_ZDEV
extern int vfio_pci_info_zdev_add_caps(struct vfio_pci_device *vdev,
				       struct vfio_info_cap *caps);
#else
static inline int vfio_pci_info_zdev_add_caps(struct vfio_pci_device *vdev,
					      struct vfio_info_cap *caps)
{
	return -ENODEV;
}
#endif
