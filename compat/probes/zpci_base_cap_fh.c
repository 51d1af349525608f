/*
 * Probe HAVE_ZPCI_BASE_CAP_FH: the ZPCI_BASE capability of the uAPI
 * (struct vfio_device_info_cap_zpci_base) carries the function handle fh,
 * the field of its version 2.
 * Evidence: include/uapi/linux/vfio_zdev.h __u32[[:space:]]+fh;
 *
 * Upstream: 0a8107de8091 ("vfio-pci/zdev: add function handle to clp base
 * capability"), v6.0.
 */
#include <linux/vfio_zdev.h>

unsigned int probe_zpci_base_cap_fh(struct vfio_device_info_cap_zpci_base *c);
unsigned int probe_zpci_base_cap_fh(struct vfio_device_info_cap_zpci_base *c)
{
	return c->fh;
}
