/*
 * Fixture for lower-guard.cocci: guard() at function level with early
 * returns (constant, negative macro, computed value), a void function that
 * falls off its end, a guard() in a nested block, scoped_guard() with a
 * block body that returns and jumps out, scoped_guard() with a single
 * statement, explicit locking that must stay as it is, and a guard() of
 * another lock that must stay too.
 */
static int zpci_store_pci_error(struct pci_dev *pdev, struct zpci_ccdf_err *ccdf)
{
	struct zpci_dev *zdev = to_zpci(pdev);
	int i;

	guard(mutex)(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.mediated_recovery)
		return -EINVAL;

	if (zdev->pending_errs.count >= ZPCI_ERR_PENDING_MAX) {
		dev_warn_ratelimited(&pdev->dev, "queue full\n");
		return -ENOMEM;
	}
	i = zdev->pending_errs.tail % ZPCI_ERR_PENDING_MAX;
	zdev->pending_errs.tail++;
	return 0;
}

void zpci_start_mediated_recovery(struct zpci_dev *zdev)
{
	guard(mutex)(&zdev->pending_errs_lock);
	zdev->pending_errs.mediated_recovery = true;
}

static int pending_count(struct zpci_dev *zdev, int x)
{
	if (x) {
		guard(mutex)(&zdev->pending_errs_lock);
		if (x > 2)
			return zdev->pending_errs.count + x;
		zdev->pending_errs.mediated_recovery = true;
	}
	return x;
}

static int scoped(struct zpci_dev *zdev, int x)
{
	int rc = 0;

	scoped_guard(mutex, &zdev->pending_errs_lock) {
		if (!zdev->pending_errs.count)
			goto out;
		if (x)
			return x;
		rc = 1;
	}
	if (x)
		scoped_guard(mutex, &zdev->pending_errs_lock)
			zdev->pending_errs.count = 0;
out:
	return rc;
}

static int explicit(struct zpci_dev *zdev)
{
	int rc = 0;

	mutex_lock(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.count)
		rc = -ENOMSG;
	mutex_unlock(&zdev->pending_errs_lock);
	return rc;
}

static int other_lock(struct zpci_dev *zdev)
{
	guard(mutex)(&zdev->state_lock);
	if (!zdev->fh)
		return -ENODEV;
	return 0;
}
