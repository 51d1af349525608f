# Mutant: the dispatch on the PCI event code is dropped: every event attempts
# recovery.
# File: arch/s390/pci/pci_event.c
# Fails: zpci_uapi.event_fmb_ignored zpci_uapi.event_perm_failure
# Runs on: upstream
s{\tswitch \(ccdf->pec\) \{\n.*?\tdefault: [^\n]*\n(.*?)\t\tbreak;\n\t\}\n}{$1}s
