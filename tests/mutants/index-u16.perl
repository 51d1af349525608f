# Mutant: the queue indices are u16: they no longer wrap at 256.
# File: arch/s390/include/asm/pci.h
# Fails: zpci_error_store.zpci_store_index_wrap
# Runs on: upstream
s{\tu8 head;\n\tu8 tail;}{\tu16 head;\n\tu16 tail;}
