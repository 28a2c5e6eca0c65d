// SPDX-License-Identifier: GPL-2.0
/*
 * ds_workload_load(): the input is a workload file; its first byte picks
 * the section asked for.  A bad file must give exactly one line,
 * "FILE:LINE: problem", with LINE inside the file; a good one must give a
 * workload whose values are in range and that a run can lay out.
 *
 * The file is a memfd, so that no temporary file is left behind when the
 * fuzzer stops the process.
 */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "pattern.h"
#include "workload.h"

static const char *const sections[] = { NULL, "a", "fast", "x" };

/* The length of line @nr (from 1) of @data, without its newline. */
static size_t line_len(const uint8_t *data, size_t size, unsigned long nr)
{
	size_t i = 0, start;

	for (; nr > 1 && i < size; i++)
		nr -= data[i] == '\n';
	for (start = i; i < size && data[i] != '\n'; i++)
		;
	return i - start;
}

static void check_error(const char *err, const char *path, const uint8_t *data,
			size_t size)
{
	size_t plen = strlen(path), lines = 1;
	unsigned long line;
	char *end;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	fuzz_assert(!strchr(err, '\n'));
	fuzz_assert(!strncmp(err, path, plen) && err[plen] == ':');
	line = strtoul(err + plen + 1, &end, 10);
	fuzz_assert(end > err + plen + 1 && !strncmp(end, ": ", 2) && end[2]);
	fuzz_assert(line <= lines);
	/* A "too long" line must be one: not a short line cut at a NUL byte. */
	if (!strncmp(end + 2, "line longer than", 16))
		fuzz_assert(line_len(data, size, line) > 510);
	/* One line on a terminal too: a CR would overwrite its start. */
	fuzz_assert(!strchr(err, '\r'));
}

static void check_good(const struct ds_workload *wl)
{
	fuzz_assert(memchr(wl->name, 0, sizeof(wl->name)));
	fuzz_assert(wl->nr_vcpus >= 1 && wl->nr_slots >= 1);
	fuzz_assert(wl->mem_bytes % wl->nr_slots == 0);
	fuzz_assert(wl->mem_bytes / 4096 / wl->nr_vcpus >= 64);
	fuzz_assert(wl->pat.pattern < ds_nr_patterns);
	fuzz_assert(wl->pat.fraction_ppm >= 1 && wl->pat.fraction_ppm <= 1000000);
	fuzz_assert(wl->nr_modes <= DS_WL_MAX_MODES);
	for (uint32_t i = 0; i < wl->nr_modes; i++)
		fuzz_assert(memchr(wl->modes[i], 0, sizeof(wl->modes[i])));
	fuzz_assert(wl->ring_entries && !(wl->ring_entries & (wl->ring_entries - 1)));
	fuzz_assert(wl->backing <= DS_WL_HUGETLB);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	struct ds_workload wl;
	char err[DS_WL_ERR];

	if (!size)
		return 0;
	if (fd < 0) {
		fd = memfd_create("fuzz.wl", 0);
		fuzz_assert(fd >= 0);
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	fuzz_assert(ftruncate(fd, 0) == 0);
	fuzz_assert(pwrite(fd, data + 1, size - 1, 0) == (ssize_t)(size - 1));

	memset(err, 0xa5, sizeof(err));
	if (ds_workload_load(path, sections[data[0] % 4], &wl, err)) {
		check_good(&wl);
	} else {
		fuzz_assert(memchr(err, 0, sizeof(err)));
		check_error(err, path, data + 1, size - 1);
	}
	return 0;
}
