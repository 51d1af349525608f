/// The lock model the static gate's rules R1-R4 share (backport/DESIGN.md
/// §4): which calls acquire a lock (by name, guard() and scoped_guard()
/// included), which of them take pending_errs_lock or a device lock, which
/// calls R1 forbids while pending_errs_lock is held, and the facts every
/// rule reads: each call, member call, guard() and scoped_guard() of the
/// files checked, with its function and position.
//
// Upstream: 9f240376d034 (the pending_errs_lock design it models)
// Confidence: Moderate
// Options: --no-includes
// Needed when: always (included by the check rules)
// Kind: library (included by check-r1..r4-*.cocci; backport/generate/cocci-expand.sh
//   inlines it, as spatch looks for an included file only in its working
//   directory)


@initialize:python@
@@
import re

LOCK = "pending_errs_lock"
# Calls that rule R1 forbids while the lock is held, with the reason.
FORBIDDEN = {
    "pci_get_slot": "takes pci_bus_sem",
    "pci_get_domain_bus_and_slot": "takes pci_bus_sem",
    "pci_walk_bus": "takes pci_bus_sem",
    "pci_walk_bus_locked": "walks the bus under pci_bus_sem",
    "copy_to_user": "may fault and sleep",
    "copy_from_user": "may fault and sleep",
    "__copy_to_user": "may fault and sleep",
    "__copy_from_user": "may fault and sleep",
    "copy_struct_from_user": "may fault and sleep",
    "get_user": "may fault and sleep",
    "put_user": "may fault and sleep",
    "__get_user": "may fault and sleep",
    "__put_user": "may fault and sleep",
    "clear_user": "may fault and sleep",
    "strncpy_from_user": "may fault and sleep",
    "memdup_user": "may fault and sleep",
    "vmemdup_user": "may fault and sleep",
}
ACQUIRE = re.compile(r"^(mutex_lock|mutex_trylock|rt_mutex_lock|spin_lock|spin_trylock"
                     r"|raw_spin_lock|raw_spin_trylock|read_lock|write_lock|down|down_read"
                     r"|down_write|device_lock|device_trylock|pci_dev_lock|pci_dev_trylock"
                     r"|pci_cfg_access_lock|pci_lock_rescan_remove)(_[a-z_]*)?$")
NOT_ACQUIRE = re.compile(r"_(init|assert|held|is_locked)$")
DEVICE_LOCKS = re.compile(r"^(device_lock|device_lock_interruptible|device_trylock"
                          r"|pci_dev_lock|pci_dev_trylock)$")
DEVICE_GUARDS = ("device", "pci_dev")
NOT_LOCK_GUARDS = ("rcu", "irq", "irqsave", "preempt", "preempt_notrace", "migrate",
                   "srcu", "rcu_tasks_trace", "disable_irq", "local_irq_save")

calls = []    # (file, fn, callee, args, line, col)
mcalls = []   # (file, fn, base, member, line, col)
guards = []   # (file, fn, class, args, line, col)
scoped = []   # (file, fn, class, args, (line, col), (body start), (body end))
out = []      # (file, line, col, message) to print
held = set()  # positions reached with pending_errs_lock taken by mutex_lock()
dev_free = set()      # positions reached without a device lock (R2)
unheld = []           # pending_errs accesses reached without the lock (R3)
leaks = set()         # returns reached with the lock held (R4)
free_unlocks = set()  # unlocks reached without the lock (R4)

def norm(s):
    return re.sub(r"\s+", "", str(s))

def is_pending(args):
    return norm(args).endswith("->" + LOCK) or norm(args).endswith("." + LOCK)

def at(p):
    return (p.file, int(p.line), int(p.column))

SLASH, STAR = chr(47), chr(42)   # spelled out: SmPL would take them for a comment
_src = {}
def source(f):
    if f not in _src:
        with open(f, errors="replace") as fh:
            _src[f] = fh.read().split("\n")
    return _src[f]

def scope_end(f, line, col):
    """(line, col) of the '}' closing the block that holds (line, col)."""
    lines = source(f)
    depth, state, i, j = 0, None, line - 1, col
    while i < len(lines):
        s = lines[i]
        while j < len(s):
            c, two = s[j], s[j:j + 2]
            if state == "*":
                if two == STAR + SLASH:
                    state = None
                    j += 1
            elif state:
                if c == "\\":
                    j += 1
                elif c == state:
                    state = None
            elif two == SLASH + STAR:
                state = "*"
                j += 1
            elif two == SLASH + SLASH:
                break
            elif c in "\"'":
                state = c
            elif c == "{":
                depth += 1
            elif c == "}":
                if depth == 0:
                    return (i + 1, j)
                depth -= 1
            j += 1
        i, j = i + 1, 0
    return (len(lines), 0)

def in_guard(f, line, col, want):
    """Inside the scope of a guard() or scoped_guard() for which want(class, args)."""
    for (gf, fn, cls, args, gl, gc) in guards:
        if gf == f and want(cls, args) and (gl, gc) < (line, col) <= scope_end(gf, gl, gc):
            return True
    for (sf, fn, cls, args, hp, bs, be) in scoped:
        if sf == f and want(cls, args) and bs <= (line, col) <= be:
            return True
    return False

def pending_guard(cls, args):
    return cls == "mutex" and is_pending(args)

def device_guard(cls, args):
    return cls in DEVICE_GUARDS

def acquisitions(f, fn):
    """What function fn of file f takes directly: [(kind, text, line, col)],
    kind "pending", "device" or "other"."""
    res = []
    for (cf, cfn, g, args, l, c) in calls:
        if cfn != fn or cf != f or not ACQUIRE.match(g) or NOT_ACQUIRE.search(g):
            continue
        kind = "pending" if is_pending(args) else (
            "device" if DEVICE_LOCKS.match(g) else "other")
        res.append((kind, "%s(%s)" % (g, norm(args)), l, c))
    for (gf, gfn, cls, args, l, c) in guards:
        if gfn == fn and gf == f and cls not in NOT_LOCK_GUARDS:
            kind = "pending" if pending_guard(cls, args) else (
                "device" if cls in DEVICE_GUARDS else "other")
            res.append((kind, "guard(%s)(%s)" % (cls, norm(args)), l, c))
    for (sf, sfn, cls, args, (l, c), bs, be) in scoped:
        if sfn == fn and sf == f and cls not in NOT_LOCK_GUARDS:
            kind = "pending" if pending_guard(cls, args) else (
                "device" if cls in DEVICE_GUARDS else "other")
            res.append((kind, "scoped_guard(%s, %s)" % (cls, norm(args)), l, c))
    return res

_defined = []
def defined():
    """The functions of the files checked (those with a call or a guard)."""
    if not _defined:
        _defined.append(set(e[1] for e in calls + mcalls + guards + scoped))
    return _defined[0]

_memo = {}
def reaches(fn, pred, seen=None):
    """A chain [fn, ..., what] when fn (defined in the files checked) itself
    does something pred accepts, or calls a function that does; else None.
    pred(entry) gets ("call", name, args), ("member", base, name) or
    ("acquire", kind, text) and returns a description or None."""
    key = (fn, pred)
    if key in _memo:
        return _memo[key]
    seen = set() if seen is None else seen
    if fn in seen:
        return None
    seen.add(fn)
    found = None
    files = set(e[0] for e in calls + mcalls + guards + scoped if e[1] == fn)
    for f in sorted(files):
        for (kind, text, l, c) in sorted(acquisitions(f, fn), key=lambda a: (a[2], a[3])):
            d = pred(("acquire", kind, text))
            if d:
                found = [fn, d]
                break
        if found:
            break
        for (cf, cfn, b, m, l, c) in sorted(mcalls, key=lambda a: (a[4], a[5])):
            if cf == f and cfn == fn:
                d = pred(("member", norm(b), m))
                if d:
                    found = [fn, d]
                    break
        if found:
            break
        for (cf, cfn, g, a, l, c) in sorted(calls, key=lambda a: (a[4], a[5])):
            if cf != f or cfn != fn:
                continue
            d = pred(("call", g, a))
            if d:
                found = [fn, d]
                break
            if g != fn and g in defined():
                sub = reaches(g, pred, seen)
                if sub:
                    found = [fn] + sub
                    break
        if found:
            break
    _memo[key] = found
    return found

@calls depends on report@
identifier g;
expression list es;
position p;
@@
g@p(es)

@script:python depends on report@
g << calls.g;
es << calls.es;
p << calls.p;
@@
for q in p:
    calls.append((q.file, q.current_element, g, es, int(q.line), int(q.column)))

@members depends on report@
identifier h;
expression E;
position p;
@@
\(E->h@p(...)\|E.h@p(...)\)

@script:python depends on report@
h << members.h;
E << members.E;
p << members.p;
@@
for q in p:
    mcalls.append((q.file, q.current_element, E, h, int(q.line), int(q.column)))

@guarded depends on report@
identifier T;
expression list es;
position p;
@@
guard@p(T)(es)

@script:python depends on report@
T << guarded.T;
es << guarded.es;
p << guarded.p;
@@
for q in p:
    guards.append((q.file, q.current_element, T, es, int(q.line), int(q.column)))

@scopes depends on report@
identifier fn, T;
expression list es;
iterator name scoped_guard;
statement S;
position p, ps;
@@
fn(...) { <+... scoped_guard@p(T, es) S@ps ...+> }

@script:python depends on report@
T << scopes.T;
es << scopes.es;
p << scopes.p;
ps << scopes.ps;
@@
for (q, b) in zip(p, ps):
    scoped.append((q.file, q.current_element, T, es, (int(q.line), int(q.column)),
                   (int(b.line), int(b.column)), (int(b.line_end), int(b.column_end))))
