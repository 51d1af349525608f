/// R2: the event path takes the device lock (device_lock() or pci_dev_lock(),
/// or a guard of class device or pci_dev) before pending_errs_lock, never the
/// reverse (backport/DESIGN.md §4). Reported: (a) a device lock taken while
/// pending_errs_lock is held, directly or through a callee; (b) in a
/// function of the event path, one that takes a device lock and reaches a
/// driver's err_handler callback, pending_errs_lock taken (directly or
/// through a callee such as zpci_store_pci_error()) where the device lock is
/// not held.
//
// Upstream: 9f240376d034 (the pending_errs_lock design it checks)
// Needed when: always (the static gate runs it on every kernel)
// Confidence: Moderate
// Options: --no-includes
// Kind: check (report mode; backport/gates/static/static.sh runs it on the files a series
//   touches, all in one spatch run, from the root of the patched tree)
//
// Output: one line per finding, "file:line:col: R2: message", sorted.
// The lock is held after mutex_lock(&E->pending_errs_lock) until
// mutex_unlock() on each path, inside the block that a
// guard(mutex)(&E->pending_errs_lock) is declared in (from the guard on),
// and inside the body of scoped_guard(mutex, &E->pending_errs_lock), so the
// rule reads guard()-style and explicitly locked code alike.

virtual report

#include "lock-model.cocci"
#include "lock-held.cocci"

@devfn depends on report@
identifier fn;
expression E;
identifier dl = {device_lock, device_lock_interruptible, device_trylock,
                 pci_dev_lock, pci_dev_trylock};
identifier gc = {device, pci_dev};
@@
fn(...) { <+... \(dl(E)\|guard(gc)(E)\) ...+> }

@dev_free_entry depends on report exists@
identifier devfn.fn;
identifier g;
expression E1;
position p;
@@
fn(...) {
... when != device_lock(E1)
    when != pci_dev_lock(E1)
    when != device_lock_interruptible(E1)
    when != pci_dev_trylock(E1)
    when any
g@p(...)
... when any
}

@script:python depends on report@
p << dev_free_entry.p;
@@
for q in p:
    dev_free.add(at(q))

@dev_free_after depends on report exists@
identifier g;
expression E1, E2;
position p;
@@
\(device_unlock(E1);\|pci_dev_unlock(E1);\)
... when != device_lock(E2)
    when != pci_dev_lock(E2)
    when != device_lock_interruptible(E2)
    when != pci_dev_trylock(E2)
    when any
g@p(...)

@script:python depends on report@
p << dev_free_after.p;
@@
for q in p:
    dev_free.add(at(q))

@dev_free_scopes depends on report exists@
identifier devfn.fn;
expression E1;
iterator name scoped_guard;
statement S;
position p;
@@
fn(...) {
... when != device_lock(E1)
    when != pci_dev_lock(E1)
    when any
scoped_guard@p(...) S
... when any
}

@script:python depends on report@
p << dev_free_scopes.p;
@@
for q in p:
    dev_free.add(at(q))

@finalize:python@
@@
def held_at(f, l, c):
    return (f, l, c) in held or in_guard(f, l, c, pending_guard)

def device_free_at(f, l, c):
    return (f, l, c) in dev_free and not in_guard(f, l, c, device_guard)

def takes_device(entry):
    kind, a, b = entry
    return "takes the device lock (%s)" % b if kind == "acquire" and a == "device" else None

def takes_pending(entry):
    kind, a, b = entry
    return "takes pending_errs_lock" if kind == "acquire" and a == "pending" else None

def chain_text(chain):
    return " -> ".join("%s()" % x for x in chain[:-1]) + " " + chain[-1]

def notifies(entry):
    kind, a, b = entry
    return "calls err_handler->%s()" % b if kind == "member" and "err_handler" in a else None

ORDER = "the order is device lock, then pending_errs_lock"
# The event path: functions that take a device lock and tell the driver
# through its err_handler callbacks (directly or through their callees).
event_path = set()
for f in set(e[0] for e in calls + guards + scoped):
    for fn in defined():
        if any(k == "device" for (k, t, l, c) in acquisitions(f, fn)) and reaches(fn, notifies):
            event_path.add((f, fn))

# (a) A device lock taken while pending_errs_lock is held.
for (f, fn, g, args, l, c) in calls:
    if not held_at(f, l, c) or g == "guard":
        continue
    if DEVICE_LOCKS.match(g):
        out.append((f, l, c, "%s(%s) with pending_errs_lock held: %s"
                    % (g, norm(args), ORDER)))
    elif g != fn and g in defined():
        chain = reaches(g, takes_device)
        if chain:
            out.append((f, l, c, "%s() with pending_errs_lock held: %s; %s"
                        % (g, chain_text(chain), ORDER)))
for (f, fn, cls, args, l, c) in guards:
    if held_at(f, l, c) and cls in DEVICE_GUARDS:
        out.append((f, l, c, "guard(%s)(%s) with pending_errs_lock held: %s"
                    % (cls, norm(args), ORDER)))
for (f, fn, cls, args, (l, c), bs, be) in scoped:
    if held_at(f, l, c) and cls in DEVICE_GUARDS:
        out.append((f, l, c, "scoped_guard(%s, %s) with pending_errs_lock held: %s"
                    % (cls, norm(args), ORDER)))

# (b) In a function of the event path,
# pending_errs_lock taken where the device lock is not held.
for (f, fn, g, args, l, c) in calls:
    if (f, fn) not in event_path or not device_free_at(f, l, c) or g == "guard":
        continue
    if ACQUIRE.match(g) and not NOT_ACQUIRE.search(g) and is_pending(args):
        out.append((f, l, c, "%s(%s) without the device lock in %s(), which takes it: %s"
                    % (g, norm(args), fn, ORDER)))
    elif g != fn and g in defined():
        chain = reaches(g, takes_pending)
        if chain:
            out.append((f, l, c, "%s() without the device lock in %s(), which takes it: %s; %s"
                        % (g, fn, chain_text(chain), ORDER)))
for (f, fn, cls, args, l, c) in guards:
    if (f, fn) in event_path and device_free_at(f, l, c) and pending_guard(cls, args):
        out.append((f, l, c, "guard(%s)(%s) without the device lock in %s(), which takes it: %s"
                    % (cls, norm(args), fn, ORDER)))
for (f, fn, cls, args, (l, c), bs, be) in scoped:
    if (f, fn) in event_path and device_free_at(f, l, c) and pending_guard(cls, args):
        out.append((f, l, c, "scoped_guard(%s, %s) without the device lock in %s(), which takes it: %s"
                    % (cls, norm(args), fn, ORDER)))
for (f, l, c, msg) in sorted(set(out)):
    print("%s:%d:%d: R2: %s" % (f, l, c + 1, msg))
