/*
 * Check probe (not written to probes.json/probes.h): the static
 * is_driver_supported() of arch/s390/pci/pci_event.c rejects a driver
 * whose err_handler has only .error_detected. The opposite question of
 * zpci_recovery_minimal_driver.c, with the same BUILD_BUG_ON-style
 * technique: this file compiles only if the call folds to false. Where
 * HAVE_ZPCI_EVENT_RECOVERY is set exactly one of the two must compile;
 * neither means the compiler did not fold the call and probe.sh fails.
 *
 * Upstream: the strict check came with 4cdf2f4e24ff ("s390/pci: implement
 * minimal PCI error recovery"), v6.3; 62355f1f87b8 ("s390/pci: Allow
 * automatic recovery with minimal driver support"), v6.16, relaxed it.
 */
#include <arch/s390/pci/pci_event.c>

extern void probe_minimal_driver_accepted(void)
	__attribute__((__error__("is_driver_supported() accepts a driver with only .error_detected")));

static pci_ers_result_t probe_error_detected(struct pci_dev *pdev,
					     pci_channel_state_t state)
{
	return PCI_ERS_RESULT_NEED_RESET;
}

static const struct pci_error_handlers probe_err_handler = {
	.error_detected = probe_error_detected,
};

static const struct pci_driver probe_driver = {
	.name = "zpci_probe",
	.err_handler = &probe_err_handler,
};

void probe_zpci_recovery_strict_driver(void);
void probe_zpci_recovery_strict_driver(void)
{
	if (is_driver_supported((struct pci_driver *)&probe_driver))
		probe_minimal_driver_accepted();
}
