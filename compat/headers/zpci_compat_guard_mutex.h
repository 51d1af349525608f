/* SPDX-License-Identifier: GPL-2.0 */
/*
 * zpci_compat_guard_mutex.h - the mutex guard class for a tree whose
 * <linux/cleanup.h> has no guard(mutex), private to the code the zpci
 * backport changes.
 *
 * Needed when: HAVE_CLEANUP_H && !HAVE_GUARD_MUTEX
 * Install: arch/s390/pci/zpci_compat_guard_mutex.h
 * Included by: arch/s390/pci/pci_event.c
 *
 * guard(mutex)(&m) takes m and releases it when the enclosing block is
 * left, by any path.
 */
#ifndef _ZPCI_COMPAT_GUARD_MUTEX_H
#define _ZPCI_COMPAT_GUARD_MUTEX_H

#include <linux/cleanup.h>
#include <linux/mutex.h>

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

#endif /* _ZPCI_COMPAT_GUARD_MUTEX_H */
