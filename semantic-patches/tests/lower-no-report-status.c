/*
 * Fixture for lower-no-report-status.cocci: the recovery function of a
 * tree without zpci_report_status() as 10-9f240376d034-store-pci-error
 * leaves it, with the status assignment of the mediated-recovery block
 * that has no status_str to go to. Other assignments stay.
 */
static pci_ers_result_t zpci_event_attempt_error_recovery(struct pci_dev *pdev,
							  struct zpci_ccdf_err *ccdf)
{
	pci_ers_result_t ers_res = PCI_ERS_RESULT_DISCONNECT;
	bool mediated_recovery = false;
	struct pci_driver *driver;
	int rc;

	pci_dev_lock(pdev);
	driver = to_pci_driver(pdev->dev.driver);
	if (!is_driver_supported(driver))
		goto out_unlock;

	rc = zpci_store_pci_error(pdev, ccdf);
	if (!rc || rc == -ENOMEM)
		mediated_recovery = true;

	ers_res = zpci_event_notify_error_detected(pdev, driver);
	if (ers_result_indicates_abort(ers_res))
		goto out_unlock;

	if (mediated_recovery) {
		pr_info("%s: Leaving recovery of pass-through device to user-space\n",
			pci_name(pdev));
		ers_res = PCI_ERS_RESULT_RECOVERED;
		status_str = "in progress";
		goto out_unlock;
	}

	ers_res = zpci_event_do_reset(pdev, driver);
out_unlock:
	pci_dev_unlock(pdev);
	return ers_res;
}
