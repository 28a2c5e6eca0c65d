/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The live (free-running) round: the vCPUs write pass after pass of their
 * pattern, never stopping for the host, until the host sets
 * ds_ctl.live_stop; a harvester on the host harvests beside them.  What
 * the guest itself feels is recorded here, per vCPU, in guest memory the
 * host reads afterwards: the time between each write and the next (a
 * write that faulted on a write-protected page, or waited for a full ring
 * to be reset, shows as a long gap), and how long each whole pass took.
 *
 * Times are in the guest's cycle counter (ds_cycles()); the host converts
 * them.  The histogram is log-linear: exact below DS_GAP_SUB cycles, then
 * DS_GAP_SUB buckets per power of two, so a bucket is at most 1/16 wide
 * (6 %) of its value, finer than the run-to-run noise of a stall.
 */
#ifndef DS_LIVE_H
#define DS_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#define DS_GAP_SUB_SHIFT	4
#define DS_GAP_SUB		(1u << DS_GAP_SUB_SHIFT)
#define DS_GAP_BUCKETS		((64 - DS_GAP_SUB_SHIFT + 1) * DS_GAP_SUB)
#define DS_LIVE_PASSES		256

struct ds_live_stats {
	uint64_t start;		/* ds_cycles() when the live round began */
	uint64_t end;		/* ... and at its last write */
	uint64_t passes;	/* whole passes completed */
	uint64_t max_gap;	/* the longest gap, exactly */
	uint64_t pass_cycles[DS_LIVE_PASSES];	/* the first passes' lengths */
	uint64_t gaps[DS_GAP_BUCKETS];		/* count of gaps per bucket */
};

/*
 * The bucket of a gap of @v cycles: v itself below DS_GAP_SUB, else the
 * octave above the first and the next DS_GAP_SUB_SHIFT bits below the
 * top one.  Written without a branch (v | DS_GAP_SUB makes the small
 * gaps' shift 0): the guest runs it after every live write (write.h).
 */
static inline uint64_t ds_gap_bucket(uint64_t v)
{
	/* 63 ^ clz is the top bit's index: one BSR, where 63 - clz was three. */
	uint64_t sh = (63 ^ (uint64_t)__builtin_clzll(v | DS_GAP_SUB)) -
		      DS_GAP_SUB_SHIFT;

	return (sh << DS_GAP_SUB_SHIFT) + (v >> sh);
}

/* The smallest gap that falls in bucket @b (the inverse of the above). */
static inline uint64_t ds_gap_bucket_lo(uint32_t b)
{
	uint32_t octave = b / DS_GAP_SUB, sub = b % DS_GAP_SUB;

	if (!octave)
		return sub;
	return (uint64_t)(DS_GAP_SUB + sub) << (octave - 1);
}

struct ds_pat_ctx;
struct ds_pattern;

/*
 * Guest side: run @pat pass after pass in @ctx, which ds_pat_ctx_init()
 * set up, recording into @ls, until *@stop is set; the pass cut short by
 * the stop writes nothing more and is not counted.  @gaps: time every
 * write's gap, else only the passes.
 */
void ds_live_round(struct ds_pat_ctx *ctx, const struct ds_pattern *pat,
		   struct ds_live_stats *ls, const volatile uint32_t *stop,
		   bool gaps);

#endif /* DS_LIVE_H */
