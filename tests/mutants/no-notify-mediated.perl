# Mutant: the error handler skips the driver's error_detected() in mediated
# recovery, so vfio-pci never signals the error eventfd.
# File: arch/s390/pci/pci_event.c
# Fails: zpci_uapi.eventfd_signalled
# Runs on: upstream
s{ers_res = zpci_event_notify_error_detected\(pdev, driver\);}{ers_res = mediated_recovery ? PCI_ERS_RESULT_CAN_RECOVER :\n\t\t  zpci_event_notify_error_detected(pdev, driver);}
