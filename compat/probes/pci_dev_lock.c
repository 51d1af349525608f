/*
 * Probe HAVE_PCI_DEV_LOCK: pci_dev_lock()/pci_dev_unlock() are declared in
 * include/linux/pci.h, so arch code and drivers can call them (5.10 has
 * them static in drivers/pci/pci.c).
 * Evidence: include/linux/pci.h void pci_dev_lock\(
 *
 * Upstream: "PCI: Export pci_dev_lock()", v5.19 (for mlx5 vfio; id not
 * recorded here).
 */
#include <linux/pci.h>

void probe_pci_dev_lock(struct pci_dev *pdev);
void probe_pci_dev_lock(struct pci_dev *pdev)
{
	pci_dev_lock(pdev);
	pci_dev_unlock(pdev);
}
