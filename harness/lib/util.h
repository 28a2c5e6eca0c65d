/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small host-side helpers: allocation that cannot return NULL, clocks,
 * array and size arithmetic.
 */
#ifndef DS_UTIL_H
#define DS_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

void *ds_calloc(size_t n, size_t size);
void *ds_malloc(size_t size);

static inline uint64_t ds_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

#define DS_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Pages of DS_PAGE_SHIFT (guest_params.h) in @mib MiB, as a uint64_t. */
#define DS_MIB_PAGES(mib) ((uint64_t)(mib) << (20 - DS_PAGE_SHIFT))

#endif /* DS_UTIL_H */
