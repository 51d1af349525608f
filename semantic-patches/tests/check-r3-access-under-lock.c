/*
 * Fixture for check-r3-access-under-lock.cocci. Reported: a read after
 * the unlock in peek(), a lock-free read in racy(), a fast path before the
 * guard in get_fast(), an access after the block of a nested guard() in
 * nested(). Not reported: accesses under explicit locking, in a guard()
 * scope, in a scoped_guard() body, after lockdep_assert_held(), and the
 * initialisation in zpci_create_device().
 */
static int peek(struct zpci_dev *zdev)
{
	int n;

	mutex_lock(&zdev->pending_errs_lock);
	n = zdev->pending_errs.count;
	mutex_unlock(&zdev->pending_errs_lock);
	if (zdev->pending_errs.mediated_recovery)
		n++;
	return n;
}

static bool racy(struct zpci_dev *zdev)
{
	return zdev->pending_errs.count != 0;
}

int get_fast(struct zpci_dev *zdev, struct zpci_ccdf_err *ccdf)
{
	if (!zdev->pending_errs.count)
		return -ENOMSG;
	guard(mutex)(&zdev->pending_errs_lock);
	memcpy(ccdf, &zdev->pending_errs.err[zdev->pending_errs.head % 4], sizeof(*ccdf));
	zdev->pending_errs.count--;
	return 0;
}

static void nested(struct zpci_dev *zdev, int x)
{
	if (x) {
		guard(mutex)(&zdev->pending_errs_lock);
		zdev->pending_errs.count = 0;
	}
	zdev->pending_errs.head = 0;
}

static void scoped(struct zpci_dev *zdev)
{
	scoped_guard(mutex, &zdev->pending_errs_lock)
		zdev->pending_errs.tail = 0;
}

static void helper_held(struct zpci_dev *zdev)
{
	lockdep_assert_held(&zdev->pending_errs_lock);
	zdev->pending_errs.count = 0;
}

void zpci_stop_mediated_recovery(struct zpci_dev *zdev)
{
	mutex_lock(&zdev->pending_errs_lock);
	zdev->pending_errs.mediated_recovery = false;
	memset(&zdev->pending_errs, 0, sizeof(struct zpci_ccdf_pending));
	mutex_unlock(&zdev->pending_errs_lock);
}

struct zpci_dev *zpci_create_device(u32 fid, u32 fh)
{
	struct zpci_dev *zdev = kzalloc(sizeof(*zdev), GFP_KERNEL);

	if (!zdev)
		return ERR_PTR(-ENOMEM);
	zdev->pending_errs.count = 0;
	mutex_init(&zdev->pending_errs_lock);
	return zdev;
}
