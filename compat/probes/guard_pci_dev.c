/*
 * Probe HAVE_GUARD_PCI_DEV: guard(pci_dev)(pdev) compiles (pci_dev_lock()
 * as a scope guard).
 *
 * Upstream: ced085ef369a ("PCI: Introduce cleanup helpers for device
 * reference counts and locks"), v6.10; also in later 6.1.y stable.
 */
#include <linux/cleanup.h>
#include <linux/pci.h>

int probe_guard_pci_dev(struct pci_dev *pdev);
int probe_guard_pci_dev(struct pci_dev *pdev)
{
	guard(pci_dev)(pdev);
	return pdev->devfn;
}
