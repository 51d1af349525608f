/// Lower guard(mutex)(&E->pending_errs_lock) and
/// scoped_guard(mutex, &E->pending_errs_lock) to explicit mutex_lock() and
/// mutex_unlock() of the same lock on every exit of the guarded scope: each
/// return in it, each goto out of a scoped_guard() body, and the end of the
/// scope when control can reach it. A return whose value is not a constant
/// or a plain identifier is evaluated into a local before the unlock, so the
/// value is still read under the lock. Guards of other locks stay as they are.
/// The static gate applies this to a check-only copy, so that sparse sees
/// the lock (backport/gates/static/instrument.sh).
///
/// Not handled: a goto, break or continue that leaves a guard() declared in
/// a nested block, and a break or continue in a scoped_guard() body. Such an
/// exit keeps no unlock, so sparse then reports an imbalance: the check
/// fails closed.
//
// Upstream: 9f240376d034 (the pending_errs_lock design it checks)
// Needed when: always (the static gate runs it on every kernel)
// Confidence: High
// Options: --no-includes --max-width 1000
// Kind: check-only lowering (the static gate)

virtual patch

@scope depends on patch@
expression E;
symbol mutex;
@@
{
  ... when any
- guard(mutex)(&E->pending_errs_lock);
+ zpci_lowered_lock(&E->pending_errs_lock);
  ... when any
+ zpci_lowered_unlock(&E->pending_errs_lock);
}

@scoped depends on patch@
expression E;
iterator name scoped_guard;
statement S;
statement list SL;
@@
(
- scoped_guard(mutex, &E->pending_errs_lock)
  {
+ zpci_lowered_scoped_lock(&E->pending_errs_lock);
  SL
+ zpci_lowered_scoped_unlock(&E->pending_errs_lock);
  }
|
- scoped_guard(mutex, &E->pending_errs_lock)
+ zpci_lowered_scoped_lock(&E->pending_errs_lock);
  S
+ zpci_lowered_scoped_unlock(&E->pending_errs_lock);
)

@jumps depends on patch exists@
expression E;
identifier l;
@@
  zpci_lowered_scoped_lock(&E->pending_errs_lock);
  ... when != zpci_lowered_scoped_unlock(&E->pending_errs_lock)
+ zpci_lowered_jump(&E->pending_errs_lock);
  goto l;

@exits depends on patch exists@
expression E;
@@
  zpci_lowered_lock(&E->pending_errs_lock);
  ... when != zpci_lowered_unlock(&E->pending_errs_lock)
+ zpci_lowered_exit(&E->pending_errs_lock);
  return ...;

@scoped_exits depends on patch exists@
expression E;
@@
  zpci_lowered_scoped_lock(&E->pending_errs_lock);
  ... when != zpci_lowered_scoped_unlock(&E->pending_errs_lock)
      when != zpci_lowered_jump(&E->pending_errs_lock)
+ zpci_lowered_exit(&E->pending_errs_lock);
  return ...;

@values depends on patch@
expression E, R;
constant C;
identifier I;
@@
(
  zpci_lowered_exit(&E->pending_errs_lock);
  return;
|
  zpci_lowered_exit(&E->pending_errs_lock);
  return \(C\|-C\|I\|-I\);
|
- zpci_lowered_exit(&E->pending_errs_lock);
- return R;
+ {
+ typeof(R) zpci_lowered_ret = R;
+ mutex_unlock(&E->pending_errs_lock);
+ return zpci_lowered_ret;
+ }
)

@reached depends on patch exists@
expression E;
position p;
@@
(
  zpci_lowered_lock(&E->pending_errs_lock);
  ...
  zpci_lowered_unlock@p(&E->pending_errs_lock);
|
  zpci_lowered_scoped_lock(&E->pending_errs_lock);
  ...
  zpci_lowered_scoped_unlock@p(&E->pending_errs_lock);
)

@depends on patch@
expression E;
position p != reached.p;
@@
(
- zpci_lowered_unlock@p(&E->pending_errs_lock);
|
- zpci_lowered_scoped_unlock@p(&E->pending_errs_lock);
)

@depends on patch@
expression E;
@@
(
- zpci_lowered_lock(&E->pending_errs_lock);
+ mutex_lock(&E->pending_errs_lock);
|
- zpci_lowered_scoped_lock(&E->pending_errs_lock);
+ mutex_lock(&E->pending_errs_lock);
|
- zpci_lowered_unlock(&E->pending_errs_lock);
+ mutex_unlock(&E->pending_errs_lock);
|
- zpci_lowered_scoped_unlock(&E->pending_errs_lock);
+ mutex_unlock(&E->pending_errs_lock);
|
- zpci_lowered_jump(&E->pending_errs_lock);
+ mutex_unlock(&E->pending_errs_lock);
|
- zpci_lowered_exit(&E->pending_errs_lock);
+ mutex_unlock(&E->pending_errs_lock);
)
