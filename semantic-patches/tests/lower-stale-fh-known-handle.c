/*
 * Fixture for lower-stale-fh-known-handle.cocci: the error event handler
 * of a tree without clp_refresh_fh(fid, &fh) (5.10).
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
