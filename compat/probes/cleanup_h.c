/*
 * Probe HAVE_CLEANUP_H: include/linux/cleanup.h exists and compiles.
 * Evidence: include/linux/cleanup.h DEFINE_CLASS
 *
 * Upstream: 54da6a092431 ("locking: Introduce __cleanup() based
 * infrastructure"), v6.5; also carried by later 5.10.y/6.1.y stable.
 */
#include <linux/cleanup.h>
#include <linux/slab.h>

DEFINE_FREE(probe_kfree, void *, kfree(_T))

void *probe_cleanup_h(void);
void *probe_cleanup_h(void)
{
	void *p __free(probe_kfree) = kmalloc(8, GFP_KERNEL);

	return no_free_ptr(p);
}
