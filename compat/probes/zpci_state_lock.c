/*
 * Probe HAVE_ZPCI_STATE_LOCK: struct zpci_dev has state_lock, the mutex
 * that serialises a function's state changes (configure, recovery, error
 * events) in arch/s390/include/asm/pci.h.
 * Evidence: arch/s390/include/asm/pci.h struct mutex[[:space:]]+state_lock;
 *
 * Upstream: bcb5d6c76903 ("s390/pci: introduce lock to synchronize state
 * of zpci_dev's"), v6.8; the stale-handle filter of 45537926dd2a takes it.
 */
#include <linux/pci.h>

void probe_zpci_state_lock(struct zpci_dev *zdev);
void probe_zpci_state_lock(struct zpci_dev *zdev)
{
	mutex_lock(&zdev->state_lock);
	mutex_unlock(&zdev->state_lock);
}
