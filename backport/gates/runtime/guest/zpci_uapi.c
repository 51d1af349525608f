// SPDX-License-Identifier: GPL-2.0
/*
 * zpci_uapi.c - userspace test of VFIO_DEVICE_FEATURE_ZPCI_ERROR, run as a
 * static s390x program inside the runtime gate's guest. It does what QEMU
 * does with the feature, through the vfio group/container API:
 *   bind the zPCI function to vfio-pci, open it, register an eventfd on
 *   VFIO_PCI_ERR_IRQ_INDEX, make the kernel see error events (through the
 *   test-only debugfs file zpci_error_test/inject, which calls
 *   zpci_event_error() with a CCDF), wait for the eventfd, take the CCDF
 *   length from the ZPCI_BASE capability, GET the feature until ENOMSG,
 *   close, and check that the leftovers were cleared. Then the whole flow
 *   QEMU drives after an error, one class of event code at a time (a
 *   measurement-block event, a recoverable error, 0x0040): what is
 *   stored, whether the eventfd fires, and the channel state the kernel
 *   gives the function (debugfs zpci_error_test/channel_state); and the
 *   recovery QEMU would do, VFIO_DEVICE_RESET (or a hot reset where that
 *   is all the device offers), after which config space must read back
 *   and the feature be empty. Before 0x0040, vfio-pci goes out and comes
 *   back as a module does: an event stored while the device is open,
 *   every file closed, rmmod of zpci_error_kunit and vfio_pci, insmod of
 *   vfio-pci with its /modules.list line; the store must be empty when
 *   the function is opened again, and lockdep's debug_locks still 1.
 *
 * Built against the uAPI headers that `make headers_install` exports from
 * upstream Linux 7.3, so the numbers and structs are exactly upstream's on
 * every kernel it runs on. Nothing else is assumed about the kernel.
 *
 * Usage: zpci_uapi [PCI-ADDRESS]   (default: the first PCI function)
 * Output: one KTAP version 1 document on stdout (suite "zpci_uapi"), with
 *   "# " diagnostic lines for each failed check.
 * Exit: 0 when every test passed, 1 when one failed, 2 when the
 *   environment is unusable (no PCI function, no debugfs).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/vfio.h>
#include <linux/vfio_zdev.h>

#include "insmod.h"

/*
 * The error CCDF as s390 firmware defines it (the kernel's
 * struct zpci_ccdf_err is private): only the fields checked here.
 */
#define CCDF_MIN_LEN	32
#define CCDF_OFF_FH	4
#define CCDF_OFF_FID	8
#define CCDF_OFF_PEC	30

#define INJECT_PATH	"/sys/kernel/debug/zpci_error_test/inject"
#define STATE_PATH	"/sys/kernel/debug/zpci_error_test/channel_state"
#define PEC_FMB		0x002a	/* error event concerns the FMB: ignored */
#define PEC_RECOVER	0x0160	/* any other code: the function is frozen */
#define PEC_PERM	0x0040	/* service action or recovery failed */
#define MAX_QUEUED	4	/* the kernel's queue depth, ZPCI_ERR_PENDING_MAX */

/* The tests, in the order they run; the KTAP plan is known up front. */
static const char *const tests[] = {
	"bind_vfio_pci",
	"open_group_container",
	"zpci_base_cap",
	"err_irq_info",
	"err_irq_eventfd",
	"feature_probe",
	"feature_set_rejected",
	"feature_empty",
	"inject",
	"eventfd_signalled",
	"feature_get_fifo",
	"feature_full_queue",
	"feature_argsz_and_data_zero",
	"feature_bad_pointer",
	"event_fmb_ignored",
	"event_recoverable",
	"recover_reset",
	"recover_config_readable",
	"recover_feature_empty",
	"close_clears",
	"reload_unload_vfio_pci",
	"reload_load_vfio_pci",
	"reload_store_cleared",
	"reload_lockdep_quiet",
	"event_perm_failure",
};

#define NTESTS ((int)(sizeof(tests) / sizeof(tests[0])))

static int ndone;
static int nfailed;

static char addr[64];
static char sysdir[PATH_MAX];
static unsigned int fid;
static unsigned int fh;
static size_t ccdf_len;
static int container_fd = -1, group_fd = -1, device_fd = -1, event_fd = -1;

static void diag(const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	printf("    # %s\n", line);
}

/*
 * Print the KTAP line of the next test, which must be @name (the table
 * above fixes the order). Returns @ok.
 */
static int result(const char *name, int ok)
{
	if (ndone >= NTESTS || strcmp(tests[ndone], name)) {
		diag("internal error: result for %s out of order", name);
		ok = 0;
	}
	if (!ok)
		nfailed++;
	printf("    %s %d %s\n", ok ? "ok" : "not ok", ndone + 1, name);
	ndone++;
	return ok;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, text, strlen(text));
	if (n < 0) {
		n = -errno;
		close(fd);
		return (int)n;
	}
	close(fd);
	return 0;
}

static int read_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return 0;
}

/* The name of the driver bound to the function, "" when none is. */
static void bound_driver(char *buf, size_t len)
{
	char link[PATH_MAX], target[PATH_MAX];
	ssize_t n;
	char *slash;

	snprintf(link, sizeof(link), "%s/driver", sysdir);
	n = readlink(link, target, sizeof(target) - 1);
	buf[0] = '\0';
	if (n < 0)
		return;
	target[n] = '\0';
	slash = strrchr(target, '/');
	snprintf(buf, len, "%s", slash ? slash + 1 : target);
}

static int find_function(const char *want)
{
	char buf[64], path[PATH_MAX];
	struct dirent *de;
	DIR *d;

	if (want) {
		snprintf(addr, sizeof(addr), "%s", want);
	} else {
		d = opendir("/sys/bus/pci/devices");
		if (!d)
			return -1;
		addr[0] = '\0';
		while ((de = readdir(d))) {
			if (de->d_name[0] == '.')
				continue;
			if (!addr[0] || strcmp(de->d_name, addr) < 0)
				snprintf(addr, sizeof(addr), "%s", de->d_name);
		}
		closedir(d);
		if (!addr[0])
			return -1;
	}
	snprintf(sysdir, sizeof(sysdir), "/sys/bus/pci/devices/%s", addr);
	snprintf(path, sizeof(path), "%s/function_id", sysdir);
	if (read_file(path, buf, sizeof(buf)))
		return -1;
	fid = (unsigned int)strtoul(buf, NULL, 0);
	return 0;
}

static int bind_vfio_pci(void)
{
	char path[PATH_MAX], drv[64];

	bound_driver(drv, sizeof(drv));
	if (!strcmp(drv, "vfio-pci"))
		return 1;
	snprintf(path, sizeof(path), "%s/driver_override", sysdir);
	if (write_file(path, "vfio-pci"))
		diag("cannot write %s", path);
	if (drv[0]) {
		snprintf(path, sizeof(path), "%s/driver/unbind", sysdir);
		if (write_file(path, addr))
			diag("cannot unbind %s from %s", addr, drv);
	}
	if (write_file("/sys/bus/pci/drivers_probe", addr))
		diag("drivers_probe %s failed", addr);
	bound_driver(drv, sizeof(drv));
	if (strcmp(drv, "vfio-pci")) {
		diag("%s is bound to '%s'", addr, drv);
		return 0;
	}
	return 1;
}

static int open_device(void)
{
	device_fd = ioctl(group_fd, VFIO_GROUP_GET_DEVICE_FD, addr);
	if (device_fd < 0) {
		diag("VFIO_GROUP_GET_DEVICE_FD: %s", strerror(errno));
		return 0;
	}
	return 1;
}

static int open_vfio(void)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	char link[PATH_MAX], target[PATH_MAX], path[PATH_MAX];
	int iommu = VFIO_TYPE1v2_IOMMU;
	ssize_t n;
	char *slash;

	snprintf(link, sizeof(link), "%s/iommu_group", sysdir);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0) {
		diag("%s has no iommu_group", addr);
		return 0;
	}
	target[n] = '\0';
	slash = strrchr(target, '/');
	snprintf(path, sizeof(path), "/dev/vfio/%s", slash ? slash + 1 : target);

	container_fd = open("/dev/vfio/vfio", O_RDWR);
	if (container_fd < 0) {
		diag("open /dev/vfio/vfio: %s", strerror(errno));
		return 0;
	}
	if (ioctl(container_fd, VFIO_GET_API_VERSION) != VFIO_API_VERSION) {
		diag("VFIO_GET_API_VERSION is not %d", VFIO_API_VERSION);
		return 0;
	}
	if (ioctl(container_fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) != 1)
		iommu = VFIO_TYPE1_IOMMU;
	group_fd = open(path, O_RDWR);
	if (group_fd < 0) {
		diag("open %s: %s", path, strerror(errno));
		return 0;
	}
	if (ioctl(group_fd, VFIO_GROUP_GET_STATUS, &status) ||
	    !(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		diag("group %s is not viable", path);
		return 0;
	}
	if (ioctl(group_fd, VFIO_GROUP_SET_CONTAINER, &container_fd)) {
		diag("VFIO_GROUP_SET_CONTAINER: %s", strerror(errno));
		return 0;
	}
	if (ioctl(container_fd, VFIO_SET_IOMMU, iommu)) {
		diag("VFIO_SET_IOMMU: %s", strerror(errno));
		return 0;
	}
	return open_device();
}

/* Read the ZPCI_BASE capability: its version, fh and CCDF length. */
static int check_base_cap(void)
{
	struct vfio_device_info *info = NULL, *grown;
	struct vfio_device_info_cap_zpci_base *base = NULL;
	struct vfio_info_cap_header *hdr;
	size_t size = sizeof(*info);
	__u32 off;
	int tries;

	/* Once with the bare struct, again with the size the kernel asks for. */
	for (tries = 0; tries < 2; tries++) {
		grown = realloc(info, size);
		if (!grown)
			goto fail;
		info = grown;
		memset(info, 0, size);
		info->argsz = size;
		if (ioctl(device_fd, VFIO_DEVICE_GET_INFO, info))
			goto fail;
		if (info->argsz <= size)
			break;
		size = info->argsz;
	}
	if (info->argsz > size) {
		diag("VFIO_DEVICE_GET_INFO: argsz grew again to %u", info->argsz);
		goto fail;
	}
	if (!(info->flags & VFIO_DEVICE_FLAGS_CAPS)) {
		diag("VFIO_DEVICE_GET_INFO: no capabilities (flags 0x%x)",
		     info->flags);
		goto fail;
	}
	for (off = info->cap_offset; off && off + sizeof(*hdr) <= size;
	     off = hdr->next) {
		hdr = (void *)((char *)info + off);
		if (hdr->id == VFIO_DEVICE_INFO_CAP_ZPCI_BASE) {
			base = (void *)hdr;
			break;
		}
	}
	if (!base) {
		diag("no VFIO_DEVICE_INFO_CAP_ZPCI_BASE capability");
		goto fail;
	}
	if (base->header.version < 3) {
		diag("ZPCI_BASE capability version %u, want 3 or later",
		     base->header.version);
		goto fail;
	}
	fh = base->fh;
	ccdf_len = base->ccdf_err_length;
	if (ccdf_len < CCDF_MIN_LEN || ccdf_len > 4096) {
		diag("ccdf_err_length %zu, want %d or more", ccdf_len,
		     CCDF_MIN_LEN);
		goto fail;
	}
	free(info);
	return 1;
fail:
	free(info);
	return 0;
}

static int check_err_irq(void)
{
	struct vfio_irq_info irq = {
		.argsz = sizeof(irq),
		.index = VFIO_PCI_ERR_IRQ_INDEX,
	};

	if (ioctl(device_fd, VFIO_DEVICE_GET_IRQ_INFO, &irq)) {
		diag("VFIO_DEVICE_GET_IRQ_INFO(ERR): %s", strerror(errno));
		return 0;
	}
	if (irq.count != 1 || !(irq.flags & VFIO_IRQ_INFO_EVENTFD)) {
		diag("ERR IRQ: count %u flags 0x%x, want count 1 with EVENTFD",
		     irq.count, irq.flags);
		return 0;
	}
	return 1;
}

static int set_err_eventfd(void)
{
	__u64 buf[(sizeof(struct vfio_irq_set) + sizeof(__s32) + 7) / 8] = {};
	struct vfio_irq_set *set = (void *)buf;
	__s32 efd;

	event_fd = eventfd(0, EFD_NONBLOCK);
	if (event_fd < 0)
		return 0;
	efd = event_fd;
	set->argsz = sizeof(*set) + sizeof(efd);
	set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
	set->index = VFIO_PCI_ERR_IRQ_INDEX;
	set->start = 0;
	set->count = 1;
	memcpy(set->data, &efd, sizeof(efd));
	if (ioctl(device_fd, VFIO_DEVICE_SET_IRQS, set)) {
		diag("VFIO_DEVICE_SET_IRQS(ERR, eventfd): %s", strerror(errno));
		return 0;
	}
	return 1;
}

/*
 * VFIO_DEVICE_FEATURE for ZPCI_ERROR with @flags and a payload whose data
 * field is @data; @payload is the payload size the call declares.
 * Returns 0 or -errno.
 */
static int feature(__u32 flags, __u64 data, size_t payload)
{
	__u64 buf[4] = {};
	struct vfio_device_feature *f = (void *)buf;
	struct vfio_device_feature_zpci_err err = { .data = data };

	f->argsz = sizeof(*f) + payload;
	f->flags = VFIO_DEVICE_FEATURE_ZPCI_ERROR | flags;
	memcpy(f->data, &err, sizeof(err));
	return ioctl(device_fd, VFIO_DEVICE_FEATURE, f) ? -errno : 0;
}

/* GET one event into @ccdf (ccdf_len bytes): 0 or -errno. */
static int get_event(unsigned char *ccdf)
{
	return feature(VFIO_DEVICE_FEATURE_GET, (uintptr_t)ccdf,
		       sizeof(struct vfio_device_feature_zpci_err));
}

static unsigned int be32_at(const unsigned char *p, size_t off)
{
	return (unsigned int)p[off] << 24 | (unsigned int)p[off + 1] << 16 |
	       (unsigned int)p[off + 2] << 8 | p[off + 3];
}

static unsigned int be16_at(const unsigned char *p, size_t off)
{
	return (unsigned int)p[off] << 8 | p[off + 1];
}

static int inject(unsigned int pec)
{
	char text[32];
	int rc;

	snprintf(text, sizeof(text), "%x %x", fid, pec);
	rc = write_file(INJECT_PATH, text);
	if (rc)
		diag("inject pec 0x%x: %s", pec, strerror(-rc));
	return rc == 0;
}

/* Drain the queue and check that it held exactly @n events @pec0.. */
static int expect_events(unsigned int pec0, int n)
{
	unsigned char *ccdf = calloc(1, ccdf_len);
	int i, rc, ok = 1;

	if (!ccdf)
		return 0;
	for (i = 0; ; i++) {
		memset(ccdf, 0xff, ccdf_len);
		rc = get_event(ccdf);
		if (rc == -ENOMSG)
			break;
		if (rc) {
			diag("GET: %s", strerror(-rc));
			ok = 0;
			break;
		}
		if (i >= n) {
			diag("event %d: more events than the %d injected", i, n);
			ok = 0;
			continue;
		}
		if (be16_at(ccdf, CCDF_OFF_PEC) != pec0 + i ||
		    be32_at(ccdf, CCDF_OFF_FID) != fid ||
		    be32_at(ccdf, CCDF_OFF_FH) != fh) {
			diag("event %d: pec 0x%x fid 0x%x fh 0x%x, want pec 0x%x fid 0x%x fh 0x%x",
			     i, be16_at(ccdf, CCDF_OFF_PEC),
			     be32_at(ccdf, CCDF_OFF_FID),
			     be32_at(ccdf, CCDF_OFF_FH), pec0 + i, fid, fh);
			ok = 0;
		}
	}
	if (i != n) {
		diag("%d events before ENOMSG, want %d", i, n);
		ok = 0;
	}
	free(ccdf);
	return ok;
}

static int wait_eventfd(void)
{
	struct pollfd p = { .fd = event_fd, .events = POLLIN };
	uint64_t count = 0;

	if (poll(&p, 1, 10000) != 1) {
		diag("the ERR eventfd was not signalled within 10 s");
		return 0;
	}
	if (read(event_fd, &count, sizeof(count)) != sizeof(count) || !count)
		return 0;
	return 1;
}

static void drain_eventfd(void)
{
	uint64_t count;

	while (read(event_fd, &count, sizeof(count)) == sizeof(count))
		;
}

static int test_bad_pointer(void)
{
	void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int rc;

	if (page == MAP_FAILED)
		return 0;
	munmap(page, 4096);
	if (!inject(0x140))
		return 0;
	rc = feature(VFIO_DEVICE_FEATURE_GET, (uintptr_t)page,
		     sizeof(struct vfio_device_feature_zpci_err));
	if (rc != -EFAULT) {
		diag("GET to an unmapped page: %s, want EFAULT", strerror(-rc));
		return 0;
	}
	/* The failed copy consumed the event. */
	return expect_events(0, 0);
}

/* The channel state the kernel gives our function: 0 or -1 when unknown. */
static int channel_state(char *state, size_t len)
{
	char buf[512], *line, *save = NULL;
	unsigned int f;
	char name[32];

	if (read_file(STATE_PATH, buf, sizeof(buf))) {
		diag("cannot read %s", STATE_PATH);
		return -1;
	}
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "%x %31s", &f, name) == 2 && f == fid) {
			snprintf(state, len, "%s", name);
			return 0;
		}
	}
	diag("%s has no line for fid 0x%x", STATE_PATH, fid);
	return -1;
}

/* Whether the eventfd fires within @ms milliseconds (it is drained). */
static int signalled_within(int ms)
{
	struct pollfd p = { .fd = event_fd, .events = POLLIN };
	int fired = poll(&p, 1, ms) == 1;

	drain_eventfd();
	return fired;
}

/*
 * One event of class @what with code @pec: the eventfd must fire (or not,
 * @signal), the queue must then hold exactly @stored events of that code,
 * and the channel state be @state ("" for: as it was before).
 */
static int test_event(const char *what, unsigned int pec, int signal,
		      int stored, const char *state)
{
	char before[32] = "", after[32] = "";
	int ok = 1, fired;

	drain_eventfd();
	if (channel_state(before, sizeof(before)) || !inject(pec))
		return 0;
	fired = signalled_within(signal ? 10000 : 500);
	if (fired != signal) {
		diag("%s event 0x%x: the eventfd %s", what, pec,
		     signal ? "did not fire" : "fired");
		ok = 0;
	}
	ok &= expect_events(pec, stored);
	if (channel_state(after, sizeof(after)))
		return 0;
	if (strcmp(after, state[0] ? state : before)) {
		diag("%s event 0x%x: channel state %s (before: %s), want %s",
		     what, pec, after, before, state[0] ? state : before);
		ok = 0;
	}
	return ok;
}

/* What QEMU does to recover a function: VFIO_DEVICE_RESET, or a hot reset. */
static int test_reset(void)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_pci_hot_reset_info hinfo = { .argsz = sizeof(hinfo) };
	__u64 buf[(sizeof(struct vfio_pci_hot_reset) + sizeof(__s32) + 7) / 8] = {};
	struct vfio_pci_hot_reset *h = (void *)buf;

	if (ioctl(device_fd, VFIO_DEVICE_GET_INFO, &info)) {
		diag("VFIO_DEVICE_GET_INFO: %s", strerror(errno));
		return 0;
	}
	if (info.flags & VFIO_DEVICE_FLAGS_RESET) {
		if (!ioctl(device_fd, VFIO_DEVICE_RESET))
			return 1;
		diag("VFIO_DEVICE_RESET: %s", strerror(errno));
		return 0;
	}
	if (ioctl(device_fd, VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, &hinfo) &&
	    errno != ENOSPC) {
		diag("no VFIO_DEVICE_FLAGS_RESET, and no hot reset: %s",
		     strerror(errno));
		return 0;
	}
	h->argsz = sizeof(*h) + sizeof(__s32);
	h->count = 1;
	memcpy(h->group_fds, &group_fd, sizeof(group_fd));
	if (ioctl(device_fd, VFIO_DEVICE_PCI_HOT_RESET, h)) {
		diag("VFIO_DEVICE_PCI_HOT_RESET: %s", strerror(errno));
		return 0;
	}
	return 1;
}

/*
 * Config space reads back through the config region: the vendor ID, which
 * vfio-pci keeps in its virtual config space, and the command and status
 * registers, which it reads from the function.
 */
static int test_config_readable(void)
{
	struct vfio_region_info reg = {
		.argsz = sizeof(reg),
		.index = VFIO_PCI_CONFIG_REGION_INDEX,
	};
	unsigned char id[2], cmd_status[4];

	if (ioctl(device_fd, VFIO_DEVICE_GET_REGION_INFO, &reg)) {
		diag("VFIO_DEVICE_GET_REGION_INFO(config): %s", strerror(errno));
		return 0;
	}
	if (pread(device_fd, id, sizeof(id), (off_t)reg.offset) != sizeof(id) ||
	    (id[0] == 0xff && id[1] == 0xff)) {
		diag("the vendor ID does not read back");
		return 0;
	}
	if (pread(device_fd, cmd_status, sizeof(cmd_status),
		  (off_t)reg.offset + 4) != sizeof(cmd_status)) {
		diag("reading command and status: %s", strerror(errno));
		return 0;
	}
	if (cmd_status[2] == 0xff && cmd_status[3] == 0xff) {
		diag("the status register reads 0xffff: config space is blocked");
		return 0;
	}
	return 1;
}

static int test_close_clears(void)
{
	if (!inject(0x150) || !inject(0x151))
		return 0;
	close(device_fd);
	device_fd = -1;
	if (!open_device())
		return 0;
	return expect_events(0, 0);
}

/* Close every vfio file: nothing of vfio-pci may be in use for rmmod. */
static void close_vfio(void)
{
	int *fds[] = { &device_fd, &event_fd, &group_fd, &container_fd };

	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
		if (*fds[i] >= 0)
			close(*fds[i]);
		*fds[i] = -1;
	}
}

/*
 * Unload vfio-pci with an error stored: the event goes in while the
 * device is open (in mediated recovery), then every file is closed and
 * the test module (which uses vfio-pci on the old layout) and vfio-pci
 * are unloaded.
 */
static int test_unload(void)
{
	int rc, ok = inject(0x170);

	close_vfio();
	rc = rmmod("zpci_error_kunit");
	if (rc && rc != ENOENT) {
		diag("rmmod zpci_error_kunit: %s", strerror(rc));
		ok = 0;
	}
	rc = rmmod("vfio_pci");
	if (rc) {
		diag("rmmod vfio_pci: %s", strerror(rc));
		return 0;
	}
	if (!access("/sys/module/vfio_pci", F_OK)) {
		diag("/sys/module/vfio_pci is still there after rmmod");
		return 0;
	}
	return ok;
}

/* Load vfio-pci again as init did (its /modules.list line). */
static int test_reload(void)
{
	char line[512], path[256];
	int rc = module_line("vfio-pci.ko", line, sizeof(line));

	if (rc) {
		diag("no vfio-pci.ko line in %s: %s", MODULES_LIST, strerror(rc));
		return 0;
	}
	rc = insmod_line(line, path, sizeof(path));
	if (rc) {
		diag("insmod %s: %s", path, strerror(rc));
		return 0;
	}
	return bind_vfio_pci();
}

/* lockdep's own verdict: debug_locks stays 1 until it reports. */
static int test_lockdep_quiet(void)
{
	char buf[8192], *p;

	if (read_file("/proc/lockdep_stats", buf, sizeof(buf))) {
		diag("cannot read /proc/lockdep_stats (CONFIG_LOCKDEP?)");
		return 0;
	}
	p = strstr(buf, "debug_locks:");
	if (!p) {
		diag("no debug_locks line in /proc/lockdep_stats");
		return 0;
	}
	p += strlen("debug_locks:");
	if (strtol(p, NULL, 10) != 1) {
		diag("debug_locks is 0: lockdep reported a problem (see the log)");
		return 0;
	}
	return 1;
}

/*
 * main - run the uAPI checks on one PCI function.
 * @argc, @argv: optional PCI address (domain:bus:dev.fn)
 *
 * Needs /sys, /dev (devtmpfs) and debugfs at /sys/kernel/debug mounted,
 * and runs as root. Prints the KTAP document; returns 0 when all passed,
 * 1 when a check failed, 2 when there is no PCI function or no inject
 * file.
 */
int main(int argc, char **argv)
{
	unsigned char ccdf[64];
	int up, rc, i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (find_function(argc > 1 ? argv[1] : NULL)) {
		printf("zpci_uapi: error: no zPCI function in /sys/bus/pci/devices; start QEMU with -device zpci,...\n");
		return 2;
	}
	if (access(INJECT_PATH, W_OK)) {
		printf("zpci_uapi: error: %s is missing; mount debugfs and build with CONFIG_ZPCI_ERROR_TEST\n",
		       INJECT_PATH);
		return 2;
	}
	printf("KTAP version 1\n1..1\n");
	printf("    KTAP version 1\n    # Subtest: zpci_uapi\n    1..%d\n",
	       NTESTS);
	diag("function %s fid 0x%x", addr, fid);

	up = result("bind_vfio_pci", bind_vfio_pci());
	up = up && result("open_group_container", open_vfio());
	if (up) {
		result("zpci_base_cap", check_base_cap());
		up = ccdf_len >= CCDF_MIN_LEN && ccdf_len <= sizeof(ccdf);
		if (!up)
			ccdf_len = sizeof(ccdf);
	}
	if (device_fd >= 0) {
		result("err_irq_info", check_err_irq());
		result("err_irq_eventfd", set_err_eventfd());
		result("feature_probe",
		       feature(VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_PROBE,
			       0, sizeof(struct vfio_device_feature_zpci_err)) == 0);
		result("feature_set_rejected",
		       feature(VFIO_DEVICE_FEATURE_SET, (uintptr_t)ccdf,
			       sizeof(struct vfio_device_feature_zpci_err)) == -EINVAL);
		rc = get_event(ccdf);
		if (rc != -ENOMSG)
			diag("GET on an empty queue: %s", strerror(-rc));
		result("feature_empty", rc == -ENOMSG);

		drain_eventfd();
		rc = inject(0x101) && inject(0x102) && inject(0x103);
		result("inject", rc);
		result("eventfd_signalled", event_fd >= 0 && wait_eventfd());
		result("feature_get_fifo", expect_events(0x101, 3));

		rc = 1;
		for (i = 0; i < MAX_QUEUED + 1; i++)
			rc &= inject(0x120 + i);
		result("feature_full_queue", rc && expect_events(0x120, MAX_QUEUED));

		rc = inject(0x130);
		rc = rc && feature(VFIO_DEVICE_FEATURE_GET, (uintptr_t)ccdf,
				   sizeof(struct vfio_device_feature_zpci_err) - 1) == -EINVAL;
		rc = rc && feature(VFIO_DEVICE_FEATURE_GET, 0,
				   sizeof(struct vfio_device_feature_zpci_err)) == -EINVAL;
		result("feature_argsz_and_data_zero", rc && expect_events(0x130, 1));

		result("feature_bad_pointer", test_bad_pointer());

		result("event_fmb_ignored",
		       test_event("FMB", PEC_FMB, 0, 0, ""));
		result("event_recoverable",
		       test_event("recoverable", PEC_RECOVER, 1, 1, "frozen"));
		result("recover_reset", test_reset());
		result("recover_config_readable", test_config_readable());
		rc = get_event(ccdf);
		if (rc != -ENOMSG)
			diag("GET after the reset: %s", strerror(-rc));
		result("recover_feature_empty", rc == -ENOMSG);
		result("close_clears", test_close_clears());
		/* rmmod and insmod of vfio-pci; after them, an empty store. */
		rc = result("reload_unload_vfio_pci", test_unload());
		rc = result("reload_load_vfio_pci", rc && test_reload());
		result("reload_store_cleared",
		       rc && open_vfio() && expect_events(0, 0));
		result("reload_lockdep_quiet", test_lockdep_quiet());
	}
	/*
	 * Last: a function that failed for good stays so. The device was
	 * opened again (close_clears), and its error eventfd with it, as
	 * QEMU does after a reopen.
	 */
	if (device_fd < 0 && group_fd >= 0)
		open_device();
	if (device_fd >= 0 && ndone < NTESTS) {
		if (event_fd >= 0)
			close(event_fd);
		result("event_perm_failure", set_err_eventfd() &&
		       test_event("permanent", PEC_PERM, 1, 1, "perm_failure"));
	}
	if (device_fd >= 0)
		close(device_fd);
	if (event_fd >= 0)
		close(event_fd);
	if (group_fd >= 0)
		close(group_fd);
	if (container_fd >= 0)
		close(container_fd);
	/* Whatever could not run after a failed step counts as failed. */
	while (ndone < NTESTS) {
		diag("not run: an earlier step failed");
		result(tests[ndone], 0);
	}
	printf("%s 1 zpci_uapi\n", nfailed ? "not ok" : "ok");
	return nfailed ? 1 : 0;
}
