/*
 * Probe HAVE_UAPI_COUNTED_BY: include/uapi/linux/stddef.h itself provides
 * __counted_by() (a no-op fallback), so a UAPI header can use it. The
 * kernel's own definition (compiler_attributes.h) is removed first so that
 * only the UAPI header is tested.
 *
 * Upstream: the kernel-side macro came with dd06e72e68bc ("Compiler
 * Attributes: Add __counted_by macro"), v6.4; the UAPI fallback in
 * uapi/linux/stddef.h followed in v6.7 (id not recorded here); also in
 * 6.1.y stable.
 */
#undef __counted_by
#include <uapi/linux/stddef.h>

struct probe_uapi_counted_by {
	unsigned int count;
	unsigned int items[] __counted_by(count);
};

unsigned int probe_uapi_counted_by(struct probe_uapi_counted_by *p);
unsigned int probe_uapi_counted_by(struct probe_uapi_counted_by *p)
{
	return p->items[0];
}
