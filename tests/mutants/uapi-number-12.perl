# Mutant: VFIO_DEVICE_FEATURE_ZPCI_ERROR numbered 12, as in v9-v12 of the
# posting, not 13 as merged.
# File: include/uapi/linux/vfio.h
# Fails: zpci_uapi.feature_probe
# Runs on: targets
s{(#define VFIO_DEVICE_FEATURE_ZPCI_ERROR)\s+13\b}{$1 12}
