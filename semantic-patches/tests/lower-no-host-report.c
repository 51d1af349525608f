/*
 * Fixture for lower-no-host-report.cocci: upstream's
 * zpci_event_io_failure() in a tree without the host's recovery, after
 * lower-no-pci-dev-lock.cocci and lower-to-pci-driver-null.cocci.
 */
static void zpci_event_io_failure(struct pci_dev *pdev, pci_channel_state_t es,
				  struct zpci_ccdf_err *ccdf)
{
	struct pci_driver *driver;

	device_lock(&pdev->dev);
	pdev->error_state = es;

	zpci_store_pci_error(pdev, ccdf);
	driver = pdev->dev.driver ? to_pci_driver(pdev->dev.driver) : NULL;
	if (driver && driver->err_handler && driver->err_handler->error_detected)
		driver->err_handler->error_detected(pdev, pdev->error_state);

	device_unlock(&pdev->dev);
}
