/// Mutant: an explicit-lock lowering (tests/static-gate.sh runs
/// semantic-patches/checks/lower-guard.cocci first) that forgot the unlock on one
/// path: zpci_get_pending_error() jumps from its empty-queue check to a
/// label behind the unlock.
// Confidence: High (a test mutant of the static gate)
// Options: --no-includes
// Upstream: fa63a2e3f947 (the code it breaks)
// Needed when: always (a test mutant, never in a series)
// Breaks: R4
// Needs: lower-guard
virtual patch

@depends on patch@
identifier fn = zpci_get_pending_error;
expression Z;
statement S;
@@
fn(...) {
+ int zpci_mutant_ret = -ENOMSG;
  ...
  mutex_lock(&Z->pending_errs_lock);
  ...
  if (!Z->pending_errs.count)
- {
- mutex_unlock(&Z->pending_errs_lock);
- return -ENOMSG;
- }
+ goto out;
  ...
  mutex_unlock(&Z->pending_errs_lock);
- return 0;
+ zpci_mutant_ret = 0;
+out:
+ return zpci_mutant_ret;
}
