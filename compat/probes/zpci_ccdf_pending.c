/*
 * Probe HAVE_ZPCI_CCDF_PENDING: struct zpci_ccdf_pending (the per-function
 * store of pending zPCI error CCDFs) is in arch/s390/include/asm/pci.h
 * (included through linux/pci.h, as that header must be), that is, the
 * tree already has the feature this project backports.
 * Evidence: arch/s390/include/asm/pci.h struct zpci_ccdf_pending \{
 *
 * Upstream: introduced in v7.3 by the zPCI error store series (the
 * feature's own commits; id not recorded here).
 */
#include <linux/pci.h>

int probe_zpci_ccdf_pending(struct zpci_ccdf_pending *p);
int probe_zpci_ccdf_pending(struct zpci_ccdf_pending *p)
{
	return p->count;
}
