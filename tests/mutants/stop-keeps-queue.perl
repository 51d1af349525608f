# Mutant: zpci_stop_mediated_recovery() leaves the queued errors behind.
# File: arch/s390/pci/pci_event.c
# Fails: zpci_error_store.zpci_store_stop_clears zpci_uapi.close_clears zpci_uapi.reload_store_cleared
# Runs on: upstream
s{\tmemset\(&zdev->pending_errs, 0, sizeof\(struct zpci_ccdf_pending\)\);\n}{}
