/*
 * Probe HAVE_EVENTFD_SIGNAL_1ARG: eventfd_signal() takes only the context
 * (older trees: eventfd_signal(ctx, n)).
 *
 * Upstream: 3652117f8548 ("eventfd: simplify eventfd_signal()"), v6.8.
 */
#include <linux/eventfd.h>

void probe_eventfd_signal_1arg(struct eventfd_ctx *ctx);
void probe_eventfd_signal_1arg(struct eventfd_ctx *ctx)
{
	eventfd_signal(ctx);
}
