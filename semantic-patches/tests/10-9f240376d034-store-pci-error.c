/*
 * Fixture for 10-9f240376d034-store-pci-error.cocci: the shapes of
 * asm/pci.h, pci.c, pci_event.c and vfio_pci_zdev.c in one file (every
 * rule anchors on a struct or function name, not on the file).
 * Probes: HAVE_ZPCI_EVENT_RECOVERY HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE
 */

/* --- arch/s390/include/asm/pci.h --- */
struct zpci_bus {
	struct list_head	bus_next;
	struct pci_bus		*bus;
	int			topo;
};

struct zpci_dev {
	struct zpci_bus		*zbus;
	u32			fid;
	u32			fh;
	struct kvm_zdev		*kzdev;
	struct mutex		kzdev_lock;
	spinlock_t		dom_lock;
};

int zpci_clear_error_state(struct zpci_dev *zdev);
int zpci_reset_load_store_blocked(struct zpci_dev *zdev);

/* --- arch/s390/pci/pci.c --- */
struct zpci_dev *zpci_create_device(u32 fid, u32 fh)
{
	struct zpci_dev *zdev = kzalloc(sizeof(*zdev), GFP_KERNEL);

	if (!zdev)
		return ERR_PTR(-ENOMEM);
	zdev->fid = fid;
	mutex_init(&zdev->state_lock);
	mutex_init(&zdev->kzdev_lock);

	return zdev;
}

/* --- arch/s390/pci/pci_event.c --- */
struct zpci_ccdf_err {
	u32 fh;
	u32 fid;
	u16 pec;
} __packed;

static bool is_passed_through(struct pci_dev *pdev)
{
	return to_zpci(pdev)->kzdev != NULL;
}

static bool is_driver_supported(struct pci_driver *driver)
{
	return driver && driver->err_handler;
}

static pci_ers_result_t zpci_event_attempt_error_recovery(struct pci_dev *pdev)
{
	pci_ers_result_t ers_res = PCI_ERS_RESULT_DISCONNECT;
	struct zpci_dev *zdev = to_zpci(pdev);
	char *status_str = "success";
	struct pci_driver *driver;

	pci_dev_lock(pdev);
	if (is_passed_through(pdev)) {
		status_str = "failed (pass-through)";
		goto out_unlock;
	}

	driver = to_pci_driver(pdev->dev.driver);
	if (!is_driver_supported(driver))
		goto out_unlock;

	ers_res = zpci_event_notify_error_detected(pdev, driver);
	if (ers_result_indicates_abort(ers_res)) {
		status_str = "failed (abort on detection)";
		goto out_unlock;
	}

	ers_res = zpci_event_do_reset(pdev, driver);
out_unlock:
	pci_dev_unlock(pdev);
	zpci_report_status(zdev, "recovery", status_str);
	return ers_res;
}

static void zpci_event_io_failure(struct pci_dev *pdev, pci_channel_state_t es)
{
	struct pci_driver *driver;

	pci_dev_lock(pdev);
	pdev->error_state = es;
	if (is_passed_through(pdev))
		goto skip;
	driver = to_pci_driver(pdev->dev.driver);
	if (driver && driver->err_handler)
		driver->err_handler->error_detected(pdev, es);
skip:
	pci_dev_unlock(pdev);
}

static void __zpci_event_error(struct zpci_ccdf_err *ccdf)
{
	struct pci_dev *pdev = zpci_find_pdev(ccdf->fid);
	pci_ers_result_t ers_res;

	if (!pdev)
		return;

	switch (ccdf->pec) {
	case 0x003b:
		zpci_event_io_failure(pdev, pci_channel_io_perm_failure);
		break;
	default:
		ers_res = zpci_event_attempt_error_recovery(pdev);
		if (ers_res != PCI_ERS_RESULT_RECOVERED)
			zpci_event_io_failure(pdev, pci_channel_io_perm_failure);
		break;
	}
	pci_dev_put(pdev);
}

/* --- drivers/vfio/pci/vfio_pci_zdev.c --- */
int vfio_pci_zdev_open_device(struct vfio_pci_core_device *vdev)
{
	struct zpci_dev *zdev = to_zpci(vdev->pdev);

	if (!zdev)
		return -ENODEV;

	if (!vdev->vdev.kvm)
		return 0;

	if (zpci_kvm_hook.kvm_register)
		return zpci_kvm_hook.kvm_register(zdev, vdev->vdev.kvm);

	return -ENOENT;
}

void vfio_pci_zdev_close_device(struct vfio_pci_core_device *vdev)
{
	struct zpci_dev *zdev = to_zpci(vdev->pdev);

	if (!zdev || !vdev->vdev.kvm)
		return;

	if (zpci_kvm_hook.kvm_unregister)
		zpci_kvm_hook.kvm_unregister(zdev);
}
