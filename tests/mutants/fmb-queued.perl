# Mutant: an FMB event (PEC 0x002c) is queued for user space.
# File: arch/s390/pci/pci_event.c
# Fails: zpci_uapi.event_fmb_ignored
# Runs on: upstream
s{(\tcase 0x002c:\n)(\t\tbreak;)}{$1\t\tzpci_store_pci_error(pdev, ccdf);\n$2}
