/// Lower scoped_guard(mutex, L) into explicit mutex_lock()/mutex_unlock()
/// for a tree that builds with -std=gnu89, where scoped_guard()'s
/// declaration in a for statement does not compile: the guarded statement
/// becomes a block that takes L first and releases it on every way out,
/// before each return and goto that leaves it and at its end.
///
/// Upstream 7.3's series holds no scoped_guard() (its helpers use guard(),
/// which the compat header supports on such trees), so on the series this
/// rule changes nothing; its count says so, and an upstream change that
/// brought one in would be lowered and reported.
//
// Confidence: Moderate
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose code it lowers)
// Needed when: !HAVE_SCOPED_GUARD
// Files: arch/s390/pci/pci_event.c

virtual patch

// Expect: scoped 0 arch/s390/pci/pci_event.c
@scoped depends on patch@
iterator name scoped_guard;
expression L;
statement S;
position p;
@@
- scoped_guard@p(mutex, L) S
+ {
+ mutex_lock(L);
+ S
+ mutex_unlock(L);
+ }

// Every exit from the new block that skips its end releases the lock.
@exits depends on patch && scoped exists@
expression scoped.L;
identifier lbl;
@@
 mutex_lock(L);
 ... when != mutex_unlock(L)
(
+ mutex_unlock(L);
  return ...;
|
+ mutex_unlock(L);
  goto lbl;
)
