/// Lower "s390/pci: Store PCI error information for passthrough devices" for
/// trees without zpci_report_status(): there the recovery path keeps no
/// status_str, so the mediated-recovery block does without the status
/// assignment that rule recover_mediated adds to it.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose code it lowers)
// Needed when: !HAVE_ZPCI_REPORT_STATUS && HAVE_ZPCI_EVENT_RECOVERY
// Backport note: this tree has no zpci_report_status() (4ec6054e7321, recovery results reported via SCLP): the mediated-recovery exit of zpci_event_attempt_error_recovery() reports nothing, as the tree's other recovery exits
// Affects: function zpci_event_attempt_error_recovery
// Files: arch/s390/pci/pci_event.c

virtual patch

// Expect: drop_status_str 1 arch/s390/pci/pci_event.c
@drop_status_str depends on patch@
identifier fn = zpci_event_attempt_error_recovery;
identifier pdev, ers;
position p;
@@
 fn(...) {
 <...
 if (mediated_recovery) {
 	pr_info(..., pci_name(pdev));
 	ers = PCI_ERS_RESULT_RECOVERED;
-	status_str@p = "in progress";
 	goto out_unlock;
 }
 ...>
 }
