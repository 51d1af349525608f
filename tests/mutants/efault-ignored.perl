# Mutant: a failed copy to user space is reported as success.
# File: drivers/vfio/pci/vfio_pci_zdev.c
# Fails: vfio_zpci_error_feature.zpci_feature_bad_pointer zpci_uapi.feature_bad_pointer
# Runs on: upstream
s{(zdev->fid\);\n\t\treturn) -EFAULT;}{$1 0;}
