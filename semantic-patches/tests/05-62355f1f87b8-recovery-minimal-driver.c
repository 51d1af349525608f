/*
 * Fixture for 05-62355f1f87b8-recovery-minimal-driver.cocci: the recovery
 * helpers of arch/s390/pci/pci_event.c before the driver callbacks other
 * than error_detected() became optional.
 */
static inline bool ers_result_indicates_abort(pci_ers_result_t ers_res)
{
	switch (ers_res) {
	case PCI_ERS_RESULT_CAN_RECOVER:
	case PCI_ERS_RESULT_RECOVERED:
	case PCI_ERS_RESULT_NEED_RESET:
		return false;
	default:
		return true;
	}
}

static bool is_driver_supported(struct pci_driver *driver)
{
	if (!driver || !driver->err_handler)
		return false;
	if (!driver->err_handler->error_detected)
		return false;
	if (!driver->err_handler->slot_reset)
		return false;
	if (!driver->err_handler->resume)
		return false;
	return true;
}

static pci_ers_result_t zpci_event_do_error_state_clear(struct pci_dev *pdev,
							struct pci_driver *driver)
{
	pci_ers_result_t ers = PCI_ERS_RESULT_NONE;

	if (zpci_reset_load_store_blocked(to_zpci(pdev)))
		return PCI_ERS_RESULT_NEED_RESET;

	if (driver->err_handler->mmio_enabled) {
		ers = driver->err_handler->mmio_enabled(pdev);
		if (ers_result_indicates_abort(ers))
			return ers;
		else if (ers == PCI_ERS_RESULT_NEED_RESET)
			return ers;
	}

	if (zpci_clear_error_state(to_zpci(pdev)))
		return PCI_ERS_RESULT_NEED_RESET;
	return ers;
}

static pci_ers_result_t zpci_event_do_reset(struct pci_dev *pdev,
					    struct pci_driver *driver)
{
	pci_ers_result_t ers = PCI_ERS_RESULT_DISCONNECT;

	if (zpci_hot_reset_device(to_zpci(pdev)))
		return ers;
	ers = driver->err_handler->slot_reset(pdev);
	if (ers_result_indicates_abort(ers))
		pr_info("%s: slot reset aborted\n", pci_name(pdev));
	return ers;
}

static pci_ers_result_t zpci_event_attempt_error_recovery(struct pci_dev *pdev)
{
	pci_ers_result_t ers_res = PCI_ERS_RESULT_DISCONNECT;
	struct pci_driver *driver;

	pci_dev_lock(pdev);
	driver = to_pci_driver(pdev->dev.driver);
	if (!is_driver_supported(driver))
		goto out_unlock;

	ers_res = zpci_event_notify_error_detected(pdev, driver);
	if (ers_result_indicates_abort(ers_res))
		goto out_unlock;

	if (ers_res == PCI_ERS_RESULT_CAN_RECOVER) {
		ers_res = zpci_event_do_error_state_clear(pdev, driver);
		if (ers_result_indicates_abort(ers_res))
			goto out_unlock;
	}

	if (ers_res == PCI_ERS_RESULT_NEED_RESET)
		ers_res = zpci_event_do_reset(pdev, driver);

	if (ers_res != PCI_ERS_RESULT_RECOVERED)
		goto out_unlock;

	driver->err_handler->resume(pdev);
out_unlock:
	pci_dev_unlock(pdev);
	return ers_res;
}
