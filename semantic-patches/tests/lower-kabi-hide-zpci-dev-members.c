/*
 * lower-kabi-hide-zpci-dev-members: struct zpci_dev as the store unit
 * leaves it (the members after kzdev_lock); the lowering puts the guard
 * snippets around exactly those two members, and leaves the other
 * structure alone.
 */
struct zpci_dev {
	struct zpci_bus *zbus;
	struct kvm_zdev *kzdev;
	struct mutex kzdev_lock;
	struct zpci_ccdf_pending pending_errs;
	struct mutex pending_errs_lock;
	struct pci_dev *pdev;
};

struct zpci_other {
	struct zpci_ccdf_pending pending_errs;
	struct mutex pending_errs_lock;
};
