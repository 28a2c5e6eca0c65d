/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Named benchmark workloads (workloads/NAME.wl), fio-style: key = value
 * lines, '#' comments, and optional [section]s whose lines override the
 * file's global lines for that variant.  Parsing needs no KVM, so the unit
 * test links only the keys (workload.c), the file reader (workload_file.c)
 * and the pattern table.
 */
#ifndef DS_WORKLOAD_H
#define DS_WORKLOAD_H

#include <stdbool.h>
#include <stdint.h>

#include "guest_params.h"

#define DS_WL_MAX_MODES	8
#define DS_WL_NAME	64
#define DS_WL_ERR	512

/* Same order as enum ds_backing in vm.h; kept apart so no KVM header is needed. */
enum ds_wl_backing { DS_WL_ANON, DS_WL_THP, DS_WL_HUGETLB };

#define DS_WL_CPUS	64	/* a location string, placement.h */

struct ds_workload {
	char name[DS_WL_NAME];		/* "file" or "file[section]" */
	uint64_t mem_bytes;		/* all test memory, split over memslots */
	uint32_t nr_vcpus;
	uint32_t nr_slots;
	enum ds_wl_backing backing;
	struct ds_pattern_params pat;	/* pattern, fraction_ppm and the rest */
	uint32_t rounds;		/* measured rounds per point */
	uint32_t warmup;		/* rounds run and discarded first */
	uint32_t nr_modes;		/* 0: every mode of this build */
	char modes[DS_WL_MAX_MODES][16];
	uint32_t ring_entries;		/* ring: entries per vCPU */
	uint32_t clear_shift;		/* clear: 2^shift pages per CLEAR call */
	uint32_t waitqueue;		/* ring: the wait-queue ring (kernel/patches) */
	uint32_t live_ms;		/* -x live: how long each point runs free */
	uint32_t live_gaps;		/* -x live: time each write's gap (guests/write.h) */
	uint32_t spin_wait;		/* rounds: vCPU and harvester threads busy-wait */
	uint32_t warm_set;		/* rounds: the harvest's set touched before the clock */
	/*
	 * Where the vCPU threads and the harvesting thread run, as
	 * placement.h's locations ("pu:1", "0-1", "core:0/core:1"); "" lets
	 * the kernel choose.  -x placement places its own, and refuses these.
	 */
	char vcpu_cpus[DS_WL_CPUS];
	char harvest_cpu[DS_WL_CPUS];
	/*
	 * DS_WL_POPULATE_ALL: every page faulted in before anything is
	 * measured, so no measured write is a first touch (the tracking tax).
	 * DS_WL_POPULATE_NONE: only the pages the rounds dirty are ever
	 * touched, so a guest of many GiB costs the host little more than
	 * those pages (the memory sweep).
	 */
	enum { DS_WL_POPULATE_ALL, DS_WL_POPULATE_NONE } populate;
};

/* The defaults a file's lines start from (and what `default.wl` states). */
void ds_workload_default(struct ds_workload *wl);

/*
 * Parse @path into @wl: the global lines, then those of [@section] when
 * @section is not NULL.  Every line of the file is checked, whichever
 * section is chosen.  On error, @err holds one line "FILE:LINE: problem"
 * and false is returned.
 */
bool ds_workload_load(const char *path, const char *section,
		      struct ds_workload *wl, char err[DS_WL_ERR]);

/* Apply one "key = value" setting, as a file line would (for -o options). */
bool ds_workload_set(struct ds_workload *wl, const char *key,
		     const char *value, char *why, unsigned int why_len);

/* Parse a decimal percentage ("0.1", "100") into parts per million. */
bool ds_parse_pct_ppm(const char *text, uint32_t *ppm);

#endif /* DS_WORKLOAD_H */
