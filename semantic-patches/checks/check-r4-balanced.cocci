/// R4: pending_errs_lock is balanced on every path (backport/DESIGN.md §4),
/// which matters most where guard() or scoped_guard() was lowered to explicit
/// lock and unlock. Reported: a return (or the end of the function) reached
/// with the lock taken by mutex_lock() still held; a mutex_unlock() reached
/// on some path where the lock is not held (a second unlock), or inside a
/// guard() scope, which releases it once more; the lock taken again while it
/// is held.
//
// Upstream: 9f240376d034 (the pending_errs_lock design it checks)
// Needed when: always (the static gate runs it on every kernel)
// Confidence: Moderate
// Options: --no-includes
// Kind: check (report mode; backport/gates/static/static.sh runs it on the files a series
//   touches, all in one spatch run, from the root of the patched tree)
//
// Output: one line per finding, "file:line:col: R4: message", sorted.
// The lock is held after mutex_lock(&E->pending_errs_lock) until
// mutex_unlock() on each path, inside the block that a
// guard(mutex)(&E->pending_errs_lock) is declared in (from the guard on),
// and inside the body of scoped_guard(mutex, &E->pending_errs_lock), so the
// rule reads guard()-style and explicitly locked code alike.

virtual report

#include "lock-model.cocci"
#include "lock-held.cocci"

@leak depends on report exists@
expression E, E1;
position pl, pr;
@@
mutex_lock@pl(&E->pending_errs_lock);
... when != mutex_unlock(&E1->pending_errs_lock)
return@pr ...;

@script:python depends on report@
pl << leak.pl;
pr << leak.pr;
@@
for q in pr:
    leaks.add(at(q) + (int(pl[0].line), q.current_element))

@unlock_entry depends on report exists@
identifier fn;
expression E, E1;
position pu;
@@
fn(...) {
... when != mutex_lock(&E1->pending_errs_lock)
    when != lockdep_assert_held(&E1->pending_errs_lock)
    when any
mutex_unlock@pu(&E->pending_errs_lock);
... when any
}

@script:python depends on report@
pu << unlock_entry.pu;
@@
for q in pu:
    free_unlocks.add(at(q) + (q.current_element,))

@unlock_twice depends on report exists@
expression E, E1, E2;
position pu;
@@
mutex_unlock(&E1->pending_errs_lock);
... when != mutex_lock(&E2->pending_errs_lock)
mutex_unlock@pu(&E->pending_errs_lock);

@script:python depends on report@
pu << unlock_twice.pu;
@@
for q in pu:
    free_unlocks.add(at(q) + (q.current_element,))

@finalize:python@
@@
def held_at(f, l, c):
    return (f, l, c) in held or in_guard(f, l, c, pending_guard)

for (f, l, c, taken, fn) in leaks:
    out.append((f, l, c, "%s() returns with pending_errs_lock held (taken at line %d)"
                % (fn, taken)))
for (f, l, c, fn) in free_unlocks:
    if in_guard(f, l, c, pending_guard):
        out.append((f, l, c, "mutex_unlock() of pending_errs_lock inside a guard() scope "
                    "in %s(): the guard releases it again at the end of the scope" % fn))
    else:
        out.append((f, l, c, "mutex_unlock() of pending_errs_lock in %s() where it is "
                    "not held on some path" % fn))
for (f, fn, g, args, l, c) in calls:
    if (ACQUIRE.match(g) and not NOT_ACQUIRE.search(g) and is_pending(args)
            and held_at(f, l, c)):
        out.append((f, l, c, "%s(%s) in %s() while it is already held (self-deadlock)"
                    % (g, norm(args), fn)))
for (f, fn, cls, args, l, c) in guards:
    if pending_guard(cls, args) and held_at(f, l, c):
        out.append((f, l, c, "guard(%s)(%s) in %s() while it is already held (self-deadlock)"
                    % (cls, norm(args), fn)))
for (f, fn, cls, args, (l, c), bs, be) in scoped:
    if pending_guard(cls, args) and held_at(f, l, c):
        out.append((f, l, c, "scoped_guard(%s, %s) in %s() while it is already held "
                    "(self-deadlock)" % (cls, norm(args), fn)))
for (f, l, c, msg) in sorted(set(out)):
    print("%s:%d:%d: R4: %s" % (f, l, c + 1, msg))
