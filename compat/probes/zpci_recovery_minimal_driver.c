/*
 * Probe HAVE_ZPCI_RECOVERY_MINIMAL_DRIVER: the static is_driver_supported()
 * of arch/s390/pci/pci_event.c accepts a driver whose err_handler has only
 * .error_detected (older trees also demand .slot_reset and .resume).
 * Evidence: arch/s390/pci/pci_event.c zpci_event_attempt_error_recovery\(
 * Evidence: !arch/s390/pci/pci_event.c if \(!driver->err_handler->slot_reset\)
 *
 * Technique (as BUILD_BUG_ON): pci_event.c is compiled into this unit, a
 * const driver with only .error_detected is handed to
 * is_driver_supported(), and a function declared with
 * __attribute__((__error__)) is called when it returns false. At the
 * kernel's -O2 the call folds away exactly when the answer is true, so
 * the file compiles exactly then. The check probe
 * zpci_recovery_strict_driver.c asks the opposite question; probe.sh
 * requires that exactly one of the two compiles wherever
 * HAVE_ZPCI_EVENT_RECOVERY is set, so a result that did not fold is never
 * taken for an answer.
 *
 * Upstream: 62355f1f87b8 ("s390/pci: Allow automatic recovery with minimal
 * driver support"), v6.16.
 */
#include <arch/s390/pci/pci_event.c>

extern void probe_minimal_driver_rejected(void)
	__attribute__((__error__("is_driver_supported() rejects a driver with only .error_detected")));

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

void probe_zpci_recovery_minimal_driver(void);
void probe_zpci_recovery_minimal_driver(void)
{
	if (!is_driver_supported((struct pci_driver *)&probe_driver))
		probe_minimal_driver_rejected();
}
