# Mutant: zpci_store_pci_error() stores errors for a device no user recovers.
# File: arch/s390/pci/pci_event.c
# Fails: zpci_error_store.zpci_store_not_mediated
# Runs on: upstream
s{\tif \(!zdev->pending_errs\.mediated_recovery\)\n\t\treturn -EINVAL;\n}{}
