/* SPDX-License-Identifier: GPL-2.0 */
/*
 * zpci_compat_cleanup.h - scope-based lock guards for a tree without
 * <linux/cleanup.h>, private to the code the zpci backport changes.
 *
 * Needed when: !HAVE_CLEANUP_H
 * Install: arch/s390/pci/zpci_compat_cleanup.h
 * Included by: arch/s390/pci/pci_event.c
 *
 * Provides CLASS(), DEFINE_CLASS(), DEFINE_GUARD(), guard() and
 * scoped_guard() with the meaning they have upstream, built on GCC's
 * cleanup attribute, and the mutex guard class the backport uses:
 * guard(mutex)(&m) takes m and releases it when the enclosing block is
 * left, by any path. Everything here is plain gnu89: guard() expands to a
 * declaration, so it must stand where a declaration may (before the
 * first statement of its block). scoped_guard() declares its variable in
 * a for statement, which gnu89 rejects: code meant for such a tree has its
 * scoped_guard() lowered into explicit lock and unlock first
 * (semantic-patches/lower-scoped-guard.cocci).
 */
#ifndef _ZPCI_COMPAT_CLEANUP_H
#define _ZPCI_COMPAT_CLEANUP_H

#include <linux/compiler.h>
#include <linux/mutex.h>

/*
 * DEFINE_CLASS(name, type, exit, init, init_args...) - a type whose
 * instances run @exit (with the value as _T) when they go out of scope.
 * @init builds the value from @init_args.
 */
#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)	\
typedef _type class_##_name##_t;					\
static inline void class_##_name##_destructor(_type *p)		\
{									\
	_type _T = *p;							\
	_exit;								\
}									\
static inline _type class_##_name##_constructor(_init_args)		\
{									\
	_type t = _init;						\
	return t;							\
}

/* CLASS(name, var)(args) - declare @var of class @name, built from @args. */
#define CLASS(_name, var)						\
	class_##_name##_t var						\
	__attribute__((__cleanup__(class_##_name##_destructor))) =	\
		class_##_name##_constructor

/*
 * DEFINE_GUARD(name, type, lock, unlock) - a class holding a lock
 * pointer: @lock runs on construction, @unlock at scope exit.
 */
#define DEFINE_GUARD(_name, _type, _lock, _unlock)			\
	DEFINE_CLASS(_name, _type, if (_T) { _unlock; },		\
		     ({ _lock; _T; }), _type _T)

/* guard(name)(args) - hold the lock until the end of the block. */
#define guard(_name)							\
	CLASS(_name, __UNIQUE_ID(guard))

/* scoped_guard(name, args) stmt - hold the lock for @stmt only (C99). */
#define scoped_guard(_name, args...)					\
	for (CLASS(_name, scope)(args), *__done = NULL;			\
	     !__done; __done = (void *)1)

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

#endif /* _ZPCI_COMPAT_CLEANUP_H */
