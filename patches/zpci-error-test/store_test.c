// SPDX-License-Identifier: GPL-2.0
/*
 * Test hooks for the PCI error store, for the runtime gate of the
 * zpci-backport project only; never for production kernels.
 *
 * Included at the end of arch/s390/pci/pci_event.c (under
 * CONFIG_ZPCI_ERROR_TEST) by the test patch zpci-backport generates, so
 * that it reaches the static zpci_store_pci_error(). It adds:
 * - debugfs zpci_error_test/inject: writing "<fid> <pec>" (hex) hands an
 *   error CCDF for that PCI function to zpci_event_error(), as firmware
 *   would;
 * - debugfs zpci_error_test/channel_state: reading it gives one line
 *   "<fid> <state>" per zPCI function, state being normal, frozen or
 *   perm_failure (pci_dev->error_state);
 * - the KUnit suite zpci_error_store for zpci_store_pci_error() and its
 *   helpers, on the first PCI function. The suite is exported, not
 *   registered: the test module zpci_error_kunit (kunit_module.c) runs
 *   it when the init of the runtime gate loads that module;
 * - zpci_test_event_error() and zpci_test_kthread_mm(), exported for the
 *   feature suite in the vfio-pci module: zpci_event_error(), which it
 *   calls as firmware events would, and mm_alloc() are not exported.
 */
#include <kunit/test.h>
#include <linux/debugfs.h>
#include <linux/debug_locks.h>
#include <linux/kthread.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <asm/zpci_error_test.h>

/**
 * zpci_test_kthread_mm - give the calling kernel thread a user mm
 *
 * For the feature suite in the vfio-pci module, whose test cases map a
 * page of user memory: mm_alloc() is not exported to modules on every
 * tree. The mm goes away with the thread (a KUnit test case's).
 *
 * Locks: none held or taken.
 *
 * Return: 0 (also when the thread has an mm already), -ENOMEM.
 */
int zpci_test_kthread_mm(void)
{
	struct mm_struct *mm;

	if (current->mm)
		return 0;
	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	mm->task_size = TASK_SIZE;
	arch_pick_mmap_layout(mm, &current->signal->rlim[RLIMIT_STACK]);
	kthread_use_mm(mm);
	return 0;
}
EXPORT_SYMBOL_GPL(zpci_test_kthread_mm);

/**
 * zpci_test_event_error - hand an error CCDF to zpci_event_error()
 * @ccdf: the error event, as firmware would report it
 *
 * Locks: called with none held; zpci_event_error() takes zdev->state_lock,
 * the device lock and zdev->pending_errs_lock on its way.
 */
void zpci_test_event_error(struct zpci_ccdf_err *ccdf)
{
	zpci_event_error(ccdf);
}
EXPORT_SYMBOL_GPL(zpci_test_event_error);

/*
 * zpci_test_inject_write - debugfs write handler of zpci_error_test/inject
 * @file: the debugfs file (unused)
 * @ubuf: user buffer holding "<fid> <pec>", both numbers in hex, at most
 *	  63 bytes
 * @count: number of bytes in @ubuf
 * @ppos: file position (unused)
 *
 * Builds an error CCDF for the PCI function with function ID fid, with
 * its current function handle and the PCI event code pec, and passes it
 * to zpci_event_error(), the entry that handles firmware error events.
 *
 * Locks: called with none held; zpci_event_error() takes zdev->state_lock,
 * the device lock and zdev->pending_errs_lock on its way.
 *
 * Return: @count when the event was delivered; -EFAULT when @ubuf cannot
 * be read, -EINVAL when it does not hold two hex numbers, -ENODEV when no
 * PCI function has that fid.
 */
static ssize_t zpci_test_inject_write(struct file *file,
				      const char __user *ubuf,
				      size_t count, loff_t *ppos)
{
	struct zpci_ccdf_err ccdf = {};
	struct zpci_dev *zdev;
	char buf[64];
	u32 fid, pec;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (sscanf(buf, "%x %x", &fid, &pec) != 2 || pec > U16_MAX)
		return -EINVAL;

	zdev = get_zdev_by_fid(fid);
	if (!zdev)
		return -ENODEV;
	ccdf.fid = fid;
	ccdf.fh = zdev->fh;
	ccdf.pec = pec;
	zpci_zdev_put(zdev);

	zpci_event_error(&ccdf);
	return count;
}

static const struct file_operations zpci_test_inject_fops = {
	.owner = THIS_MODULE,
	.write = zpci_test_inject_write,
};

/* The name zpci_error_test/channel_state gives a PCI channel state. */
static const char *zpci_test_state_name(pci_channel_state_t state)
{
	if (state == pci_channel_io_normal)
		return "normal";
	if (state == pci_channel_io_frozen)
		return "frozen";
	if (state == pci_channel_io_perm_failure)
		return "perm_failure";
	return "unknown";
}

/*
 * zpci_test_state_read - debugfs read handler of zpci_error_test/channel_state
 * @file: the debugfs file (unused)
 * @ubuf: user buffer for the text
 * @count: its size in bytes
 * @ppos: file position
 *
 * Locks: none; pci_dev->error_state is read as it stands, which is enough
 * for a test that reads it after the events it injected were handled.
 *
 * Return: the bytes copied, one line "<fid> <state>" per zPCI function
 * with fid in hex; -EFAULT when @ubuf cannot be written.
 */
static ssize_t zpci_test_state_read(struct file *file, char __user *ubuf,
				    size_t count, loff_t *ppos)
{
	struct pci_dev *pdev = NULL;
	struct zpci_dev *zdev;
	char buf[256];
	int len = 0;

	for_each_pci_dev(pdev) {
		zdev = to_zpci(pdev);
		if (zdev)
			len += scnprintf(buf + len, sizeof(buf) - len, "%x %s\n",
					 zdev->fid,
					 zpci_test_state_name(pdev->error_state));
	}
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations zpci_test_state_fops = {
	.owner = THIS_MODULE,
	.read = zpci_test_state_read,
};

static int __init zpci_test_inject_init(void)
{
	struct dentry *dir = debugfs_create_dir("zpci_error_test", NULL);

	debugfs_create_file("inject", 0200, dir, NULL, &zpci_test_inject_fops);
	debugfs_create_file("channel_state", 0400, dir, NULL,
			    &zpci_test_state_fops);
	return 0;
}
late_initcall(zpci_test_inject_init);

struct zpci_store_test {
	struct pci_dev *pdev;
	struct zpci_dev *zdev;
};

static struct zpci_ccdf_err zpci_test_ccdf(struct zpci_dev *zdev, u16 pec)
{
	struct zpci_ccdf_err ccdf = {};

	ccdf.fh = zdev->fh;
	ccdf.fid = zdev->fid;
	ccdf.faddr = 0x1000 + pec;
	ccdf.pec = pec;
	return ccdf;
}

/* The test case fails at once when a call left the store's lock held. */
static void zpci_test_assert_unlocked(struct kunit *test,
				      struct zpci_dev *zdev)
{
	KUNIT_ASSERT_FALSE_MSG(test, mutex_is_locked(&zdev->pending_errs_lock),
			       "pending_errs_lock is still held");
}

static int zpci_test_store(struct kunit *test, struct zpci_store_test *t,
			   u16 pec)
{
	struct zpci_ccdf_err ccdf = zpci_test_ccdf(t->zdev, pec);
	int rc;

	rc = zpci_store_pci_error(t->pdev, &ccdf);
	zpci_test_assert_unlocked(test, t->zdev);
	return rc;
}

/* Dequeue one event and check that it is the one stored with @pec. */
static void zpci_test_expect_get(struct kunit *test,
				 struct zpci_store_test *t, u16 pec)
{
	struct zpci_ccdf_err want = zpci_test_ccdf(t->zdev, pec);
	struct zpci_ccdf_err got = {};

	KUNIT_ASSERT_EQ(test, zpci_get_pending_error(t->zdev, &got), 0);
	zpci_test_assert_unlocked(test, t->zdev);
	KUNIT_EXPECT_EQ(test, got.pec, pec);
	KUNIT_EXPECT_EQ(test, memcmp(&got, &want, sizeof(got)), 0);
}

static void zpci_test_expect_empty(struct kunit *test,
				   struct zpci_store_test *t)
{
	struct zpci_ccdf_err got = {};

	KUNIT_EXPECT_EQ(test, zpci_get_pending_error(t->zdev, &got), -ENOMSG);
	zpci_test_assert_unlocked(test, t->zdev);
}

static int zpci_store_test_init(struct kunit *test)
{
	struct zpci_store_test *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	t->pdev = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, t->pdev, "no PCI function found");
	t->zdev = to_zpci(t->pdev);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->zdev);
	test->priv = t;
	zpci_test_assert_unlocked(test, t->zdev);
	KUNIT_ASSERT_FALSE_MSG(test, t->zdev->pending_errs.mediated_recovery,
			       "the function is in mediated recovery already");
	return 0;
}

static void zpci_store_test_exit(struct kunit *test)
{
	struct zpci_store_test *t = test->priv;

	if (!t || !t->pdev)
		return;
	/* Leave a clean store behind, unless its lock was leaked. */
	if (t->zdev && mutex_trylock(&t->zdev->pending_errs_lock)) {
		memset(&t->zdev->pending_errs, 0, sizeof(t->zdev->pending_errs));
		mutex_unlock(&t->zdev->pending_errs_lock);
	}
	pci_dev_put(t->pdev);
}

static void zpci_store_fifo_order(struct kunit *test)
{
	struct zpci_store_test *t = test->priv;
	u16 pec;

	zpci_start_mediated_recovery(t->zdev);
	zpci_test_assert_unlocked(test, t->zdev);
	for (pec = 0x100; pec < 0x103; pec++)
		KUNIT_ASSERT_EQ(test, zpci_test_store(test, t, pec), 0);
	KUNIT_EXPECT_EQ(test, (int)t->zdev->pending_errs.count, 3);
	for (pec = 0x100; pec < 0x103; pec++)
		zpci_test_expect_get(test, t, pec);
	zpci_test_expect_empty(test, t);
	zpci_stop_mediated_recovery(t->zdev);
}

static void zpci_store_full_queue(struct kunit *test)
{
	struct zpci_store_test *t = test->priv;
	u16 pec;

	zpci_start_mediated_recovery(t->zdev);
	for (pec = 0x100; pec < 0x100 + ZPCI_ERR_PENDING_MAX; pec++)
		KUNIT_ASSERT_EQ(test, zpci_test_store(test, t, pec), 0);
	KUNIT_EXPECT_EQ(test, zpci_test_store(test, t, 0x1ff), -ENOMEM);
	KUNIT_EXPECT_EQ(test, (int)t->zdev->pending_errs.count,
			ZPCI_ERR_PENDING_MAX);
	/* The new event was dropped; the oldest ones are still there. */
	for (pec = 0x100; pec < 0x100 + ZPCI_ERR_PENDING_MAX; pec++)
		zpci_test_expect_get(test, t, pec);
	zpci_test_expect_empty(test, t);
	zpci_stop_mediated_recovery(t->zdev);
}

static void zpci_store_empty(struct kunit *test)
{
	struct zpci_store_test *t = test->priv;

	zpci_test_expect_empty(test, t);
	zpci_start_mediated_recovery(t->zdev);
	zpci_test_expect_empty(test, t);
	zpci_stop_mediated_recovery(t->zdev);
	zpci_test_expect_empty(test, t);
}

static void zpci_store_not_mediated(struct kunit *test)
{
	struct zpci_store_test *t = test->priv;

	KUNIT_EXPECT_EQ(test, zpci_test_store(test, t, 0x100), -EINVAL);
	KUNIT_EXPECT_EQ(test, t->zdev->pending_errs.count, 0);
	zpci_test_expect_empty(test, t);

	zpci_start_mediated_recovery(t->zdev);
	zpci_stop_mediated_recovery(t->zdev);
	KUNIT_EXPECT_EQ(test, zpci_test_store(test, t, 0x101), -EINVAL);
	zpci_test_expect_empty(test, t);
}

static void zpci_store_stop_clears(struct kunit *test)
{
	struct zpci_store_test *t = test->priv;
	struct zpci_ccdf_pending *p = &t->zdev->pending_errs;

	zpci_start_mediated_recovery(t->zdev);
	KUNIT_EXPECT_TRUE(test, p->mediated_recovery);
	KUNIT_ASSERT_EQ(test, zpci_test_store(test, t, 0x100), 0);
	KUNIT_ASSERT_EQ(test, zpci_test_store(test, t, 0x101), 0);
	zpci_test_expect_get(test, t, 0x100);
	zpci_stop_mediated_recovery(t->zdev);
	zpci_test_assert_unlocked(test, t->zdev);

	KUNIT_EXPECT_FALSE(test, p->mediated_recovery);
	KUNIT_EXPECT_EQ(test, (int)p->count, 0);
	KUNIT_EXPECT_EQ(test, (int)p->head, 0);
	KUNIT_EXPECT_EQ(test, (int)p->tail, 0);
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(p, 0, sizeof(*p)), (void *)NULL);
	zpci_test_expect_empty(test, t);
	KUNIT_EXPECT_EQ(test, zpci_test_store(test, t, 0x102), -EINVAL);

	/* A new start finds an empty queue. */
	zpci_start_mediated_recovery(t->zdev);
	zpci_test_expect_empty(test, t);
	zpci_stop_mediated_recovery(t->zdev);
}

static void zpci_store_index_wrap(struct kunit *test)
{
	struct zpci_store_test *t = test->priv;
	struct zpci_ccdf_pending *p = &t->zdev->pending_errs;
	int i;

	zpci_start_mediated_recovery(t->zdev);
	/* Move head and tail to 254, so that the next events cross 255. */
	for (i = 0; i < 254; i++) {
		KUNIT_ASSERT_EQ(test, zpci_test_store(test, t, i), 0);
		zpci_test_expect_get(test, t, i);
	}
	KUNIT_EXPECT_EQ(test, (int)p->head, 254);
	KUNIT_EXPECT_EQ(test, (int)p->tail, 254);
	for (i = 0; i < ZPCI_ERR_PENDING_MAX; i++)
		KUNIT_ASSERT_EQ(test, zpci_test_store(test, t, 0x200 + i), 0);
	KUNIT_EXPECT_EQ(test, zpci_test_store(test, t, 0x2ff), -ENOMEM);
	KUNIT_EXPECT_EQ(test, (int)p->count, ZPCI_ERR_PENDING_MAX);
	for (i = 0; i < ZPCI_ERR_PENDING_MAX; i++)
		zpci_test_expect_get(test, t, 0x200 + i);
	zpci_test_expect_empty(test, t);
	KUNIT_EXPECT_EQ(test, (int)p->head, (254 + ZPCI_ERR_PENDING_MAX) % 256);
	KUNIT_EXPECT_EQ(test, (int)p->tail, (254 + ZPCI_ERR_PENDING_MAX) % 256);
	zpci_stop_mediated_recovery(t->zdev);
}

static int zpci_test_take_store_lock(struct pci_dev *pdev, void *data)
{
	struct zpci_dev *zdev = data;

	mutex_lock(&zdev->pending_errs_lock);
	mutex_unlock(&zdev->pending_errs_lock);
	return 0;
}

/*
 * Record pci_bus_sem -> pending_errs_lock for lockdep (device_lock, which
 * the real paths hold, is invisible to it), then run the helpers that
 * take pending_errs_lock: a helper that takes pci_bus_sem under it
 * closes a cycle that lockdep reports, which turns debug_locks off.
 */
static void zpci_store_lock_order(struct kunit *test)
{
	struct zpci_store_test *t = test->priv;

	pci_walk_bus(t->pdev->bus, zpci_test_take_store_lock, t->zdev);
	zpci_start_mediated_recovery(t->zdev);
	KUNIT_EXPECT_EQ(test, zpci_test_store(test, t, 0x100), 0);
	zpci_test_expect_get(test, t, 0x100);
	KUNIT_EXPECT_EQ(test, zpci_test_store(test, t, 0x101), 0);
	zpci_stop_mediated_recovery(t->zdev);
	zpci_test_assert_unlocked(test, t->zdev);
	KUNIT_EXPECT_TRUE_MSG(test, debug_locks,
			      "lockdep reported a problem (see the log)");
}

static struct kunit_case zpci_store_test_cases[] = {
	KUNIT_CASE(zpci_store_fifo_order),
	KUNIT_CASE(zpci_store_full_queue),
	KUNIT_CASE(zpci_store_empty),
	KUNIT_CASE(zpci_store_not_mediated),
	KUNIT_CASE(zpci_store_stop_clears),
	KUNIT_CASE(zpci_store_index_wrap),
	KUNIT_CASE(zpci_store_lock_order),
	{}
};

struct kunit_suite zpci_store_test_suite = {
	.name = "zpci_error_store",
	.init = zpci_store_test_init,
	.exit = zpci_store_test_exit,
	.test_cases = zpci_store_test_cases,
};
EXPORT_SYMBOL_GPL(zpci_store_test_suite);
