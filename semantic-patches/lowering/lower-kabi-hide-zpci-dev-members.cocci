/// Keep the kABI of the s390 PCI core under make KABI=preserve: the two
/// members "s390/pci: Store PCI error information for passthrough devices"
/// adds to struct zpci_dev, the pending-error ring and its mutex, are
/// hidden from genksyms (#ifndef __GENKSYMS__, as SUSE's patches.kabi
/// hide theirs), so the CRCs of the exported functions that take a zdev
/// stay as the tree has them. The layout still grows: that is safe only
/// while struct zpci_dev is allocated by the core alone
/// (zpci_create_device()) and no module embeds one or takes its size,
/// which backport/verify/kabi.sh checks on the tree.
//
// Confidence: High
// Options: --no-includes
// Kind: lowering
// Upstream: 9f240376d034 (the commit whose members it hides)
// Needed when: KABI=preserve
// Affects: struct zpci_dev
// The whole structure is compared, so that fidelity sees the guard lines
// (in every mode: without this lowering the series only adds upstream's
// members, and what differs is the tree's own).
// Compare: struct zpci_dev arch/s390/include/asm/pci.h
// Files: arch/s390/include/asm/pci.h

virtual patch

// The members as the store unit placed them (its placeholder expanded);
// the guard lines are snippets, so that they stand at the start of a line.
// Expect: hide 1 arch/s390/include/asm/pci.h
@hide depends on patch@
position p;
@@
 struct zpci_dev {
   ...
+  /* ZPCI-SNIPPET zpci-dev-kabi-hide-begin */
   struct zpci_ccdf_pending pending_errs@p;
   struct mutex pending_errs_lock;
+  /* ZPCI-SNIPPET zpci-dev-kabi-hide-end */
   ...
 };
