/*
 * Variant fixture for 10-9f240376d034-store-pci-error.cocci: a recovery
 * function without a zdev local, so the flag goes after the ers local
 * (rule recover_decl_nozdev instead of recover_decl). Nothing else of the
 * feature is here, so every other rule stays at 0 apart from the ones that
 * edit this function.
 * Probes: HAVE_ZPCI_EVENT_RECOVERY HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE
 */
static pci_ers_result_t zpci_event_attempt_error_recovery(struct pci_dev *pdev)
{
	pci_ers_result_t ers = PCI_ERS_RESULT_DISCONNECT;
	char *status_str = "success";
	struct pci_driver *driver;

	if (!pci_dev_trylock(pdev))
		return ers;
	if (is_passed_through(pdev))
		goto out_unlock;

	driver = to_pci_driver(pdev->dev.driver);
	ers = zpci_event_notify_error_detected(pdev, driver);
	if (ers_result_indicates_abort(ers))
		goto out_unlock;

	ers = zpci_event_do_reset(pdev, driver);
out_unlock:
	pci_dev_unlock(pdev);
	pr_info("%s: recovery %s\n", pci_name(pdev), status_str);
	return ers;
}
