// SPDX-License-Identifier: GPL-2.0
/*
 * init.c - /init of the runtime gate's initramfs (a static s390x program).
 *
 * Mounts proc, sysfs, devtmpfs and debugfs, loads the modules of
 * /modules.list in its order (vfio, vfio_iommu_type1, vfio-pci with the
 * function's IDs, and last our test module zpci_error_kunit, whose loading
 * runs the KUnit suites), prints /proc/modules, runs /zpci_uapi with a time limit, and
 * powers the machine off, so that QEMU exits by itself.
 *
 * Output on the console, around the uAPI program's own KTAP document:
 *   "zpci-runtime: modules start"
 *   "zpci-runtime: insmod PATH: ok" or "...: <error>", one per module
 *   "zpci-runtime: /proc/modules: <line>", one per loaded module
 *   "zpci-runtime: uapi start"
 *   "zpci-runtime: uapi exit N"  (its exit status) or
 *   "zpci-runtime: uapi timeout" (killed after UAPI_TIMEOUT seconds)
 *   "zpci-runtime: power off"
 * The kernel's KUnit results come with the loading of zpci_error_kunit,
 * between "modules start" and "uapi start".
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "insmod.h"

#define UAPI_TIMEOUT 30	/* seconds; a normal run takes 1-2 s */

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static void mnt(const char *src, const char *dir, const char *type)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, 0, NULL) && errno != EBUSY)
		printf("zpci-runtime: mount %s on %s: %s\n", type, dir,
		       strerror(errno));
}

/* Load every module of /modules.list, then show what is loaded. */
static void load_modules(void)
{
	char line[512], path[256];
	FILE *f = fopen(MODULES_LIST, "r");
	int rc;

	printf("zpci-runtime: modules start\n");
	if (!f) {
		printf("zpci-runtime: %s: %s\n", MODULES_LIST, strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		rc = insmod_line(line, path, sizeof(path));
		line[strcspn(line, "\n")] = '\0';
		printf("zpci-runtime: insmod %s: %s\n", rc == EINVAL ? line : path,
		       rc ? strerror(rc) : "ok");
	}
	fclose(f);
	f = fopen("/proc/modules", "r");
	if (!f) {
		printf("zpci-runtime: /proc/modules: %s\n", strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f))
		printf("zpci-runtime: /proc/modules: %s", line);
	fclose(f);
}

/*
 * main - PID 1 of the guest.
 *
 * Never returns: it ends with reboot(RB_POWER_OFF). The status of
 * /zpci_uapi is only printed; the host decides from the console log.
 */
int main(void)
{
	struct sigaction sa;
	int status = 0;
	pid_t pid, w;

	setvbuf(stdout, NULL, _IOLBF, 0);
	mnt("proc", "/proc", "proc");
	mnt("sysfs", "/sys", "sysfs");
	mnt("devtmpfs", "/dev", "devtmpfs");
	mnt("debugfs", "/sys/kernel/debug", "debugfs");
	load_modules();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);

	printf("zpci-runtime: uapi start\n");
	pid = fork();
	if (pid == 0) {
		execl("/zpci_uapi", "zpci_uapi", (char *)NULL);
		printf("zpci-runtime: exec /zpci_uapi: %s\n", strerror(errno));
		_exit(127);
	}
	alarm(UAPI_TIMEOUT);
	do {
		w = pid > 0 ? waitpid(pid, &status, 0) : -1;
	} while (w < 0 && errno == EINTR && !timed_out);
	alarm(0);
	if (timed_out) {
		kill(pid, SIGKILL);
		printf("zpci-runtime: uapi timeout\n");
	} else if (w == pid && WIFEXITED(status)) {
		printf("zpci-runtime: uapi exit %d\n", WEXITSTATUS(status));
	} else {
		printf("zpci-runtime: uapi exit 128\n");
	}
	printf("zpci-runtime: power off\n");
	sync();
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}
