/// Mutant: a lock-free fast path in zpci_get_pending_error() that reads
/// zdev->pending_errs.count before taking pending_errs_lock.
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
