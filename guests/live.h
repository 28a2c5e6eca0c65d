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

/* The bucket of a gap of @v cycles. */
static inline uint32_t ds_gap_bucket(uint64_t v)
{
	uint32_t msb;

	if (v < DS_GAP_SUB)
		return v;
	msb = 63 - __builtin_clzll(v);
	return (msb - DS_GAP_SUB_SHIFT + 1) * DS_GAP_SUB +
	       ((v >> (msb - DS_GAP_SUB_SHIFT)) & (DS_GAP_SUB - 1));
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
 * the stop writes nothing more and is not counted.
 */
void ds_live_round(struct ds_pat_ctx *ctx, const struct ds_pattern *pat,
		   struct ds_live_stats *ls, const volatile uint32_t *stop);

/* In ds_touch(), after the write: the gap since the last one. */
static inline void ds_live_gap(struct ds_live_stats *ls, uint64_t *last,
			       uint64_t now)
{
	uint64_t gap = now - *last;

	*last = now;
	ls->gaps[ds_gap_bucket(gap)]++;
	if (gap > ls->max_gap)
		ls->max_gap = gap;
}

#endif /* DS_LIVE_H */
