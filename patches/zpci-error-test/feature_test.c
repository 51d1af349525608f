// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite vfio_zpci_error_feature, for the runtime gate of the
 * zpci-backport project only; never for production kernels:
 * VFIO_DEVICE_FEATURE_ZPCI_ERROR, the ZPCI_BASE capability and the error
 * IRQ of the zPCI function that vfio-pci has bound at boot
 * (ids= as init loads it), with error events fed to zpci_event_error() as
 * firmware would.
 *
 * Included at the end of the vfio-pci file that holds the zdev code of
 * the tree (vfio_pci_zdev.c, or vfio_pci.c of the old layout) by the test
 * patch zpci-backport generates, so that it reaches vfio-pci's own
 * functions. What differs between the vfio-pci layouts is in
 * zpci_error_test_vfio.h, the adapter the probes choose.
 *
 * The suite is exported, not registered: the test module zpci_error_kunit
 * (kunit_module.c) runs it once the init of the runtime gate has loaded
 * vfio-pci, which binds the function, and then that module.
 */
#include <kunit/test.h>
#include <linux/debug_locks.h>
#include <linux/kthread.h>
#include <linux/mman.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/vfio_zdev.h>
#include <asm/zpci_error_test.h>

#include "zpci_error_test_vfio.h"

struct zpci_feature_test {
	struct pci_dev *pdev;
	struct zpci_dev *zdev;
	ZPCI_TEST_VDEV *vdev;
	void *ref;			/* what zpci_test_vdev_put() drops */
	void __user *ubuf;
};

/* VFIO_DEVICE_FEATURE_ZPCI_ERROR as this tree's vfio-pci dispatches it. */
static int zpci_test_feature(struct zpci_feature_test *t, u32 flags,
			     void __user *arg, size_t argsz)
{
	return zpci_test_vfio_feature(t->vdev,
				      VFIO_DEVICE_FEATURE_ZPCI_ERROR | flags,
				      arg, argsz);
}

/* VFIO_DEVICE_GET_IRQ_INFO through this tree's vfio-pci ioctl. */
static long zpci_test_get_irq_info(struct zpci_feature_test *t,
				   void __user *arg)
{
	return zpci_test_vfio_ioctl(t->vdev, VFIO_DEVICE_GET_IRQ_INFO,
				    (unsigned long)arg);
}

#define ZPCI_TEST_UBUF_SIZE PAGE_SIZE

/*
 * Map one page of user memory for the test: the test runs in a kernel
 * thread, which gets an mm of its own first (from the core's test hooks:
 * mm_alloc() is not exported to modules on every tree); that mm goes away
 * with the thread at the end of the test case.
 */
static void __user *zpci_test_user_page(struct kunit *test)
{
	unsigned long addr;

	KUNIT_ASSERT_EQ(test, zpci_test_kthread_mm(), 0);
	addr = vm_mmap(NULL, 0, ZPCI_TEST_UBUF_SIZE, PROT_READ | PROT_WRITE,
		       MAP_ANONYMOUS | MAP_PRIVATE, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(addr));
	return (void __user *)addr;
}

static void zpci_test_inject(struct zpci_dev *zdev, u16 pec)
{
	struct zpci_ccdf_err ccdf = {};

	ccdf.fh = zdev->fh;
	ccdf.fid = zdev->fid;
	ccdf.pec = pec;
	zpci_test_event_error(&ccdf);
}

/*
 * GET with the payload at the start of the user page and its data field
 * set to @data; the event, if any, is written to the page at offset 64.
 */
static int zpci_test_get(struct kunit *test, struct zpci_feature_test *t,
			 u64 data, struct zpci_ccdf_err *ccdf)
{
	struct vfio_device_feature_zpci_err err = { .data = data };
	int rc;

	KUNIT_ASSERT_EQ(test, copy_to_user(t->ubuf, &err, sizeof(err)), 0UL);
	rc = zpci_test_feature(t, VFIO_DEVICE_FEATURE_GET, t->ubuf,
			       sizeof(err));
	KUNIT_ASSERT_FALSE_MSG(test,
			       mutex_is_locked(&t->zdev->pending_errs_lock),
			       "pending_errs_lock is still held");
	if (!rc && ccdf)
		KUNIT_ASSERT_EQ(test, copy_from_user(ccdf, t->ubuf + 64,
						     sizeof(*ccdf)), 0UL);
	return rc;
}

static u64 zpci_test_data(struct zpci_feature_test *t)
{
	return (u64)(uintptr_t)(t->ubuf + 64);
}

static int zpci_feature_test_init(struct kunit *test)
{
	struct zpci_feature_test *t;
	struct pci_driver *drv;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	test->priv = t;
	t->pdev = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, t->pdev, "no PCI function");
	t->zdev = to_zpci(t->pdev);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->zdev);
	drv = t->pdev->dev.driver ? to_pci_driver(t->pdev->dev.driver) : NULL;
	KUNIT_ASSERT_TRUE_MSG(test, drv && !strcmp(drv->name, "vfio-pci"),
			      "%s is not bound to vfio-pci (load vfio-pci with ids=)",
			      pci_name(t->pdev));
	t->vdev = zpci_test_vdev_get(t->pdev, &t->ref);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->vdev);
	KUNIT_ASSERT_FALSE_MSG(test,
			       mutex_is_locked(&t->zdev->pending_errs_lock),
			       "pending_errs_lock is held before the test");
	t->ubuf = zpci_test_user_page(test);
	/* What opening the vfio device does for this function. */
	KUNIT_ASSERT_EQ(test, vfio_pci_zdev_open_device(t->vdev), 0);
	return 0;
}

static void zpci_feature_test_exit(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;

	if (!t || !t->pdev)
		return;
	if (t->vdev && !mutex_is_locked(&t->zdev->pending_errs_lock))
		vfio_pci_zdev_close_device(t->vdev);
	/*
	 * Undo what the injected events did to the channel state, so that
	 * what runs next (the uAPI program) finds the function as at boot:
	 * a tree that marks a function in error permanently failed would
	 * otherwise keep it from being opened again.
	 */
	device_lock(&t->pdev->dev);
	t->pdev->error_state = pci_channel_io_normal;
	device_unlock(&t->pdev->dev);
	zpci_test_vdev_put(t->ref);
	pci_dev_put(t->pdev);
}

static void zpci_feature_probe(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;
	size_t argsz = sizeof(struct vfio_device_feature_zpci_err);

	KUNIT_EXPECT_EQ(test, zpci_test_feature(t, VFIO_DEVICE_FEATURE_GET |
						VFIO_DEVICE_FEATURE_PROBE,
						t->ubuf, argsz), 0);
	KUNIT_EXPECT_EQ(test, zpci_test_feature(t, VFIO_DEVICE_FEATURE_SET |
						VFIO_DEVICE_FEATURE_PROBE,
						t->ubuf, argsz), -EINVAL);
}

static void zpci_feature_set_rejected(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;
	struct vfio_device_feature_zpci_err err = {
		.data = zpci_test_data(t),
	};

	KUNIT_ASSERT_EQ(test, copy_to_user(t->ubuf, &err, sizeof(err)), 0UL);
	KUNIT_EXPECT_EQ(test, zpci_test_feature(t, VFIO_DEVICE_FEATURE_SET,
						t->ubuf, sizeof(err)), -EINVAL);
}

static void zpci_feature_argsz_small(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;
	struct vfio_device_feature_zpci_err err = {
		.data = zpci_test_data(t),
	};

	zpci_test_inject(t->zdev, 0x100);
	KUNIT_ASSERT_EQ(test, copy_to_user(t->ubuf, &err, sizeof(err)), 0UL);
	KUNIT_EXPECT_EQ(test, zpci_test_feature(t, VFIO_DEVICE_FEATURE_GET,
						t->ubuf, sizeof(err) - 1),
			-EINVAL);
	/* The event is still queued. */
	KUNIT_EXPECT_EQ(test, zpci_test_get(test, t, zpci_test_data(t), NULL),
			0);
}

static void zpci_feature_data_zero(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;

	zpci_test_inject(t->zdev, 0x100);
	KUNIT_EXPECT_EQ(test, zpci_test_get(test, t, 0, NULL), -EINVAL);
	/* The event is still queued. */
	KUNIT_EXPECT_EQ(test, zpci_test_get(test, t, zpci_test_data(t), NULL),
			0);
}

static void zpci_feature_get(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;
	struct zpci_ccdf_err ccdf;
	u16 pec;

	KUNIT_EXPECT_EQ(test, zpci_test_get(test, t, zpci_test_data(t), NULL),
			-ENOMSG);
	for (pec = 0x100; pec < 0x103; pec++)
		zpci_test_inject(t->zdev, pec);
	for (pec = 0x100; pec < 0x103; pec++) {
		memset(&ccdf, 0xff, sizeof(ccdf));
		KUNIT_ASSERT_EQ(test, zpci_test_get(test, t, zpci_test_data(t),
						    &ccdf), 0);
		KUNIT_EXPECT_EQ(test, ccdf.pec, pec);
		KUNIT_EXPECT_EQ(test, ccdf.fid, t->zdev->fid);
		KUNIT_EXPECT_EQ(test, ccdf.fh, t->zdev->fh);
	}
	KUNIT_EXPECT_EQ(test, zpci_test_get(test, t, zpci_test_data(t), NULL),
			-ENOMSG);
}

static void zpci_feature_bad_pointer(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;

	zpci_test_inject(t->zdev, 0x100);
	/* The user page has no neighbour above it: an unmapped address. */
	KUNIT_EXPECT_EQ(test, zpci_test_get(test, t, zpci_test_data(t) +
					    ZPCI_TEST_UBUF_SIZE, NULL),
			-EFAULT);
	/* The event was consumed all the same. */
	KUNIT_EXPECT_EQ(test, zpci_test_get(test, t, zpci_test_data(t), NULL),
			-ENOMSG);
}

static void zpci_feature_base_cap(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;
	struct vfio_device_info_cap_zpci_base *base = NULL;
	struct vfio_info_cap caps = {};
	struct vfio_info_cap_header *hdr;
	size_t off = 0;

	KUNIT_ASSERT_EQ(test, vfio_pci_info_zdev_add_caps(t->vdev, &caps), 0);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, caps.buf);
	do {
		KUNIT_ASSERT_LE(test, off + sizeof(*hdr), caps.size);
		hdr = (void *)caps.buf + off;
		if (hdr->id == VFIO_DEVICE_INFO_CAP_ZPCI_BASE)
			base = (void *)hdr;
		off = hdr->next;
	} while (off && !base);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, base);
	KUNIT_EXPECT_EQ(test, (int)base->header.version, 3);
	KUNIT_EXPECT_EQ(test, (size_t)base->ccdf_err_length,
			sizeof(struct zpci_ccdf_err));
	KUNIT_EXPECT_EQ(test, base->fh, t->zdev->fh);
	kfree(caps.buf);
}

static void zpci_feature_err_irq_count(struct kunit *test)
{
	struct zpci_feature_test *t = test->priv;
	struct vfio_irq_info info = {
		.argsz = sizeof(info),
		.index = VFIO_PCI_ERR_IRQ_INDEX,
	};

	KUNIT_EXPECT_FALSE(test, pci_is_pcie(t->pdev));
	KUNIT_ASSERT_EQ(test, copy_to_user(t->ubuf, &info, sizeof(info)), 0UL);
	KUNIT_ASSERT_EQ(test, zpci_test_get_irq_info(t, t->ubuf), 0L);
	KUNIT_ASSERT_EQ(test, copy_from_user(&info, t->ubuf, sizeof(info)), 0UL);
	KUNIT_EXPECT_EQ(test, info.count, 1U);
}

static void zpci_feature_lockdep_clean(struct kunit *test)
{
	KUNIT_EXPECT_TRUE_MSG(test, debug_locks,
			      "lockdep reported a problem (see the log)");
}

static struct kunit_case zpci_feature_test_cases[] = {
	KUNIT_CASE(zpci_feature_probe),
	KUNIT_CASE(zpci_feature_set_rejected),
	KUNIT_CASE(zpci_feature_argsz_small),
	KUNIT_CASE(zpci_feature_data_zero),
	KUNIT_CASE(zpci_feature_get),
	KUNIT_CASE(zpci_feature_bad_pointer),
	KUNIT_CASE(zpci_feature_base_cap),
	KUNIT_CASE(zpci_feature_err_irq_count),
	KUNIT_CASE(zpci_feature_lockdep_clean),
	{}
};

struct kunit_suite zpci_feature_test_suite = {
	.name = "vfio_zpci_error_feature",
	.init = zpci_feature_test_init,
	.exit = zpci_feature_test_exit,
	.test_cases = zpci_feature_test_cases,
};
EXPORT_SYMBOL_GPL(zpci_feature_test_suite);
