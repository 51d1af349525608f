# Mutant: the feature does not check argsz.
# File: drivers/vfio/pci/vfio_pci_zdev.c
# Fails: vfio_zpci_error_feature.zpci_feature_argsz_small
# Runs on: upstream
s{(VFIO_DEVICE_FEATURE_GET,\n\s*)sizeof\(err\)\);}{${1}0);}
