# Mutant: the zPCI hotplug slot offers no reset_slot: user space cannot reset the
# function after an error.
# File: drivers/pci/hotplug/s390_pci_hpc.c
# Fails: zpci_uapi.recover_reset
# Runs on: upstream
s{(\.reset_slot =\s+)reset_slot,}{${1}NULL,}
