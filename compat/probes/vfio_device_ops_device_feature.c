/*
 * Probe HAVE_VFIO_DEVICE_OPS_DEVICE_FEATURE: struct vfio_device_ops has the
 * device_feature op with the signature
 * int (*)(struct vfio_device *, u32 flags, void __user *arg, size_t argsz).
 * Evidence: include/linux/vfio.h \(\*device_feature\)\(
 *
 * Upstream: 445ad495f0ff ("vfio: Have the core code decode the
 * VFIO_DEVICE_FEATURE ioctl"), v5.18.
 */
#include <linux/vfio.h>

static int probe_device_feature(struct vfio_device *device, u32 flags,
				void __user *arg, size_t argsz)
{
	return 0;
}

const struct vfio_device_ops probe_vfio_ops = {
	.device_feature = probe_device_feature,
};
