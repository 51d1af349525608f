# Mutant: the feature accepts VFIO_DEVICE_FEATURE_SET.
# File: drivers/vfio/pci/vfio_pci_zdev.c
# Fails: vfio_zpci_error_feature.zpci_feature_set_rejected zpci_uapi.feature_set_rejected
# Runs on: upstream
s{VFIO_DEVICE_FEATURE_GET,\n(\s*)sizeof\(err\)\);}{VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_SET,\n$1sizeof(err));}
