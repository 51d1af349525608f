/// Backport "s390/pci: Fix stale function handles in error handling": the
/// error event handler asks firmware (CLP List PCI) for the function's
/// current handle and ignores an event whose handle is stale, so that an
/// event recorded before a recovery or hot plug never reaches the error
/// store. Upstream's error store (9f240376d034) queues only events that
/// pass this filter.
///
/// The filter goes where upstream's stable backport put it, before the
/// handle update. Upstream does it with zdev->state_lock held; a tree
/// without that lock (bcb5d6c76903 not backported) has nothing that
/// serialises a function's state changes, and the refresh runs unlocked,
/// as the rest of its event handler does.
//
// Confidence: High
// Options: --no-includes
// Upstream: 45537926dd2a (see semantic-patches/commits)
// Kind: prerequisite
// Why: upstream's error store sees only events whose function handle is current; without this filter a stale event is queued for user space
// Also changes: an error event whose function handle is no longer current is dropped (logged at debug level) instead of being handled, for every driver bound to the function
// Needed when: !HAVE_ZPCI_STATE_LOCK
// Evidence: function __zpci_event_error arch/s390/pci/pci_event.c: if (!fh || ccdf->fh != fh)
// Affects: function __zpci_event_error
// Compare: function __zpci_event_error arch/s390/pci/pci_event.c
// Files: arch/s390/pci/pci_event.c

virtual patch
virtual HAVE_CLP_REFRESH_FH

// Expect: stale_decl 1 arch/s390/pci/pci_event.c if HAVE_CLP_REFRESH_FH
@stale_decl depends on patch && HAVE_CLP_REFRESH_FH@
identifier fn = __zpci_event_error;
identifier ers;
position p;
@@
 fn(...) {
 ...
 pci_ers_result_t ers@p;
+u32 fh = 0;
+int rc;
 ...
 }

// Expect: stale_filter 1 arch/s390/pci/pci_event.c if HAVE_CLP_REFRESH_FH
@stale_filter depends on patch && HAVE_CLP_REFRESH_FH@
identifier fn = __zpci_event_error;
identifier ccdf, zdev;
position p;
@@
 fn(struct zpci_ccdf_err *ccdf) {
 ...
 if (zdev) {
+	rc = clp_refresh_fh(zdev->fid, &fh);
+	if (rc)
+		goto no_pdev;
+	if (!fh || ccdf->fh != fh) {
+		/* Ignore events with stale handles */
+		zpci_dbg(3, "err fid:%x, fh:%x (stale %x)\n",
+			 ccdf->fid, fh, ccdf->fh);
+		goto no_pdev;
+	}
 	zpci_update_fh@p(zdev, ccdf->fh);
 	...
 }
 ...
 }
