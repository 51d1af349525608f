/*
 * Check probe (not written to probes.json/probes.h): the headers the other
 * probes build on compile against the prepared tree, with nothing of the
 * probed APIs used. probe.sh fails when this file does not compile, since
 * then every 0 of the other probes could be a broken toolchain or build
 * directory rather than a missing API.
 *
 * Upstream: no particular commit; all of this is older than v5.10.
 */
#include <linux/device.h>
#include <linux/eventfd.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/vfio.h>

int probe_baseline(struct pci_dev *pdev);
int probe_baseline(struct pci_dev *pdev)
{
	return to_zpci(pdev) != NULL;
}
