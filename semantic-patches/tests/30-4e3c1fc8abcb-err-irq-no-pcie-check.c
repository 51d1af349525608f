/*
 * Fixture for 30-4e3c1fc8abcb-err-irq-no-pcie-check.cocci: the shapes of
 * vfio_pci_core.c and vfio_pci_intrs.c in one file. Other pci_is_pcie()
 * tests (the MSI count, the REQ index) must stay.
 */

/* --- drivers/vfio/pci/vfio_pci_core.c --- */
static int vfio_pci_get_irq_count(struct vfio_pci_core_device *vdev, int irq_type)
{
	if (irq_type == VFIO_PCI_INTX_IRQ_INDEX) {
		return vdev->pdev->irq ? 1 : 0;
	} else if (irq_type == VFIO_PCI_MSIX_IRQ_INDEX) {
		if (!pci_is_pcie(vdev->pdev))
			return 0;
		return vdev->msix_count;
	} else if (irq_type == VFIO_PCI_ERR_IRQ_INDEX) {
		if (pci_is_pcie(vdev->pdev))
			return 1;
	} else if (irq_type == VFIO_PCI_REQ_IRQ_INDEX) {
		return 1;
	}

	return 0;
}

static int vfio_pci_ioctl_get_irq_info(struct vfio_pci_core_device *vdev,
				       struct vfio_irq_info __user *arg)
{
	struct vfio_irq_info info;

	if (copy_from_user(&info, arg, sizeof(info)))
		return -EFAULT;

	switch (info.index) {
	case VFIO_PCI_INTX_IRQ_INDEX ... VFIO_PCI_MSIX_IRQ_INDEX:
	case VFIO_PCI_REQ_IRQ_INDEX:
		break;
	case VFIO_PCI_ERR_IRQ_INDEX:
		if (pci_is_pcie(vdev->pdev))
			break;
		fallthrough;
	default:
		return -EINVAL;
	}

	info.count = vfio_pci_get_irq_count(vdev, info.index);
	return copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

/* --- drivers/vfio/pci/vfio_pci_intrs.c --- */
int vfio_pci_set_irqs_ioctl(struct vfio_pci_core_device *vdev, uint32_t flags,
			    unsigned int index, unsigned int start,
			    unsigned int count, void *data)
{
	int (*func)(struct vfio_pci_core_device *vdev, unsigned int index,
		    unsigned int start, unsigned int count, uint32_t flags,
		    void *data) = NULL;

	switch (index) {
	case VFIO_PCI_ERR_IRQ_INDEX:
		switch (flags & VFIO_IRQ_SET_ACTION_TYPE_MASK) {
		case VFIO_IRQ_SET_ACTION_TRIGGER:
			if (pci_is_pcie(vdev->pdev))
				func = vfio_pci_set_err_trigger;
			break;
		}
		break;
	case VFIO_PCI_REQ_IRQ_INDEX:
		switch (flags & VFIO_IRQ_SET_ACTION_TYPE_MASK) {
		case VFIO_IRQ_SET_ACTION_TRIGGER:
			func = vfio_pci_set_req_trigger;
			break;
		}
		break;
	}

	if (!func)
		return -ENOTTY;

	return func(vdev, index, start, count, flags, data);
}
