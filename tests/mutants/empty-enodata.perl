# Mutant: zpci_get_pending_error() says -ENODATA, not -ENOMSG, on an empty queue.
# File: arch/s390/pci/pci_event.c
# Fails: zpci_error_store.zpci_store_empty zpci_uapi.feature_empty
# Runs on: upstream
s{(\tif \(!zdev->pending_errs\.count\)\n\t\treturn) -ENOMSG;}{$1 -ENODATA;}
