/*
 * Probe HAVE_GUARD_MUTEX: guard(mutex)(&m) compiles.
 * Evidence: include/linux/mutex.h (DEFINE_GUARD|DEFINE_LOCK_GUARD_1)\(mutex,
 *
 * Upstream: 54da6a092431 ("locking: Introduce __cleanup() based
 * infrastructure"), v6.5, which added DEFINE_GUARD(mutex, ...).
 */
#include <linux/cleanup.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(probe_lock);
static int probe_value;

int probe_guard_mutex(void);
int probe_guard_mutex(void)
{
	guard(mutex)(&probe_lock);
	return probe_value;
}
