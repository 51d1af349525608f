/*
 * Fixture for lower-no-event-recovery.cocci: an error event handler that
 * only marks the function permanently failed.
 */
static void __zpci_event_error(struct zpci_ccdf_err *ccdf)
{
	struct zpci_dev *zdev = get_zdev_by_fid(ccdf->fid);
	struct pci_dev *pdev = NULL;

	if (zdev)
		pdev = pci_get_slot(zdev->zbus->bus, zdev->devfn);
	if (!pdev)
		goto no_pdev;

	pdev->error_state = pci_channel_io_perm_failure;
	pci_dev_put(pdev);
no_pdev:
	zpci_zdev_put(zdev);
}
