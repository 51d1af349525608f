/*
 * Fixture for 07-45537926dd2a-stale-fh.cocci: the error event handler of
 * a tree with clp_refresh_fh(fid, &fh) but no stale-handle filter (6.1).
 * Probes: HAVE_CLP_REFRESH_FH
 */
static void __zpci_event_error(struct zpci_ccdf_err *ccdf)
{
	struct zpci_dev *zdev = get_zdev_by_fid(ccdf->fid);
	struct pci_dev *pdev = NULL;
	pci_ers_result_t ers_res;

	if (zdev) {
		zpci_update_fh(zdev, ccdf->fh);
		if (zdev->zbus->bus)
			pdev = pci_get_slot(zdev->zbus->bus, zdev->devfn);
	}
	if (!pdev)
		goto no_pdev;
	ers_res = zpci_event_attempt_error_recovery(pdev);
	pci_dev_put(pdev);
no_pdev:
	zpci_zdev_put(zdev);
}
