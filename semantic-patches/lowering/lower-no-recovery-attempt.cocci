/// Lower upstream's dispatch on the PCI event code for a tree that cannot
/// recover a zPCI function at all: no recovery in the host (4cdf2f4e24ff),
/// no reset_slot in drivers/pci/hotplug/s390_pci_hpc.c, no
/// zpci_hot_reset_device() and no zpci_clear_error_state(), so neither
/// the host nor user space can bring a function back from its error
/// state. The default arm, which upstream uses to attempt recovery, goes
/// straight to zpci_event_io_failure(): the function is marked
/// permanently failed, as this tree has always marked it, its event is
/// stored for a user in mediated recovery, and that user is told. A
/// backport of the host's reset path was not chosen: it needs the zPCI
/// core of 5.16 (function handle refresh, state lock), far beyond this
/// feature.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose code it lowers)
// Needed when: !HAVE_ZPCI_EVENT_RECOVERY
// Backport note: this tree cannot reset a zPCI function (no reset_slot in s390_pci_hpc.c, no zpci_hot_reset_device(), no zpci_clear_error_state()), so a function with an error event stays permanently failed, as the tree has always marked it: user space learns the event (the CCDF) but cannot recover the function or open it again. Backporting the host's reset path was not chosen: it needs the zPCI core of 5.16 (function handle refresh, state lock, recovery).
// Deviates: zpci_uapi.event_recoverable FAIL: a recoverable event leaves the function permanently failed, not frozen
// Deviates: zpci_uapi.recover_reset FAIL: vfio-pci offers no reset for the function (no reset_slot, no zpci_hot_reset_device())
// Deviates: zpci_uapi.close_clears FAIL: vfio-pci cannot open a permanently failed function again
// Deviates: zpci_uapi.reload_store_cleared FAIL: vfio-pci cannot open a permanently failed function again, after the reload too
// Deviates: zpci_uapi.event_perm_failure FAIL: not run, the failed function cannot be opened again
// Affects: function __zpci_event_error
// Files: arch/s390/pci/pci_event.c

virtual patch

// Expect: no_attempt 1 arch/s390/pci/pci_event.c
@no_attempt depends on patch@
identifier fn = __zpci_event_error;
identifier ers;
statement S;
position p;
@@
 fn(...) {
 <...
- ers = zpci_event_attempt_error_recovery@p(...);
- if (ers != PCI_ERS_RESULT_RECOVERED)
 S
 ...>
 }
