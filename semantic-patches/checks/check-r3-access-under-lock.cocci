/// R3: every access to zdev->pending_errs happens with pending_errs_lock
/// held (backport/DESIGN.md §4). The one exception is zpci_create_device(),
/// which fills in the device before it is published. A function that starts
/// with lockdep_assert_held(&E->pending_errs_lock) counts as holding it.
//
// Upstream: 9f240376d034 (the pending_errs_lock design it checks)
// Needed when: always (the static gate runs it on every kernel)
// Confidence: Moderate
// Options: --no-includes
// Kind: check (report mode; backport/gates/static/static.sh runs it on the files a series
//   touches, all in one spatch run, from the root of the patched tree)
//
// Output: one line per finding, "file:line:col: R3: message", sorted.
// The lock is held after mutex_lock(&E->pending_errs_lock) until
// mutex_unlock() on each path, inside the block that a
// guard(mutex)(&E->pending_errs_lock) is declared in (from the guard on),
// and inside the body of scoped_guard(mutex, &E->pending_errs_lock), so the
// rule reads guard()-style and explicitly locked code alike.

virtual report

#include "lock-model.cocci"

@unheld_entry depends on report exists@
identifier fn;
expression E, E1;
position p;
@@
fn(...) {
... when != mutex_lock(&E1->pending_errs_lock)
    when != lockdep_assert_held(&E1->pending_errs_lock)
    when any
\(E->pending_errs@p\|E.pending_errs@p\)
... when any
}

@script:python depends on report@
E << unheld_entry.E;
p << unheld_entry.p;
@@
for q in p:
    unheld.append(at(q) + (norm(E), q.current_element))

@unheld_after depends on report exists@
expression E, E1, E2;
position p;
@@
mutex_unlock(&E1->pending_errs_lock);
... when != mutex_lock(&E2->pending_errs_lock)
    when any
\(E->pending_errs@p\|E.pending_errs@p\)

@script:python depends on report@
E << unheld_after.E;
p << unheld_after.p;
@@
for q in p:
    unheld.append(at(q) + (norm(E), q.current_element))

@finalize:python@
@@
# zpci_create_device() fills in the device before it is published.
INIT = ("zpci_create_device",)
for (f, l, c, e, fn) in unheld:
    if fn in INIT or in_guard(f, l, c, pending_guard):
        continue
    out.append((f, l, c, "%s->pending_errs accessed in %s() without pending_errs_lock held"
                % (e, fn)))
for (f, l, c, msg) in sorted(set(out)):
    print("%s:%d:%d: R3: %s" % (f, l, c + 1, msg))
