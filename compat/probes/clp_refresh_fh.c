/*
 * Probe HAVE_CLP_REFRESH_FH: arch/s390/include/asm/pci.h declares
 * int clp_refresh_fh(u32 fid, u32 *fh), the CLP query of a function's
 * current function handle (5.10 has only a static one-argument helper of
 * that name in pci_clp.c, which updates zdev->fh itself).
 * Evidence: arch/s390/include/asm/pci.h int clp_refresh_fh\(u32 fid, u32 \*fh\);
 *
 * Upstream: 4fe204977096 ("s390/pci: refresh function handle in iomap"),
 * v5.16.
 */
#include <linux/pci.h>

int probe_clp_refresh_fh(u32 fid, u32 *fh);
int probe_clp_refresh_fh(u32 fid, u32 *fh)
{
	return clp_refresh_fh(fid, fh);
}
