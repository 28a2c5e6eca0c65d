// SPDX-License-Identifier: GPL-2.0
/*
 * The dirty patterns.  Each one decides which pages of its vCPU's slice to
 * write in a round; ds_touch() does the writing, so every pattern stamps
 * pages and records its ground truth the same way.
 *
 * This file is compiled without libc calls: it runs inside the guest, from
 * the test's own ELF image.
 */
#include "pattern.h"

uint64_t ds_page_addr(const struct ds_guest_params *p, uint64_t page)
{
	uint32_t i;

	for (i = 0; i < p->nr_regions; i++) {
		if (page < p->regions[i].nr_pages)
			return p->regions[i].gva + page * DS_PAGE_SIZE;
		page -= p->regions[i].nr_pages;
	}
	return 0;
}

void ds_touch(struct ds_pat_ctx *ctx, uint64_t idx)
{
	volatile struct ds_stamp *s;

	/* A live round that has been told to stop writes no more. */
	if (ctx->live && *ctx->live_stop)
		return;
	s = (volatile struct ds_stamp *)ds_page_addr(ctx->p, ctx->first + idx);
	s->round = ctx->round;
	s->vcpu = ctx->vcpu;
	s->magic = DS_STAMP_MAGIC;
	s->seq = ctx->seq++;
	ds_bit_set(ctx->truth, idx);
	if (ctx->progress)
		*ctx->progress += 1;
	if (ctx->live)
		ds_live_gap(ctx->live, &ctx->live_last, ds_cycles());
}

uint64_t ds_pat_budget(const struct ds_pat_ctx *ctx)
{
	uint64_t n = ctx->nr * ctx->p->pat.fraction_ppm / 1000000;

	return n ? n : 1;
}

void ds_pat_ctx_init(struct ds_pat_ctx *ctx, const struct ds_guest_params *p,
		     uint32_t vcpu, uint64_t round, uint64_t *truth,
		     uint64_t *freemap, volatile uint64_t *progress)
{
	uint64_t per = p->nr_pages / p->nr_vcpus;
	uint64_t i;

	ctx->p = p;
	ctx->vcpu = vcpu;
	ctx->round = round;
	ctx->phase = round - 1;
	ctx->first = per * vcpu;
	/* The last vCPU takes the remainder. */
	ctx->nr = vcpu == p->nr_vcpus - 1 ? p->nr_pages - ctx->first : per;
	ctx->seq = 0;
	ctx->truth = truth;
	ctx->freemap = freemap;
	ctx->progress = progress;
	ctx->live = 0;
	ctx->live_stop = 0;
	/* Distinct, reproducible streams per (seed, vCPU, round). */
	ds_prng_seed(&ctx->rng, p->pat.seed ^ ((uint64_t)vcpu << 48) ^
		     (round * 0x100000001b3ULL));
	for (i = 0; i < (ctx->nr + 63) / 64; i++)
		truth[i] = 0;
}

/* seq: a contiguous run of budget pages, starting where the last ended. */
static void pat_seq(struct ds_pat_ctx *ctx)
{
	uint64_t n = ds_pat_budget(ctx), start, i;

	start = (ctx->phase * n) % ctx->nr;
	for (i = 0; i < n; i++)
		ds_touch(ctx, (start + i) % ctx->nr);
}

/* random: budget writes to uniformly chosen pages (repeats allowed). */
static void pat_random(struct ds_pat_ctx *ctx)
{
	uint64_t n = ds_pat_budget(ctx), i;

	for (i = 0; i < n; i++)
		ds_touch(ctx, ds_prng_below(&ctx->rng, ctx->nr));
}

/* stride: every stride-th page, the phase moving by one page each round (or pass). */
static void pat_stride(struct ds_pat_ctx *ctx)
{
	uint64_t s = ctx->p->pat.stride ? ctx->p->pat.stride : 1, i;

	for (i = ctx->phase % s; i < ctx->nr; i += s)
		ds_touch(ctx, i);
}

/* hotset: hot_pct% of the writes go to the first hot_set_pct% of pages. */
static void pat_hotset(struct ds_pat_ctx *ctx)
{
	uint64_t n = ds_pat_budget(ctx), i;
	uint64_t hot = ctx->nr * ctx->p->pat.hot_set_pct / 100;

	if (!hot)
		hot = 1;
	for (i = 0; i < n; i++) {
		if (hot == ctx->nr ||
		    ds_prng_below(&ctx->rng, 100) < ctx->p->pat.hot_pct)
			ds_touch(ctx, ds_prng_below(&ctx->rng, hot));
		else
			ds_touch(ctx, hot + ds_prng_below(&ctx->rng,
							  ctx->nr - hot));
	}
}

/*
 * burst: burst_pages consecutive writes, then burst_idle pause iterations,
 * until the budget is spent: the shape of a guest that computes between
 * stores, which gives a harvester running beside it time to catch up.
 */
static void pat_burst(struct ds_pat_ctx *ctx)
{
	uint64_t n = ds_pat_budget(ctx), b = ctx->p->pat.burst_pages, i, j;
	uint64_t start = ds_prng_below(&ctx->rng, ctx->nr);

	if (!b)
		b = 1;
	for (i = 0; i < n; i++) {
		ds_touch(ctx, (start + i) % ctx->nr);
		if ((i + 1) % b == 0)
			for (j = 0; j < ctx->p->pat.burst_idle; j++)
				ds_cpu_relax();
	}
}

/*
 * churn: an allocator's life.  Pages are allocated (written) from the free
 * map and churn_pct% of the pages written this round are freed again before
 * the round ends, published in the free map the way virtio-balloon's free
 * page hinting publishes them, so the host can count dirty-but-free pages.
 */
static void pat_churn(struct ds_pat_ctx *ctx)
{
	uint64_t n = ds_pat_budget(ctx), i, idx;

	for (i = 0; i < n; i++) {
		idx = ds_prng_below(&ctx->rng, ctx->nr);
		ds_bit_clear(ctx->freemap, idx);
		ds_touch(ctx, idx);
	}
	for (i = 0; i < ctx->nr; i++)
		if (ds_bit_test(ctx->truth, i) &&
		    ds_prng_below(&ctx->rng, 100) < ctx->p->pat.churn_pct)
			ds_bit_set(ctx->freemap, i);
}

/* Sorted by name; adding a pattern is one function and one line here. */
const struct ds_pattern ds_patterns[] = {
	{ "burst",  "bursts of writes separated by idle spins", pat_burst },
	{ "churn",  "alloc/free churn with a published free-page map", pat_churn },
	{ "hotset", "hot_pct% of writes to hot_set_pct% of pages", pat_hotset },
	{ "random", "seeded uniform random pages", pat_random },
	{ "seq",    "contiguous run, every page in order at 100%", pat_seq },
	{ "stride", "every stride-th page", pat_stride },
};
const unsigned int ds_nr_patterns = sizeof(ds_patterns) / sizeof(ds_patterns[0]);

static int ds_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

void ds_pat_params_default(struct ds_pattern_params *pp)
{
	pp->pattern = ds_pattern_find("seq");
	pp->fraction_ppm = 1000000;
	pp->stride = 4;
	pp->hot_pct = 90;
	pp->hot_set_pct = 10;
	pp->burst_pages = 64;
	/* Short: a PAUSE may exit to the host on some hypervisors. */
	pp->burst_idle = 100;
	pp->churn_pct = 50;
	pp->seed = 0x5eed;
}

int ds_pattern_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < ds_nr_patterns; i++)
		if (ds_streq(ds_patterns[i].name, name))
			return i;
	return -1;
}
