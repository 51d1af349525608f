/*
 * Fixture for lower-vfio-pci-device.cocci: upstream's feature handler as
 * the vfio-pci-core layout has it, and the inline VFIO_DEVICE_FEATURE
 * decoding of the old vfio_pci_ioctl().
 */
int vfio_pci_zdev_feature_err(struct vfio_device *device, u32 flags,
			      void __user *arg, size_t argsz)
{
	struct vfio_pci_core_device *vdev;
	struct zpci_dev *zdev;

	vdev = container_of(device, struct vfio_pci_core_device, vdev);
	zdev = to_zpci(vdev->pdev);
	if (!zdev)
		return -ENODEV;
	dev_warn_ratelimited(device->dev, "fid 0x%x", zdev->fid);
	return 0;
}

static inline int vfio_pci_zdev_feature_err(struct vfio_device *device,
					    u32 flags, void __user *arg,
					    size_t argsz)
{
	return -ENOTTY;
}

static long vfio_pci_ioctl(void *device_data, unsigned int cmd, unsigned long arg)
{
	struct vfio_pci_device *vdev = device_data;
	unsigned long minsz;

	if (cmd == VFIO_DEVICE_FEATURE) {
		struct vfio_device_feature feature;

		minsz = offsetofend(struct vfio_device_feature, flags);
		if (copy_from_user(&feature, (void __user *)arg, minsz))
			return -EFAULT;
		switch (feature.flags & VFIO_DEVICE_FEATURE_MASK) {
		case VFIO_DEVICE_FEATURE_PCI_VF_TOKEN:
			return 0;
		default:
			return -ENOTTY;
		}
	}
	return -ENOTTY;
}
