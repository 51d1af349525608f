# Mutant: zpci_get_pending_error() locks by hand and returns -ENOMSG with the lock
# held: the KUnit thread ends holding it, and the uAPI program then blocks on
# the lock until init gives up.
# File: arch/s390/pci/pci_event.c
# Fails: zpci_error_store.zpci_store_empty log.lockdep_held_at_task_exit boot.uapi_finished
# Runs on: targets
s{(int zpci_get_pending_error\(.*?\n\{\n.*?)guard\(mutex\)\(&zdev->pending_errs_lock\);(.*?)\treturn 0;\n\}}
 {$1mutex_lock(&zdev->pending_errs_lock);$2\tmutex_unlock(&zdev->pending_errs_lock);\n\treturn 0;\n\}}s
