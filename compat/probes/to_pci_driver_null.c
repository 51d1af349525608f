/*
 * Probe HAVE_TO_PCI_DRIVER_NULL: to_pci_driver() maps a NULL device_driver
 * (no driver bound) to NULL. Where it is a bare container_of() (5.10) it
 * returns a bogus non-NULL pointer instead, so upstream's
 * "driver = to_pci_driver(pdev->dev.driver); if (driver && ...)" would
 * dereference it for an unbound function.
 * Evidence: !include/linux/pci.h define[[:space:]]+to_pci_driver\(drv\)[[:space:]]+container_of
 *
 * The check is made by the compiler: with the kernel's -O2 the comparison
 * folds to a constant, and BUILD_BUG_ON() breaks the build when it is
 * true. Should a compiler not fold it, the probe fails and the tree gets
 * the lowering, which is correct on every tree.
 *
 * Upstream: "PCI: Return NULL for to_pci_driver(NULL)", v5.16 (id not
 * recorded here).
 */
#include <linux/build_bug.h>
#include <linux/pci.h>

void probe_to_pci_driver_null(void);
void probe_to_pci_driver_null(void)
{
	BUILD_BUG_ON(to_pci_driver((struct device_driver *)NULL) != NULL);
}
