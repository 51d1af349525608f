# Mutant: the feature accepts a GET with no room for data.
# File: drivers/vfio/pci/vfio_pci_zdev.c
# Fails: vfio_zpci_error_feature.zpci_feature_data_zero zpci_uapi.feature_argsz_and_data_zero
# Runs on: upstream
s{\tif \(!err\.data\)\n\t\treturn -EINVAL;\n\n}{}
