/*
 * Fixture for check-r2-lock-order.cocci. Reported: in io_failure(), an
 * event-path function (it takes pci_dev_lock and calls the driver), the
 * store before the device lock; in reversed(), device_lock() taken under
 * pending_errs_lock; in hooks(), a scoped_guard(device) in a
 * scoped_guard(mutex) body. Not reported: recover() and guarded(), which
 * store under the device lock, and close_device(), which takes the device
 * lock only after dropping pending_errs_lock and calls no driver.
 */
static pci_ers_result_t recover(struct pci_dev *pdev, struct zpci_ccdf_err *ccdf)
{
	int rc;

	device_lock(&pdev->dev);
	rc = zpci_store_pci_error(pdev, ccdf);
	notify(pdev, pdev->driver);
	device_unlock(&pdev->dev);
	return rc;
}

static void io_failure(struct pci_dev *pdev, struct zpci_ccdf_err *ccdf)
{
	zpci_store_pci_error(pdev, ccdf);
	pci_dev_lock(pdev);
	pdev->error_state = 1;
	notify(pdev, pdev->driver);
	pci_dev_unlock(pdev);
}

static void reversed(struct pci_dev *pdev)
{
	struct zpci_dev *zdev = to_zpci(pdev);

	mutex_lock(&zdev->pending_errs_lock);
	device_lock(&pdev->dev);
	zdev->pending_errs.count = 0;
	device_unlock(&pdev->dev);
	mutex_unlock(&zdev->pending_errs_lock);
}

static int zpci_store_pci_error(struct pci_dev *pdev, struct zpci_ccdf_err *ccdf)
{
	struct zpci_dev *zdev = to_zpci(pdev);

	guard(mutex)(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.mediated_recovery)
		return -EINVAL;
	zdev->pending_errs.count++;
	return 0;
}

static void guarded(struct pci_dev *pdev, struct pci_driver *driver)
{
	guard(device)(&pdev->dev);
	zpci_store_pci_error(pdev, NULL);
	driver->err_handler->error_detected(pdev, 1);
}

static void notify(struct pci_dev *pdev, struct pci_driver *driver)
{
	driver->err_handler->error_detected(pdev, 1);
}

static void hooks(struct zpci_dev *zdev, struct pci_dev *pdev)
{
	scoped_guard(mutex, &zdev->pending_errs_lock) {
		scoped_guard(device, &pdev->dev)
			zdev->pending_errs.count++;
	}
}

static void close_device(struct zpci_dev *zdev, struct pci_dev *pdev)
{
	zpci_stop_mediated_recovery(zdev);
	if (pci_dev_trylock(pdev))
		pci_dev_unlock(pdev);
}

void zpci_stop_mediated_recovery(struct zpci_dev *zdev)
{
	guard(mutex)(&zdev->pending_errs_lock);
	zdev->pending_errs.mediated_recovery = false;
}
