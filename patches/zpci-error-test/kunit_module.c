// SPDX-License-Identifier: GPL-2.0
/*
 * zpci_error_kunit - the test module of the zpci-backport runtime gate,
 * never for production kernels: it runs the KUnit suites zpci_error_store
 * (exported by the s390 PCI core, arch/s390/pci/zpci_error_test.c) and
 * vfio_zpci_error_feature (exported by the vfio-pci module that holds the
 * zdev code) when it is loaded. The runtime gate's init loads it after
 * vfio-pci has bound the zPCI function, as a distro kernel would load
 * modules: KVM, vfio and vfio-pci are modules there too.
 */
#include <kunit/test.h>
#include <linux/module.h>
#include <asm/zpci_error_test.h>

kunit_test_suites(&zpci_store_test_suite, &zpci_feature_test_suite);

MODULE_DESCRIPTION("zpci-backport runtime gate: KUnit suites of the PCI error store (test only)");
MODULE_LICENSE("GPL");
