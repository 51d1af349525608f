/// Lower "s390/pci: Fix stale function handles in error handling" for a
/// tree without the CLP query of a function's current handle
/// (clp_refresh_fh(fid, &fh), 4fe204977096): compare the event's handle
/// with the one the kernel holds for the function, which its hot plug and
/// availability events keep up to date, and ignore the event when they
/// differ.
//
// Confidence: Moderate
// Options: --no-includes
// Kind: lowering
// Upstream: 45537926dd2a (the commit whose code it lowers)
// Needed when: !HAVE_CLP_REFRESH_FH
// Evidence: function __zpci_event_error arch/s390/pci/pci_event.c: if (ccdf->fh != zdev->fh)
// Also changes: an error event whose function handle differs from the one the kernel holds for the function is dropped (logged at debug level); firmware is not asked for the current handle
// Affects: function __zpci_event_error
// Files: arch/s390/pci/pci_event.c

virtual patch

// Expect: known_handle 1 arch/s390/pci/pci_event.c
@known_handle depends on patch@
identifier fn = __zpci_event_error;
identifier ccdf, zdev, pdev;
expression B, D;
position p;
@@
 fn(struct zpci_ccdf_err *ccdf) {
 ...
- if (zdev)
-	pdev = pci_get_slot@p(B, D);
+ if (zdev) {
+	if (ccdf->fh != zdev->fh) {
+		/* Ignore events with stale handles */
+		zpci_dbg(3, "err fid:%x, fh:%x (stale %x)\n",
+			 ccdf->fid, zdev->fh, ccdf->fh);
+		goto no_pdev;
+	}
+	pdev = pci_get_slot(B, D);
+ }
 ...
 }
