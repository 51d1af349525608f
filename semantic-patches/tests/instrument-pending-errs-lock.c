/*
 * Fixture for instrument-pending-errs-lock.cocci: explicit locking (as
 * lower-guard.cocci leaves it) with forbidden calls under the lock, in a
 * condition and as statements, a driver callback and a KVM hook; a function
 * that does not take the lock keeps its calls as they are.
 */
static int feature_err(struct zpci_dev *zdev, void __user *arg)
{
	struct zpci_ccdf_err ccdf;
	unsigned long flags;

	mutex_lock(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.count) {
		mutex_unlock(&zdev->pending_errs_lock);
		return -ENOMSG;
	}
	if (copy_to_user(arg, &ccdf, sizeof(ccdf)))
		pr_warn("lost\n");
	spin_lock_irqsave(&zdev->dom_lock, flags);
	spin_unlock_irqrestore(&zdev->dom_lock, flags);
	mutex_unlock(&zdev->pending_errs_lock);
	return 0;
}

static void stop(struct zpci_dev *zdev, struct pci_driver *driver)
{
	struct pci_dev *pdev;

	mutex_lock(&zdev->pending_errs_lock);
	pdev = pci_get_slot(zdev->zbus->bus, zdev->devfn);
	driver->err_handler->error_detected(pdev, pci_channel_io_frozen);
	zpci_kvm_hook.kvm_unregister(zdev);
	mutex_unlock(&zdev->pending_errs_lock);
	pci_dev_put(pdev);
}

static int unlocked(struct zpci_dev *zdev, void __user *arg)
{
	struct pci_dev *pdev = pci_get_slot(zdev->zbus->bus, zdev->devfn);

	return copy_to_user(arg, pdev, 1);
}
