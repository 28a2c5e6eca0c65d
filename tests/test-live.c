// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's live round (guests/live.c, write.h), run on the host over an
 * ordinary buffer while a second thread plays the host that says stop:
 * every write is stamped, counted and, when timed, has exactly one gap;
 * the pass cut short by the stop writes nothing after it; untimed rounds
 * record passes and no gaps.  And the writer's two address paths (slice
 * in one region, or across regions) write the same pages.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "unit.h"

#define NPAGES	512
#define PASSES	4	/* stride 4 covers every page in 4 */

static struct ds_guest_params P;
static uint64_t truth[NPAGES / 64], freemap[NPAGES / 64];
static struct ds_live_stats ls;
static volatile uint32_t stop;
static volatile uint64_t progress;
static char *mem;

/* The host's side: stop once PASSES whole passes are done. */
static void *stopper(void *arg)
{
	(void)arg;
	while (__atomic_load_n(&ls.passes, __ATOMIC_RELAXED) < PASSES)
		;
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	return NULL;
}

static void setup(const char *pattern, uint32_t regions)
{
	memset(&P, 0, sizeof(P));
	ds_pat_params_default(&P.pat);
	P.pat.pattern = ds_pattern_find(pattern);
	P.nr_vcpus = 1;
	P.nr_pages = NPAGES;
	P.nr_regions = regions;
	P.regions[0].gva = (uint64_t)mem;
	P.regions[0].nr_pages = regions == 1 ? NPAGES : NPAGES / 4;
	/* The second region, where there is one, not adjacent to the first. */
	P.regions[1].gva = (uint64_t)mem + (NPAGES / 4 + 8) * DS_PAGE_SIZE;
	P.regions[1].nr_pages = NPAGES - NPAGES / 4;
	memset(mem, 0, (NPAGES + 8) * DS_PAGE_SIZE);
}

static uint64_t gaps_counted(void)
{
	uint64_t n = 0;
	uint32_t b;

	for (b = 0; b < DS_GAP_BUCKETS; b++)
		n += ls.gaps[b];
	return n;
}

static bool stamps_in_order(uint64_t round, uint64_t seq_below)
{
	const struct ds_stamp *s;
	uint64_t i;

	for (i = 0; i < NPAGES; i++) {
		s = (const struct ds_stamp *)ds_page_addr(&P, i);
		if (!ds_bit_test(truth, i) || s->magic != DS_STAMP_MAGIC ||
		    s->round != round || s->vcpu || s->seq >= seq_below)
			return false;
	}
	return true;
}

static uint64_t live(bool gaps, struct ds_pat_ctx *ctx)
{
	pthread_t t;

	memset(&ls, 0, sizeof(ls));
	stop = 0;
	progress = 7;	/* a counter never goes back: it continues */
	ds_pat_ctx_init(ctx, &P, 0, 1, truth, freemap, &progress);
	pthread_create(&t, NULL, stopper, NULL);
	ds_live_round(ctx, &ds_patterns[P.pat.pattern], &ls, &stop, gaps);
	pthread_join(t, NULL);
	return ctx->seq;
}

int main(void)
{
	uint64_t one[NPAGES / 64], seq, hi;
	struct ds_pat_ctx ctx;
	uint32_t b, top = 0;

	mem = aligned_alloc(4096, (NPAGES + 8) * DS_PAGE_SIZE);

	setup("seq", 1);
	seq = live(true, &ctx);
	CHECK(ls.passes >= PASSES && seq >= ls.passes * NPAGES &&
	      seq < (ls.passes + 1) * NPAGES,
	      "timed: %lu passes of %u pages, and no write after the stop (%lu writes)",
	      (unsigned long)ls.passes, NPAGES, (unsigned long)seq);
	CHECK(gaps_counted() == seq, "timed: one gap per write (%lu gaps, %lu writes)",
	      (unsigned long)gaps_counted(), (unsigned long)seq);
	CHECK(progress == 7 + seq, "writes_done went on from 7 by every write (%lu)",
	      (unsigned long)progress);
	CHECK(stamps_in_order(1, seq), "every page stamped, round 1, vCPU 0, seq below %lu",
	      (unsigned long)seq);
	for (b = 0; b < DS_GAP_BUCKETS; b++)
		if (ls.gaps[b])
			top = b;
	hi = top + 1 < DS_GAP_BUCKETS ? ds_gap_bucket_lo(top + 1) : ~0ULL;
	CHECK(ls.max_gap >= ds_gap_bucket_lo(top) && ls.max_gap < hi,
	      "the exact longest gap lies in the highest bucket used (%lu in [%lu, %lu))",
	      (unsigned long)ls.max_gap, (unsigned long)ds_gap_bucket_lo(top),
	      (unsigned long)hi);
	CHECK(ls.pass_cycles[0] && ls.end >= ls.start, "passes timed, end after start");

	seq = live(false, &ctx);
	CHECK(ls.passes >= PASSES && !gaps_counted() && !ls.max_gap,
	      "untimed: %lu passes, no gap recorded", (unsigned long)ls.passes);
	CHECK(ls.pass_cycles[0] && progress == 7 + seq && stamps_in_order(1, seq),
	      "untimed: passes timed, writes counted and stamped as timed");

	setup("stride", 2);
	seq = live(true, &ctx);
	CHECK(ls.passes >= PASSES && gaps_counted() == seq && stamps_in_order(1, seq),
	      "a slice across two regions: stride passes, gaps and stamps (%lu writes)",
	      (unsigned long)seq);

	/* The same random round through both address paths: the same pages. */
	setup("random", 1);
	P.pat.fraction_ppm = 300000;
	ds_pat_ctx_init(&ctx, &P, 0, 2, truth, freemap, NULL);
	ds_patterns[P.pat.pattern].run(&ctx);
	memcpy(one, truth, sizeof(one));
	seq = ctx.seq;
	setup("random", 2);
	P.pat.fraction_ppm = 300000;
	ds_pat_ctx_init(&ctx, &P, 0, 2, truth, freemap, NULL);
	ds_patterns[P.pat.pattern].run(&ctx);
	CHECK(!memcmp(one, truth, sizeof(one)) && ctx.seq == seq && seq == NPAGES * 3 / 10,
	      "random over one region and over two: the same %lu writes",
	      (unsigned long)seq);

	/* A burst that wraps at the slice's end keeps its run contiguous. */
	setup("burst", 1);
	P.pat.fraction_ppm = 1000000;
	P.pat.burst_pages = 7;
	P.pat.burst_idle = 1;
	ds_pat_ctx_init(&ctx, &P, 0, 1, truth, freemap, NULL);
	ds_patterns[P.pat.pattern].run(&ctx);
	CHECK(ctx.seq == NPAGES && stamps_in_order(1, NPAGES),
	      "burst at 100%% writes every page once, wrapping (%lu)", (unsigned long)ctx.seq);
	free(mem);
	return unit_exit();
}
