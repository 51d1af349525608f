/// The places the lock model sees pending_errs_lock held on some path
/// after mutex_lock() (rules R1, R2 and R4 read them; R3 reads the
/// places without the lock instead).
//
// Upstream: 9f240376d034 (the pending_errs_lock design it models)
// Confidence: Moderate
// Options: --no-includes
// Needed when: always (included by the check rules)
// Kind: library (included by check-r1, check-r2 and check-r4 after lock-model.cocci)


@held_calls depends on report exists@
expression E, E1, E2;
identifier g;
position pc;
@@
mutex_lock(&E->pending_errs_lock);
... when != mutex_unlock(&E1->pending_errs_lock)
    when any
(
g@pc(...)
|
E2->g@pc(...)
|
E2.g@pc(...)
)

@script:python depends on report@
pc << held_calls.pc;
@@
for q in pc:
    held.add(at(q))

@held_scopes depends on report exists@
expression E, E1;
iterator name scoped_guard;
statement S;
position pc;
@@
mutex_lock(&E->pending_errs_lock);
... when != mutex_unlock(&E1->pending_errs_lock)
    when any
scoped_guard@pc(...) S

@script:python depends on report@
pc << held_scopes.pc;
@@
for q in pc:
    held.add(at(q))
