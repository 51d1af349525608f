/*
 * Probe HAVE_GUARD_DEVICE: guard(device)(dev) compiles (device_lock() as a
 * scope guard).
 *
 * Upstream: 134c6eaa6087 ("driver core: Add a guard() definition for the
 * device_lock()"), v6.7.
 */
#include <linux/cleanup.h>
#include <linux/device.h>

int probe_guard_device(struct device *dev);
int probe_guard_device(struct device *dev)
{
	guard(device)(dev);
	return dev->driver != NULL;
}
