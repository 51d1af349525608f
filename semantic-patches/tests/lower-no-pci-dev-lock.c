/*
 * Fixture for lower-no-pci-dev-lock.cocci: upstream's report to the
 * driver, locking with pci_dev_lock().
 */
static void zpci_event_io_failure(struct pci_dev *pdev, pci_channel_state_t es,
				  struct zpci_ccdf_err *ccdf)
{
	struct pci_driver *driver;

	pci_dev_lock(pdev);
	pdev->error_state = es;
	driver = to_pci_driver(pdev->dev.driver);
	if (driver && driver->err_handler && driver->err_handler->error_detected)
		driver->err_handler->error_detected(pdev, pdev->error_state);
	pci_dev_unlock(pdev);
}
