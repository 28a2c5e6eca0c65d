// SPDX-License-Identifier: GPL-2.0
/* The hugetlb pages a test VM needs (hugepages.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugepages.h"

#define HUGETLB_SYSCTL	"/proc/sys/vm/nr_hugepages"

static long hugetlb_orig = -1;

static long read_long(const char *path, const char *key)
{
	char line[128];
	long v = -1;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!key || !strncmp(line, key, strlen(key))) {
			v = strtol(line + (key ? strlen(key) : 0), NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static bool write_long(const char *path, long v)
{
	FILE *f = fopen(path, "w");
	bool ok;

	if (!f)
		return false;
	ok = fprintf(f, "%ld\n", v) > 0;
	return !fclose(f) && ok;
}

/* Put nr_hugepages back, also when a TEST_ASSERT exits the process. */
void ds_hugetlb_restore(void)
{
	if (hugetlb_orig >= 0 && write_long(HUGETLB_SYSCTL, hugetlb_orig))
		printf("# nr_hugepages restored to %ld\n", hugetlb_orig);
	hugetlb_orig = -1;
}

const char *ds_hugetlb_reserve(long need, char *why, size_t len)
{
	static bool at_exit;
	long nr = read_long(HUGETLB_SYSCTL, NULL);
	long avail = read_long("/proc/meminfo", "HugePages_Free:");

	if (read_long("/proc/meminfo", "Hugepagesize:") != 2048)
		return "the default hugetlb page size is not 2 MiB";
	if (avail >= need)
		return NULL;
	if (nr < 0 || !write_long(HUGETLB_SYSCTL, nr + need - avail)) {
		snprintf(why, len, "cannot raise %s (%s)", HUGETLB_SYSCTL, strerror(errno));
		return why;
	}
	if (hugetlb_orig < 0)
		hugetlb_orig = nr;
	if (!at_exit)
		at_exit = !atexit(ds_hugetlb_restore);
	avail = read_long("/proc/meminfo", "HugePages_Free:");
	printf("# nr_hugepages %ld -> %ld for the test (%ld free)\n",
	       nr, read_long(HUGETLB_SYSCTL, NULL), avail);
	if (avail < need) {
		snprintf(why, len, "the kernel gave only %ld of %ld free 2 MiB hugetlb pages",
			 avail, need);
		return why;
	}
	return NULL;
}
