/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dirty patterns: what a vCPU writes in one round.  Each pattern is a small
 * function over a vCPU's slice of the test pages, registered in one table
 * (patterns.c).  The same code runs in the guest and, for the unit tests,
 * on the host over an ordinary buffer.
 */
#ifndef DS_PATTERN_H
#define DS_PATTERN_H

#include <stdbool.h>
#include "guest_params.h"
#include "arch.h"
#include "live.h"
#include "prng.h"

/* One vCPU's view of one round. */
struct ds_pat_ctx {
	const struct ds_guest_params *p;
	uint32_t vcpu;
	uint64_t round;
	uint64_t phase;		/* where seq and stride start: round - 1, plus the pass when live */
	uint64_t first;		/* first global page of this vCPU's slice */
	uint64_t nr;		/* pages in the slice */
	uint64_t seq;		/* writes so far this round */
	uint64_t *truth;	/* bitmap over the slice: pages written */
	uint64_t *freemap;	/* bitmap over the slice: pages free (churn) */
	volatile uint64_t *progress;	/* writes_done counter, or progress_sink */
	uint64_t progress_sink;		/* where a caller without a counter counts */
	struct ds_live_stats *live;	/* live round (live.h): its record; else NULL */
	bool live_gaps;			/* live: time each write's gap */
	const volatile uint32_t *live_stop;	/* live: set when the round ends */
	struct ds_prng rng;
};

struct ds_pattern {
	const char *name;
	const char *help;
	void (*run)(struct ds_pat_ctx *ctx);
};

extern const struct ds_pattern ds_patterns[];
extern const unsigned int ds_nr_patterns;

/* The defaults every user starts from: seq over every page, seed 0x5eed. */
void ds_pat_params_default(struct ds_pattern_params *pp);

/* Index of the pattern called @name, or -1. */
int ds_pattern_find(const char *name);

/* Writes per round for @nr pages at the configured fraction (at least 1). */
uint64_t ds_pat_budget(const struct ds_pat_ctx *ctx);

/* Guest-virtual (or, in unit tests, host) address of global page @page. */
uint64_t ds_page_addr(const struct ds_guest_params *p, uint64_t page);

/* Set up @ctx for @vcpu's slice in @round; @progress may be NULL. */
void ds_pat_ctx_init(struct ds_pat_ctx *ctx, const struct ds_guest_params *p,
		     uint32_t vcpu, uint64_t round, uint64_t *truth,
		     uint64_t *freemap, volatile uint64_t *progress);

static inline void ds_bit_set(uint64_t *map, uint64_t i)
{
	map[i / 64] |= 1ULL << (i % 64);
}

static inline void ds_bit_clear(uint64_t *map, uint64_t i)
{
	map[i / 64] &= ~(1ULL << (i % 64));
}

static inline bool ds_bit_test(const uint64_t *map, uint64_t i)
{
	return map[i / 64] & (1ULL << (i % 64));
}

#endif /* DS_PATTERN_H */
