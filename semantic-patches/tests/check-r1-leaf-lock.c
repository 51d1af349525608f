/*
 * Fixture for check-r1-leaf-lock.cocci, guard()-style and explicit code.
 * Reported: the v14 pci_get_slot() in zpci_stop_mediated_recovery(), a
 * bus walk reached through two helpers, copy_to_user() and another mutex
 * under explicit locking, a driver callback, a KVM hook and a device lock
 * in a scoped_guard() body. Not reported: calls after the lock is dropped,
 * after the block of a nested guard(), and the upstream functions.
 */
void zpci_stop_mediated_recovery(struct zpci_dev *zdev)
{
	struct pci_dev *pdev = NULL;

	guard(mutex)(&zdev->pending_errs_lock);
	zdev->pending_errs.mediated_recovery = false;
	if (zdev->pending_errs.count) {
		pdev = pci_get_slot(zdev->zbus->bus, zdev->devfn);
		pr_info("%s: unhandled\n", pdev ? pci_name(pdev) : "n/a");
	}
	pci_dev_put(pdev);
}

static int lookup(struct zpci_dev *zdev)
{
	struct pci_dev *pdev = pci_get_domain_bus_and_slot(0, 0, zdev->devfn);

	return pdev != NULL;
}

static int helper(struct zpci_dev *zdev)
{
	return lookup(zdev);
}

static void nested(struct zpci_dev *zdev, void __user *arg)
{
	if (zdev->fh) {
		guard(mutex)(&zdev->pending_errs_lock);
		zdev->pending_errs.count = 0;
		helper(zdev);
	}
	pci_get_slot(zdev->zbus->bus, zdev->devfn);
	if (copy_to_user(arg, zdev, 1))
		return;
}

static int feature(struct zpci_dev *zdev, void __user *arg)
{
	struct zpci_ccdf_err ccdf;

	mutex_lock(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.count) {
		mutex_unlock(&zdev->pending_errs_lock);
		return -ENOMSG;
	}
	if (copy_to_user(arg, &ccdf, sizeof(ccdf))) {
		mutex_unlock(&zdev->pending_errs_lock);
		return -EFAULT;
	}
	mutex_lock(&zdev->kzdev_lock);
	mutex_unlock(&zdev->kzdev_lock);
	mutex_unlock(&zdev->pending_errs_lock);
	return copy_to_user(arg, &ccdf, 1);
}

static void hooks(struct zpci_dev *zdev, struct pci_dev *pdev, struct pci_driver *driver)
{
	scoped_guard(mutex, &zdev->pending_errs_lock) {
		driver->err_handler->error_detected(pdev, pci_channel_io_frozen);
		zpci_kvm_hook.kvm_register(zdev, NULL);
		scoped_guard(device, &pdev->dev)
			zdev->pending_errs.count++;
	}
	driver->err_handler->resume(pdev);
}

int zpci_get_pending_error(struct zpci_dev *zdev, struct zpci_ccdf_err *ccdf)
{
	int head;

	guard(mutex)(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.count)
		return -ENOMSG;
	head = zdev->pending_errs.head % ZPCI_ERR_PENDING_MAX;
	memcpy(ccdf, &zdev->pending_errs.err[head], sizeof(struct zpci_ccdf_err));
	zdev->pending_errs.head++;
	zdev->pending_errs.count--;
	return 0;
}

int vfio_pci_zdev_feature_err(struct zpci_dev *zdev, void __user *arg)
{
	struct zpci_ccdf_err ccdf = {};
	int ret;

	ret = zpci_get_pending_error(zdev, &ccdf);
	if (ret)
		return ret;
	if (copy_to_user(arg, &ccdf, sizeof(ccdf)))
		return -EFAULT;
	return 0;
}
