# Mutant: GET copies two bytes less than a CCDF.
# File: drivers/vfio/pci/vfio_pci_zdev.c
# Fails: vfio_zpci_error_feature.zpci_feature_get zpci_uapi.feature_get_fifo
# Runs on: upstream
s{&ccdf, sizeof\(ccdf\)\)\)}{&ccdf, sizeof(ccdf) - 2))}
