/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the zpci-backport test hooks in the s390 PCI core export to the
 * test code in modules, test only. The test patch puts this header into
 * the s390 asm headers, as <asm/zpci_error_test.h>.
 */
#ifndef _ASM_S390_ZPCI_ERROR_TEST_H
#define _ASM_S390_ZPCI_ERROR_TEST_H

#include <kunit/test.h>

struct zpci_ccdf_err;

/* The KUnit suites; zpci_error_kunit.ko runs them when it is loaded. */
extern struct kunit_suite zpci_store_test_suite;
extern struct kunit_suite zpci_feature_test_suite;

int zpci_test_kthread_mm(void);
void zpci_test_event_error(struct zpci_ccdf_err *ccdf);

#endif /* _ASM_S390_ZPCI_ERROR_TEST_H */
