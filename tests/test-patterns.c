// SPDX-License-Identifier: GPL-2.0
/*
 * The dirty patterns, run on the host over an ordinary buffer: each covers
 * what it claims, stamps what it writes, and random ones replay from their
 * seed.
 */
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "unit.h"

#define NPAGES 1024	/* two regions: 384 + 640 pages */

static struct ds_guest_params P;
static uint64_t truth[NPAGES / 64 + 1], freemap[NPAGES / 64 + 1];
static char *mem;

static void setup(const char *pattern, uint32_t fraction_ppm)
{
	memset(&P, 0, sizeof(P));
	P.pat.pattern = ds_pattern_find(pattern);
	P.pat.fraction_ppm = fraction_ppm;
	P.pat.stride = 4;
	P.pat.hot_pct = 100;
	P.pat.hot_set_pct = 10;
	P.pat.burst_pages = 8;
	P.pat.burst_idle = 1;
	P.pat.churn_pct = 100;
	P.pat.seed = 1;
	P.nr_vcpus = 1;
	P.nr_pages = NPAGES;
	P.nr_regions = 2;
	P.regions[0].gva = (uint64_t)mem;
	P.regions[0].nr_pages = 384;
	/* The second region is not adjacent to the first. */
	P.regions[1].gva = (uint64_t)mem + 400 * DS_PAGE_SIZE;
	P.regions[1].nr_pages = 640;
	memset(mem, 0, 1040 * DS_PAGE_SIZE);
	memset(freemap, 0xff, sizeof(freemap));
}

static uint64_t ds_popcount_map(const uint64_t *map, uint64_t n)
{
	uint64_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ds_bit_test(map, i);
	return c;
}

static uint64_t run(uint64_t round, struct ds_pat_ctx *ctx)
{
	ds_pat_ctx_init(ctx, &P, 0, round, truth, freemap, NULL);
	ds_patterns[P.pat.pattern].run(ctx);
	return ds_popcount_map(truth, NPAGES);
}

static bool stamps_match(uint64_t round)
{
	struct ds_stamp *s;
	uint64_t i;

	for (i = 0; i < NPAGES; i++) {
		if (!ds_bit_test(truth, i))
			continue;
		s = (struct ds_stamp *)ds_page_addr(&P, i);
		if (s->magic != DS_STAMP_MAGIC || s->round != round || s->vcpu)
			return false;
	}
	return true;
}

int main(void)
{
	uint64_t copy[NPAGES / 64 + 1], i, n;
	struct ds_pat_ctx ctx;
	bool ok;

	mem = aligned_alloc(4096, 1040 * DS_PAGE_SIZE);
	CHECK(ds_nr_patterns >= 6, "%u patterns registered", ds_nr_patterns);
	CHECK(ds_pattern_find("nope") == -1, "unknown pattern not found");
	CHECK(ds_page_addr(&P, 0) == 0, "no regions: no address");

	setup("seq", 1000000);
	CHECK(run(1, &ctx) == NPAGES, "seq at 100%% writes every page");
	CHECK(stamps_match(1), "seq stamps name round 1, vCPU 0");
	CHECK(ds_page_addr(&P, 384) == (uint64_t)mem + 400 * DS_PAGE_SIZE,
	      "page 384 is the first of region 1");

	setup("seq", 250000);
	CHECK(run(1, &ctx) == NPAGES / 4 && ds_bit_test(truth, 0) &&
	      !ds_bit_test(truth, NPAGES / 4), "seq at 25%% writes the first quarter");
	CHECK(run(2, &ctx) == NPAGES / 4 && ds_bit_test(truth, NPAGES / 4),
	      "round 2 continues where round 1 ended");

	setup("stride", 1000000);
	run(3, &ctx);
	for (ok = true, i = 0; i < NPAGES; i++)
		ok &= ds_bit_test(truth, i) == (i % 4 == 2);
	CHECK(ok, "stride 4 in round 3 writes exactly pages 2, 6, 10, ...");

	setup("random", 100000);
	n = run(1, &ctx);
	memcpy(copy, truth, sizeof(copy));
	CHECK(n > 80 && n <= 102, "random 10%% writes ~102 distinct pages (%lu)", n);
	run(1, &ctx);
	CHECK(!memcmp(copy, truth, sizeof(copy)), "same seed and round replay");
	run(2, &ctx);
	CHECK(memcmp(copy, truth, sizeof(copy)), "another round differs");
	P.pat.seed = 2;
	run(1, &ctx);
	CHECK(memcmp(copy, truth, sizeof(copy)), "another seed differs");

	setup("hotset", 500000);
	run(1, &ctx);
	for (ok = true, i = NPAGES / 10 + 1; i < NPAGES; i++)
		ok &= !ds_bit_test(truth, i);
	CHECK(ok, "hotset 100%% of writes stay in the hot 10%%");
	P.pat.hot_pct = 0;
	run(1, &ctx);
	for (ok = true, i = 0; i < NPAGES / 10; i++)
		ok &= !ds_bit_test(truth, i);
	CHECK(ok, "hotset 0%% never touches the hot set");

	setup("rw", 500000);
	P.pat.write_pct = 100;
	CHECK(run(1, &ctx) == NPAGES / 2 && ctx.seq == NPAGES / 2 && ds_bit_test(truth, 0) &&
	      !ds_bit_test(truth, NPAGES / 2), "rw 100%% writes: the first half, as seq");
	P.pat.write_pct = 0;
	CHECK(run(1, &ctx) == 0 && ctx.seq == 0, "rw 0%% writes: reads only, nothing written");
	P.pat.write_pct = 50;
	n = run(1, &ctx);
	for (ok = true, i = NPAGES / 2; i < NPAGES; i++)
		ok &= !ds_bit_test(truth, i);
	CHECK(n == ctx.seq && n > NPAGES / 8 && n < NPAGES * 3 / 8 && ok && stamps_match(1),
	      "rw 50%% writes about half of its %u pages, stamped, none past them (%lu)",
	      NPAGES / 2, n);

	setup("burst", 100000);
	CHECK(run(1, &ctx) == 102 && ctx.seq == 102, "burst writes its budget (%lu)",
	      ctx.seq);
	CHECK(stamps_match(1), "burst stamps");

	setup("churn", 100000);
	n = run(1, &ctx);
	for (ok = true, i = 0; i < NPAGES; i++)
		ok &= ds_bit_test(freemap, i) == true;
	CHECK(n > 0 && ok, "churn 100%% frees every page it wrote again");
	P.pat.churn_pct = 0;
	memset(freemap, 0xff, sizeof(freemap));
	n = run(1, &ctx);
	CHECK(ds_popcount_map(freemap, NPAGES) == NPAGES - n,
	      "churn 0%% leaves written pages allocated");
	free(mem);
	return unit_exit();
}
