/*
 * Fixture for lower-no-recovery-attempt.cocci: upstream's dispatch on the
 * PCI event code, as lower-no-event-recovery.cocci puts it into a tree
 * without the host's recovery.
 */
static void __zpci_event_error(struct zpci_ccdf_err *ccdf)
{
	struct zpci_dev *zdev = get_zdev_by_fid(ccdf->fid);
	struct pci_dev *pdev = NULL;

	if (zdev)
		pdev = pci_get_slot(zdev->zbus->bus, zdev->devfn);
	if (!pdev)
		goto no_pdev;

	switch (ccdf->pec) {
	case 0x002a: /* Error event concerns FMB */
	case 0x002b:
	case 0x002c:
		break;
	case 0x0040: /* Service Action or Error Recovery Failed */
	case 0x003b:
		zpci_event_io_failure(pdev, pci_channel_io_perm_failure, ccdf);
		break;
	default: /* PCI function left in the error state attempt to recover */
		ers_res = zpci_event_attempt_error_recovery(pdev, ccdf);
		if (ers_res != PCI_ERS_RESULT_RECOVERED)
			zpci_event_io_failure(pdev, pci_channel_io_perm_failure, ccdf);
		break;
	}
	pci_dev_put(pdev);
no_pdev:
	zpci_zdev_put(zdev);
}
