// SPDX-License-Identifier: GPL-2.0
/*
 * The postmortem's view of the host (postmortem_host.h): what /proc says
 * of each thread of this process, the runner's trace ring, and inside
 * `dirtysuite vm` the guest kernel's task dumps.  A file that cannot be
 * read is said so and the dump goes on.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "postmortem_host.h"

/* Print FILE's lines prefixed "# pm:   PREFIX"; false if it can't be read. */
static bool pm_cat(const char *path, const char *prefix, unsigned int max)
{
	char line[512];
	unsigned int n = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return false;
	while (fgets(line, sizeof(line), f) && n++ < max)
		printf("# pm:   %s%s%s", prefix, line,
		       strchr(line, '\n') ? "" : "\n");
	fclose(f);
	return true;
}

static bool pm_read(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return false;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return true;
}

static void pm_write(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0)
		return;
	if (write(fd, s, strlen(s)) < 0)
		printf("# pm: %s: %s\n", path, strerror(errno));
	close(fd);
}

/* Stop the runner's trace ring now, so its tail ends at the failure. */
void ds_pm_trace_freeze(void)
{
	const char *dir = getenv("DS_TRACE");
	char path[512];

	if (!dir || !*dir)
		return;
	snprintf(path, sizeof(path), "%s/tracing_on", dir);
	pm_write(path, "0");
}

/* Every thread of this process: state, system call, wchan, kernel stack. */
void ds_pm_threads(void)
{
	char path[300], stat[512], sc[256], wchan[128], *p;
	struct dirent *d;
	DIR *dir = opendir("/proc/self/task");

	if (!dir) {
		printf("# pm: /proc/self/task: %s\n", strerror(errno));
		return;
	}
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/stat", d->d_name);
		if (!pm_read(path, stat, sizeof(stat)))
			continue;
		p = strrchr(stat, ')');
		snprintf(path, sizeof(path), "/proc/self/task/%s/syscall", d->d_name);
		if (!pm_read(path, sc, sizeof(sc)))
			strcpy(sc, "?");
		snprintf(path, sizeof(path), "/proc/self/task/%s/wchan", d->d_name);
		if (!pm_read(path, wchan, sizeof(wchan)))
			strcpy(wchan, "?");
		printf("# pm: thread %s %.*s: state %c, syscall %s, wchan %s\n",
		       d->d_name, (int)(p ? p - stat + 1 : 0), stat,
		       p && p[1] ? p[2] : '?', sc, wchan);
		snprintf(path, sizeof(path), "/proc/self/task/%s/stack", d->d_name);
		if (!pm_cat(path, "", 40))
			printf("# pm:   (kernel stack not readable: %s)\n", strerror(errno));
	}
	closedir(dir);
}

/*
 * Inside `dirtysuite vm` the guest kernel's own view: tasks blocked in D
 * state (sysrq w), then every task (t).  They go to the console, between
 * markers the runner's kernel-log check knows are no kernel failure.
 */
void ds_pm_guest_kernel(void)
{
	const char *vm = getenv("DS_VM");

	if (!vm || strcmp(vm, "1"))
		return;
	pm_write("/dev/kmsg", "dirtysuite: postmortem sysrq begins\n");
	pm_write("/proc/sysrq-trigger", "w");
	pm_write("/proc/sysrq-trigger", "t");
	pm_write("/dev/kmsg", "dirtysuite: postmortem sysrq ends\n");
	printf("# pm: sysrq w and t written to the kernel log (console.log)\n");
}
