/*
 * Fixture for lower-to-pci-driver-null.cocci: upstream's report to the
 * driver, after lower-no-pci-dev-lock.cocci. The to_pci_driver() in the
 * other function is left alone.
 */
static void zpci_event_io_failure(struct pci_dev *pdev, pci_channel_state_t es,
				  struct zpci_ccdf_err *ccdf)
{
	struct pci_driver *driver;

	device_lock(&pdev->dev);
	pdev->error_state = es;
	driver = to_pci_driver(pdev->dev.driver);
	if (driver && driver->err_handler && driver->err_handler->error_detected)
		driver->err_handler->error_detected(pdev, pdev->error_state);
	device_unlock(&pdev->dev);
}

static struct pci_driver *other(struct pci_dev *pdev)
{
	struct pci_driver *driver;

	driver = to_pci_driver(pdev->dev.driver);
	return driver;
}
