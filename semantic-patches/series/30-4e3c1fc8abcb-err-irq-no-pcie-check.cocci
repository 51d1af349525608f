/// Backport "vfio/pci: Remove the pcie check for VFIO_PCI_ERR_IRQ_INDEX":
/// the error IRQ index (the eventfd vfio-pci signals from error_detected())
/// is offered to every device, not only PCIe ones, so a zPCI function's user
/// hears of errors.
//
// Confidence: High
// Options: --no-includes
// Upstream: 4e3c1fc8abcb (see semantic-patches/commits)
// Kind: series
// Also changes: the error eventfd (VFIO_PCI_ERR_IRQ_INDEX) is offered for functions that are not PCIe too, such as ISM; with a QEMU without the s390 error handler, an error event on such a function now stops the guest as well.
// Needed when: always
// Evidence: function vfio_pci_get_irq_count drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c: else if (irq_type == VFIO_PCI_ERR_IRQ_INDEX) { return 1; }
// Evidence: function vfio_pci_ioctl_get_irq_info drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c: case VFIO_PCI_REQ_IRQ_INDEX: case VFIO_PCI_ERR_IRQ_INDEX: break;
// Evidence: function vfio_pci_set_irqs_ioctl drivers/vfio/pci/vfio_pci_intrs.c: case VFIO_IRQ_SET_ACTION_TRIGGER: func = vfio_pci_set_err_trigger;
// Compare: function vfio_pci_get_irq_count drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c
// Compare: function vfio_pci_ioctl_get_irq_info drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c
// Compare: function vfio_pci_set_irqs_ioctl drivers/vfio/pci/vfio_pci_intrs.c
// Files: drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c drivers/vfio/pci/vfio_pci_intrs.c

virtual patch

// Expect: irq_count 1 drivers/vfio/pci/vfio_pci_core.c
@irq_count depends on patch@
identifier fn = vfio_pci_get_irq_count;
position p;
@@
 fn(...) {
 <...
- if (pci_is_pcie@p(...))
- 	return 1;
+ return 1;
 ...>
 }

// Expect: irq_info 1 drivers/vfio/pci/vfio_pci_core.c
@irq_info depends on patch@
expression E, E2;
position p;
@@
 switch (E) {
 case E2:
 ...
 case VFIO_PCI_REQ_IRQ_INDEX:
-	break;
 case VFIO_PCI_ERR_IRQ_INDEX:
-	if (pci_is_pcie@p(...))
-		break;
-	fallthrough;
+	break;
 default:
 ...
 }

// Expect: set_irqs 1 drivers/vfio/pci/vfio_pci_intrs.c
@set_irqs depends on patch@
identifier fn = vfio_pci_set_irqs_ioctl;
identifier func;
position p;
@@
 fn(...) {
 <...
- if (pci_is_pcie@p(...))
-	func = vfio_pci_set_err_trigger;
+ func = vfio_pci_set_err_trigger;
 ...>
 }
