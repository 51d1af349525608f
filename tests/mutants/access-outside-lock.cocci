/// Mutant: a lock-free fast path in zpci_get_pending_error() that reads
/// zdev->pending_errs.count before taking pending_errs_lock.
// Confidence: High (a test mutant of the static gate)
// Options: --no-includes
// Upstream: fa63a2e3f947 (the code it breaks)
// Needed when: always (a test mutant, never in a series)
// Breaks: R3
virtual patch

@guarded depends on patch@
identifier fn = zpci_get_pending_error;
expression Z;
symbol mutex;
@@
fn(...) {
  ...
+ if (!Z->pending_errs.count)
+	return -ENOMSG;
  guard(mutex)(&Z->pending_errs_lock);
  ...
}

@depends on patch && !guarded@
identifier fn = zpci_get_pending_error;
expression Z;
@@
fn(...) {
  ...
+ if (!Z->pending_errs.count)
+	return -ENOMSG;
  mutex_lock(&Z->pending_errs_lock);
  ...
}
