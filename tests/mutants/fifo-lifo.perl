# Mutant: zpci_get_pending_error() hands out the newest error first.
# File: arch/s390/pci/pci_event.c
# Fails: zpci_error_store.zpci_store_fifo_order zpci_uapi.feature_get_fifo
# Runs on: upstream
s{head = zdev->pending_errs\.head % ZPCI_ERR_PENDING_MAX;}{head = (zdev->pending_errs.tail - 1) % ZPCI_ERR_PENDING_MAX;}
