/*
 * Fixture for 20-fa63a2e3f947-zpci-error-feature.cocci: the shapes of
 * asm/pci.h, pci_event.c, vfio_pci_core.c, vfio_pci_priv.h,
 * vfio_pci_zdev.c and the two uAPI headers in one .c file. The !CONFIG
 * stub of vfio_pci_info_zdev_add_caps(), which add_handler must leave
 * alone, is in the -header variant: it only lives in a header.
 * Probes: HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE
 */

/* --- arch/s390/include/asm/pci.h --- */
int zpci_reset_load_store_blocked(struct zpci_dev *zdev);
void zpci_start_mediated_recovery(struct zpci_dev *zdev);
void zpci_stop_mediated_recovery(struct zpci_dev *zdev);

/* --- arch/s390/pci/pci_event.c --- */
static int zpci_store_pci_error(struct pci_dev *pdev,
				struct zpci_ccdf_err *ccdf)
{
	struct zpci_dev *zdev = to_zpci(pdev);

	guard(mutex)(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.mediated_recovery)
		return -EINVAL;
	return zpci_ccdf_push(&zdev->pending_errs, ccdf);
}

/* --- drivers/vfio/pci/vfio_pci_core.c --- */
int vfio_pci_core_ioctl_feature(struct vfio_device *device, u32 flags,
				void __user *arg, size_t argsz)
{
	struct vfio_pci_core_device *vdev = to_core(device);

	switch (flags & VFIO_DEVICE_FEATURE_MASK) {
	case VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY:
		return vfio_pci_core_pm_entry(vdev, flags, arg, argsz);
	case VFIO_DEVICE_FEATURE_PCI_VF_TOKEN:
		return vfio_pci_core_feature_token(vdev, flags, arg, argsz);
	default:
		return -ENOTTY;
	}
}

/* --- drivers/vfio/pci/vfio_pci_priv.h --- */
#ifdef CONFIG_VFIO_PCI_ZDEV_KVM
int vfio_pci_zdev_open_device(struct vfio_pci_core_device *vdev);
void vfio_pci_zdev_close_device(struct vfio_pci_core_device *vdev);
#else
static inline void vfio_pci_zdev_close_device(struct vfio_pci_core_device *vdev)
{}
#endif

/* --- drivers/vfio/pci/vfio_pci_zdev.c --- */
static int zpci_base_cap(struct zpci_dev *zdev, struct vfio_info_cap *caps)
{
	struct vfio_device_info_cap_zpci_base cap = {
		.header.id = VFIO_DEVICE_INFO_CAP_ZPCI_BASE,
		.header.version = 2,
		.start_dma = zdev->start_dma,
		.end_dma = zdev->end_dma,
		.fh = zdev->fh
	};

	return vfio_info_add_capability(caps, &cap.header, sizeof(cap));
}

int vfio_pci_info_zdev_add_caps(struct vfio_pci_core_device *vdev,
				struct vfio_info_cap *caps)
{
	struct zpci_dev *zdev = to_zpci(vdev->pdev);

	if (!zdev)
		return -ENODEV;
	return zpci_base_cap(zdev, caps);
}

/* --- include/uapi/linux/vfio.h --- */
#define VFIO_DEVICE_FEATURE_MASK	(0xffff)
#define VFIO_DEVICE_FEATURE_GET		(1 << 16)

struct vfio_device_feature_mig_state {
	__u32 device_state;
	__s32 data_fd;
};
#define VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE 2

/* "(1)" is no plain number: the last numbered feature is the next one. */
#define VFIO_DEVICE_FEATURE_PCI_VF_TOKEN	(1)
#define VFIO_DEVICE_FEATURE_DMA_LOGGING_START 6

/* -------- API for Type1 VFIO IOMMU -------- */
#define VFIO_IOMMU_GET_INFO _IO(VFIO_TYPE, VFIO_BASE + 12)

/* --- include/uapi/linux/vfio_zdev.h --- */
struct vfio_device_info_cap_zpci_base {
	struct vfio_info_cap_header header;
	__u64 start_dma;
	__u64 end_dma;
	/* End of version 1 */
	__u32 fh;
	/* End of version 2 */
};
