# Mutant: the zPCI base capability keeps version 2, which has no flag saying the
# feature exists.
# File: drivers/vfio/pci/vfio_pci_zdev.c
# Fails: vfio_zpci_error_feature.zpci_feature_base_cap zpci_uapi.zpci_base_cap
# Runs on: upstream
s{(\.header\.id = VFIO_DEVICE_INFO_CAP_ZPCI_BASE,\n\t\t\.header\.version =) 3,}{$1 2,}
