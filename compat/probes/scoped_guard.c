/*
 * Probe HAVE_SCOPED_GUARD: scoped_guard(mutex, &m) { } compiles under the
 * tree's own flags. The macro declares a variable in a for-loop
 * initializer, so it fails where the tree builds with -std=gnu89 (5.10)
 * even if cleanup.h was backported there.
 * Evidence: include/linux/cleanup.h define scoped_guard
 * Evidence: !Makefile -std=gnu89
 *
 * Upstream: 54da6a092431 ("locking: Introduce __cleanup() based
 * infrastructure"), v6.5; the kernel went to -std=gnu11 in e8c07082a810
 * ("Kbuild: move to -std=gnu11"), v5.18.
 */
#include <linux/cleanup.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(probe_lock);
static int probe_value;

int probe_scoped_guard(void);
int probe_scoped_guard(void)
{
	int v = 0;

	scoped_guard(mutex, &probe_lock)
		v = probe_value;
	return v;
}
