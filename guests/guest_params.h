/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host tells the guest payload, and what the guest leaves for the
 * host to check.  One struct, synced to the guest with
 * sync_global_to_guest() before the vCPUs first run; the host changes only
 * ds_ctl (through its host address) while the vCPUs are stopped.
 */
#ifndef DS_GUEST_PARAMS_H
#define DS_GUEST_PARAMS_H

#include <stdint.h>

#define DS_MAX_VCPUS	64
#define DS_MAX_REGIONS	16
#define DS_PAGE_SIZE	4096ULL
#define DS_PAGE_SHIFT	12

/* A stretch of guest-virtual test memory; pages are numbered across all. */
struct ds_region {
	uint64_t gva;
	uint64_t nr_pages;
};

/*
 * The stamp every write leaves at the start of a page: which round, which
 * vCPU and which write of that vCPU's round produced the page's content.
 * The host reads it back to prove the guest wrote the page it claims.
 */
struct ds_stamp {
	uint64_t round;
	uint32_t vcpu;
	uint32_t magic;
	uint64_t seq;
};
#define DS_STAMP_MAGIC	0x64697274u	/* "dirt" */

struct ds_pattern_params {
	uint32_t pattern;	/* index into ds_patterns[] */
	uint32_t fraction_ppm;	/* writes per round, per million of a vCPU's pages */
	uint32_t stride;	/* stride: write every stride-th page */
	uint32_t hot_pct;	/* hotset: percent of writes that go to the hot set */
	uint32_t hot_set_pct;	/* hotset: percent of pages in the hot set */
	uint32_t burst_pages;	/* burst: pages written back to back */
	uint32_t burst_idle;	/* burst: pause iterations between bursts */
	uint32_t churn_pct;	/* churn: percent of live pages freed per round */
	uint32_t write_pct;	/* rw: percent of accesses that write, the rest read */
	uint64_t seed;
};

struct ds_guest_params {
	struct ds_pattern_params pat;
	uint32_t nr_vcpus;
	uint32_t nr_regions;
	uint64_t nr_pages;			/* all regions together */
	struct ds_region regions[DS_MAX_REGIONS];
	uint64_t truth_gva[DS_MAX_VCPUS];	/* per-vCPU written-page bitmaps */
	uint64_t freemap_gva[DS_MAX_VCPUS];	/* per-vCPU free-page bitmaps (churn) */
	uint64_t live_gva[DS_MAX_VCPUS];	/* per-vCPU struct ds_live_stats (live.h) */
};

/*
 * Changed by the host between rounds, except live_stop, which ends a live
 * round while the vCPUs run.
 */
struct ds_guest_ctl {
	uint32_t stop;		/* leave the round loop at the next sync */
	uint32_t pause;		/* spin before writing (tests that watch the vCPU) */
	uint32_t live;		/* the next round runs free: passes until live_stop */
	uint32_t live_stop;	/* set while the vCPUs run: end the live round */
	uint32_t live_gaps;	/* live: time every write's gap (a clock read each) */
	uint64_t writes_done[DS_MAX_VCPUS];	/* progress counter, read live */
};

#endif /* DS_GUEST_PARAMS_H */
