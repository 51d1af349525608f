# Mutant: VFIO_PCI_ERR_IRQ_INDEX has a count only on PCIe devices again (the check
# 4e3c1fc8abcb removes).
# File: drivers/vfio/pci/vfio_pci_core.c
# Fails: vfio_zpci_error_feature.zpci_feature_err_irq_count zpci_uapi.err_irq_info
# Runs on: upstream
s{(\} else if \(irq_type == VFIO_PCI_ERR_IRQ_INDEX\) \{\n\t\treturn) 1;}{$1 pci_is_pcie(vdev->pdev) ? 1 : 0;}
