/*
 * Probe HAVE_ZPCI_REPORT_STATUS: arch/s390/pci/pci_report.h exists and
 * declares int zpci_report_status(struct zpci_dev *, struct pci_dev *,
 * const char *operation, const char *status).
 * Evidence: arch/s390/pci/pci_report.h int zpci_report_status\(
 *
 * Upstream: "s390/pci: Report PCI error recovery results via SCLP",
 * introduced after v6.12 (v6.13 or v6.14; id not recorded here).
 */
#include <linux/pci.h>
#include <arch/s390/pci/pci_report.h>

int probe_zpci_report_status(struct pci_dev *pdev);
int probe_zpci_report_status(struct pci_dev *pdev)
{
	return zpci_report_status(to_zpci(pdev), pdev, "Recovery", "probe");
}
