/// R1: pending_errs_lock is a leaf lock (backport/DESIGN.md §4). While it is
/// held nothing else is acquired (any lock, guard() or scoped_guard() of one,
/// the device locks), and none of these is called: pci_get_slot(),
/// pci_get_domain_bus_and_slot(), pci_walk_bus() (they take pci_bus_sem), the
/// user copies, a driver's err_handler callbacks, the KVM register hooks.
/// A call to a function of the checked files that does any of it, directly
/// or through its own callees, counts too; the message names the chain.
/// Taking pending_errs_lock itself again is rule R4's.
//
// Upstream: 9f240376d034 (the pending_errs_lock design it checks)
// Needed when: always (the static gate runs it on every kernel)
// Confidence: Moderate
// Options: --no-includes
// Kind: check (report mode; backport/gates/static/static.sh runs it on the files a series
//   touches, all in one spatch run, from the root of the patched tree)
//
// Output: one line per finding, "file:line:col: R1: message", sorted.
// The lock is held after mutex_lock(&E->pending_errs_lock) until
// mutex_unlock() on each path, inside the block that a
// guard(mutex)(&E->pending_errs_lock) is declared in (from the guard on),
// and inside the body of scoped_guard(mutex, &E->pending_errs_lock), so the
// rule reads guard()-style and explicitly locked code alike.

virtual report

#include "lock-model.cocci"
#include "lock-held.cocci"

@finalize:python@
@@
def held_at(f, l, c):
    return (f, l, c) in held or in_guard(f, l, c, pending_guard)

def why(entry):
    kind, a, b = entry
    if kind == "acquire":
        return "takes pending_errs_lock again" if a == "pending" else "takes %s" % b
    if kind == "call" and a in FORBIDDEN:
        return "calls %s() (%s)" % (a, FORBIDDEN[a])
    if kind == "member" and "err_handler" in a:
        return "calls the driver's err_handler->%s()" % b
    if kind == "member" and b in ("kvm_register", "kvm_unregister"):
        return "calls the KVM hook %s()" % b
    return None

def report(f, l, c, msg):
    out.append((f, l, c, msg))

for (f, fn, g, args, l, c) in calls:
    if not held_at(f, l, c) or g == "guard":
        continue
    if g in FORBIDDEN:
        report(f, l, c, "%s() called with pending_errs_lock held (%s)" % (g, FORBIDDEN[g]))
    elif ACQUIRE.match(g) and not NOT_ACQUIRE.search(g):
        if not is_pending(args):
            report(f, l, c, "%s(%s) takes another lock while pending_errs_lock is held"
                   % (g, norm(args)))
    elif g != fn and g in defined():
        chain = reaches(g, why)
        if chain:
            report(f, l, c, "%s() called with pending_errs_lock held: %s %s"
                   % (g, " -> ".join("%s()" % x for x in chain[:-1]), chain[-1]))
for (f, fn, base, m, l, c) in mcalls:
    if held_at(f, l, c):
        d = why(("member", norm(base), m))
        if d:
            report(f, l, c, "pending_errs_lock held where %s() %s" % (fn, d))
for (f, fn, cls, args, l, c) in guards:
    if held_at(f, l, c) and not pending_guard(cls, args) and cls not in NOT_LOCK_GUARDS:
        report(f, l, c, "guard(%s)(%s) takes another lock while pending_errs_lock is held"
               % (cls, norm(args)))
for (f, fn, cls, args, (l, c), bs, be) in scoped:
    if held_at(f, l, c) and not pending_guard(cls, args) and cls not in NOT_LOCK_GUARDS:
        report(f, l, c, "scoped_guard(%s, %s) takes another lock while pending_errs_lock is held"
               % (cls, norm(args)))
for (f, l, c, msg) in sorted(set(out)):
    print("%s:%d:%d: R1: %s" % (f, l, c + 1, msg))
