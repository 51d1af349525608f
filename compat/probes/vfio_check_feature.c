/*
 * Probe HAVE_VFIO_CHECK_FEATURE: vfio_check_feature() (the helper a
 * driver's device_feature op uses to validate VFIO_DEVICE_FEATURE input)
 * is declared in include/linux/vfio.h.
 * Evidence: include/linux/vfio.h int vfio_check_feature\(
 *
 * Upstream: 445ad495f0ff ("vfio: Have the core code decode the
 * VFIO_DEVICE_FEATURE ioctl"), v5.18.
 */
#include <linux/vfio.h>

int probe_vfio_check_feature(u32 flags, size_t argsz);
int probe_vfio_check_feature(u32 flags, size_t argsz)
{
	return vfio_check_feature(flags, argsz, VFIO_DEVICE_FEATURE_GET,
				  sizeof(u32));
}
