/*
 * Fixture for 06-0a8107de8091-zpci-base-cap-fh.cocci: a version 1
 * ZPCI_BASE capability, its filler and its uAPI struct.
 */
struct vfio_device_info_cap_zpci_base {
	struct vfio_info_cap_header header;
	__u16 fmb_length;
	__u8 pft;
	__u8 gid;
};

static int zpci_base_cap(struct zpci_dev *zdev, struct vfio_pci_device *vdev,
			 struct vfio_info_cap *caps)
{
	struct vfio_device_info_cap_zpci_base cap = {
		.header.id = VFIO_DEVICE_INFO_CAP_ZPCI_BASE,
		.header.version = 1,
		.pft = zdev->pft,
		.gid = zdev->pfgid
	};

	return vfio_info_add_capability(caps, &cap.header, sizeof(cap));
}
