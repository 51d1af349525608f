/* SPDX-License-Identifier: GPL-2.0 */
/*
 * insmod.h - loading and unloading the runtime gate's modules in the
 * guest, shared by init.c and zpci_uapi.c.
 *
 * /modules.list holds one line per module, in load order, as the host's
 * kmod printed it (modprobe --show-depends): "insmod PATH [PARAM...]".
 * Loading a line is what kmod's insmod does: finit_module(2) on PATH with
 * the parameters joined by spaces.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MODULES_LIST	"/modules.list"

/*
 * insmod_line - load the module of one /modules.list line.
 * @line: "insmod PATH [PARAM...]" (a trailing newline is allowed)
 * @path: receives PATH (at most @len bytes with the NUL)
 * Returns 0, or an errno value (EINVAL for a line of another form).
 */
static inline int insmod_line(const char *line, char *path, size_t len)
{
	const char *p = line, *params;
	char opts[512];
	size_t n;
	int fd, rc;

	if (strncmp(p, "insmod ", 7))
		return EINVAL;
	p += 7;
	n = strcspn(p, " \n");
	if (!n || n >= len)
		return EINVAL;
	memcpy(path, p, n);
	path[n] = '\0';
	params = p + n;
	while (*params == ' ')
		params++;
	snprintf(opts, sizeof(opts), "%s", params);
	n = strlen(opts);
	while (n && isspace((unsigned char)opts[n - 1]))
		opts[--n] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	rc = syscall(SYS_finit_module, fd, opts, 0) ? errno : 0;
	close(fd);
	return rc;
}

/*
 * module_line - find the /modules.list line of the module file @file
 * (its base name, such as "vfio-pci.ko") into @line.
 * Returns 0 when found, ENOENT when not, or the errno of opening the list.
 */
static inline int module_line(const char *file, char *line, size_t len)
{
	FILE *f = fopen(MODULES_LIST, "r");
	const char *base;
	size_t n;
	int rc = ENOENT;

	if (!f)
		return errno;
	while (rc && fgets(line, (int)len, f)) {
		const char *p = line + 7;

		if (strncmp(line, "insmod ", 7))
			continue;
		n = strcspn(p, " \n");
		base = p;
		for (size_t i = 0; i < n; i++)
			if (p[i] == '/')
				base = p + i + 1;
		if ((size_t)(p + n - base) == strlen(file) &&
		    !strncmp(base, file, strlen(file)))
			rc = 0;
	}
	fclose(f);
	return rc;
}

/* rmmod - unload module @name, without waiting for its users. */
static inline int rmmod(const char *name)
{
	return syscall(SYS_delete_module, name, O_NONBLOCK) ? errno : 0;
}
