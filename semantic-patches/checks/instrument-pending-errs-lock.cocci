/// Instrument a check-only copy for sparse's context checking of
/// pending_errs_lock (backport/gates/static/instrument.sh; never shipped):
/// - __context__(pending_errs_lock, 1) after each mutex_lock() of it and
///   __context__(pending_errs_lock, -1) before each mutex_unlock(), so sparse
///   counts the lock (run lower-guard.cocci first: guard() is invisible to
///   sparse);
/// - in each function that takes the lock, every call that rule R1 forbids
///   while it is held gets a call to zpci_r1_<callee>() just before it. The
///   caller declares each zpci_r1_* as
///   extern void zpci_r1_X(void) __attribute__((context(pending_errs_lock,-1,0)));
///   so sparse reports "context check failure" where one is reached with the
///   lock held. Forbidden: taking any lock (this one again included), the
///   PCI bus walks that take pci_bus_sem, the device locks, user copies, a
///   driver's err_handler callbacks and the KVM register hooks, plus the
///   functions named in the environment variable ZPCI_R1_EXTRA (blank
///   separated: the caller passes the functions that take the lock, so a
///   call to them under it is caught too).
/// With -D report it prints "ZPCI-TAKER <function>" for each function that
/// takes the lock, which is how the caller finds ZPCI_R1_EXTRA.
//
// Upstream: 9f240376d034 (the pending_errs_lock design it checks)
// Needed when: always (the static gate runs it on every kernel)
// Confidence: High
// Options: --no-includes --max-width 1000
// Kind: check-only instrumentation (the static gate)

virtual patch
virtual report

@initialize:python@
@@
import os
# Called as expressions: wrapped as (zpci_r1_f(), f(...)).
R1 = set("""
pci_get_slot pci_get_domain_bus_and_slot pci_walk_bus pci_walk_bus_locked
pci_lock_rescan_remove pci_cfg_access_lock
device_lock device_lock_interruptible device_trylock
pci_dev_lock pci_dev_trylock
copy_to_user copy_from_user __copy_to_user __copy_from_user
copy_struct_from_user get_user put_user __get_user __put_user clear_user
strncpy_from_user memdup_user vmemdup_user
mutex_lock mutex_lock_nested mutex_lock_interruptible mutex_lock_killable
mutex_lock_io mutex_trylock rt_mutex_lock
spin_lock spin_lock_irq spin_lock_bh spin_trylock raw_spin_lock
raw_spin_lock_irq read_lock read_lock_irq write_lock write_lock_irq
down down_interruptible down_killable down_trylock down_read
down_read_interruptible down_read_killable down_read_trylock down_write
down_write_killable down_write_trylock
""".split()) | set(os.environ.get("ZPCI_R1_EXTRA", "").split())
# Statement-like macros: a call statement before them.
R1_STMT = set("""
spin_lock_irqsave raw_spin_lock_irqsave read_lock_irqsave write_lock_irqsave
""".split())

@takers depends on report@
identifier fn;
expression E;
@@
fn(...) { <+... mutex_lock(&E->pending_errs_lock) ...+> }

@script:python depends on report@
fn << takers.fn;
@@
print("ZPCI-TAKER %s" % fn)

@ctx_lock depends on patch@
expression E;
@@
  mutex_lock(&E->pending_errs_lock);
+ __context__(pending_errs_lock, 1);

@ctx_unlock depends on patch@
expression E;
@@
+ __context__(pending_errs_lock, -1);
  mutex_unlock(&E->pending_errs_lock);

@holder depends on patch@
identifier fn;
expression E;
@@
fn(...) { <+... mutex_lock(&E->pending_errs_lock) ...+> }

@wrap depends on patch@
identifier holder.fn;
identifier f : script:python () { f in R1 };
expression list es;
fresh identifier chk = "zpci_r1_" ## f;
@@
fn(...) { <...
- f(es)
+ (chk(), f(es))
...> }

@wrap_stmt depends on patch@
identifier holder.fn;
identifier f : script:python () { f in R1_STMT };
expression list es;
fresh identifier chk = "zpci_r1_" ## f;
@@
fn(...) { <...
+ chk();
  f(es);
...> }

@wrap_member depends on patch@
identifier holder.fn;
expression E;
identifier h;
identifier k = {kvm_register, kvm_unregister};
expression list es;
@@
fn(...) { <...
(
- E->err_handler->h(es)
+ (zpci_r1_err_handler(), E->err_handler->h(es))
|
- E.k(es)
+ (zpci_r1_kvm_hook(), E.k(es))
|
- E->k(es)
+ (zpci_r1_kvm_hook(), E->k(es))
)
...> }
