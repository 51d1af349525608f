/*
 * Fixture for check-r4-balanced.cocci. Reported: a return that keeps the
 * lock in store() (a lowering that forgot one unlock), a goto that jumps
 * past the unlock in get(), a mutex_unlock() inside a guard() scope in
 * stop(), a second unlock in peek(), the lock taken again in twice().
 * Not reported: the goto-style store_ok(), a guard() with early returns,
 * a scoped_guard() and an explicit lock released on every path.
 */
static int store(struct zpci_dev *zdev, struct zpci_ccdf_err *ccdf)
{
	mutex_lock(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.mediated_recovery) {
		mutex_unlock(&zdev->pending_errs_lock);
		return -EINVAL;
	}
	if (zdev->pending_errs.count >= ZPCI_ERR_PENDING_MAX)
		return -ENOMEM;
	zdev->pending_errs.count++;
	mutex_unlock(&zdev->pending_errs_lock);
	return 0;
}

int get(struct zpci_dev *zdev, struct zpci_ccdf_err *ccdf)
{
	int ret = 0;

	mutex_lock(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.count) {
		ret = -ENOMSG;
		goto out;
	}
	zdev->pending_errs.count--;
	mutex_unlock(&zdev->pending_errs_lock);
out:
	return ret;
}

static int store_ok(struct zpci_dev *zdev, struct zpci_ccdf_err *ccdf)
{
	int rc = 0;

	mutex_lock(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.mediated_recovery) {
		rc = -EINVAL;
		goto out_unlock;
	}
	zdev->pending_errs.count++;
out_unlock:
	mutex_unlock(&zdev->pending_errs_lock);
	return rc;
}

static void stop(struct zpci_dev *zdev)
{
	guard(mutex)(&zdev->pending_errs_lock);
	zdev->pending_errs.mediated_recovery = false;
	mutex_unlock(&zdev->pending_errs_lock);
}

static int peek(struct zpci_dev *zdev)
{
	int n;

	mutex_lock(&zdev->pending_errs_lock);
	n = zdev->pending_errs.count;
	mutex_unlock(&zdev->pending_errs_lock);
	if (n)
		mutex_unlock(&zdev->pending_errs_lock);
	return n;
}

static void twice(struct zpci_dev *zdev)
{
	guard(mutex)(&zdev->pending_errs_lock);
	scoped_guard(mutex, &zdev->pending_errs_lock)
		zdev->pending_errs.count = 0;
}

int get_guard(struct zpci_dev *zdev)
{
	guard(mutex)(&zdev->pending_errs_lock);
	if (!zdev->pending_errs.count)
		return -ENOMSG;
	zdev->pending_errs.count--;
	return 0;
}

static void start(struct zpci_dev *zdev)
{
	scoped_guard(mutex, &zdev->pending_errs_lock)
		zdev->pending_errs.mediated_recovery = true;
}
