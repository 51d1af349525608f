/*
 * Probe HAVE_ZPCI_EVENT_RECOVERY: arch/s390/pci/pci_event.c has the static
 * zpci_event_attempt_error_recovery() (automatic PCI error recovery for
 * zPCI error events). The file is compiled into this translation unit to
 * see its static functions.
 * Evidence: arch/s390/pci/pci_event.c zpci_event_attempt_error_recovery\(
 *
 * Upstream: 4cdf2f4e24ff ("s390/pci: implement minimal PCI error
 * recovery"), v6.3; also in 6.1.y stable.
 */
#include <arch/s390/pci/pci_event.c>

void *probe_zpci_event_recovery(void);
void *probe_zpci_event_recovery(void)
{
	return zpci_event_attempt_error_recovery;
}
