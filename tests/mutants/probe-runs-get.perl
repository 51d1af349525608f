# Mutant: the feature's PROBE goes on to GET: it consumes an error.
# File: drivers/vfio/pci/vfio_pci_zdev.c
# Fails: vfio_zpci_error_feature.zpci_feature_probe zpci_uapi.feature_probe
# Runs on: upstream
s{(sizeof\(err\)\);\n\tif \(ret) != 1\)}{$1 < 0)}
