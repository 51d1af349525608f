/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfio_pci_compat_feature.h - vfio_check_feature() for a tree whose vfio
 * core does not provide it, private to vfio-pci's zdev code.
 *
 * Needed when: !HAVE_VFIO_CHECK_FEATURE
 * Install: drivers/vfio/pci/vfio_pci_compat_feature.h
 * Included by: drivers/vfio/pci/vfio_pci_zdev.c
 */
#ifndef _VFIO_PCI_COMPAT_FEATURE_H
#define _VFIO_PCI_COMPAT_FEATURE_H

#include <linux/errno.h>
#include <linux/types.h>
#include <linux/vfio.h>

/**
 * vfio_check_feature - validate a VFIO_DEVICE_FEATURE request for one feature
 * @flags: the request's flags (VFIO_DEVICE_FEATURE_GET/SET/PROBE and the
 *         feature number)
 * @argsz: bytes of payload the caller passed after struct vfio_device_feature
 * @supported_ops: the VFIO_DEVICE_FEATURE_GET/SET bits the feature allows
 * @minsz: the smallest payload, in bytes, the feature needs
 *
 * Locks: none taken or needed.
 *
 * Return: 1 when the caller should carry out the GET or SET, 0 when the
 * request was a PROBE of supported operations, -EINVAL when it asks for
 * an operation the feature lacks or passes less than @minsz bytes.
 */
static inline int vfio_check_feature(u32 flags, size_t argsz, u32 supported_ops,
				     size_t minsz)
{
	u32 ops = flags & (VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_SET);

	if (ops & ~supported_ops)
		return -EINVAL;
	if (flags & VFIO_DEVICE_FEATURE_PROBE)
		return 0;
	if (!ops)
		return -EINVAL;
	if (argsz < minsz)
		return -EINVAL;
	return 1;
}

#endif /* _VFIO_PCI_COMPAT_FEATURE_H */
