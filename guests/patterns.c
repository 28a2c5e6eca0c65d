// SPDX-License-Identifier: GPL-2.0
/*
 * The dirty patterns.  Each one decides which pages of its vCPU's slice to
 * write in a round; ds_write() (write.h) does the writing, so every
 * pattern stamps pages and records its ground truth the same way.
 *
 * This file is compiled without libc calls: it runs inside the guest, from
 * the test's own ELF image.
 */
#include "write.h"

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
	ctx->progress_sink = 0;
	ctx->progress = progress ? progress : &ctx->progress_sink;
	ctx->live = 0;
	ctx->live_gaps = false;
	ctx->live_stop = 0;
	/* Distinct, reproducible streams per (seed, vCPU, round). */
	ds_prng_seed(&ctx->rng, p->pat.seed ^ ((uint64_t)vcpu << 48) ^
		     (round * 0x100000001b3ULL));
	for (i = 0; i < (ctx->nr + 63) / 64; i++)
		truth[i] = 0;
}

/*
 * Each pattern is one body over a writer, compiled six times by
 * DS_PATTERN() (not live, live, or live with each write's gap timed; the
 * slice in one region or not), so that ds_write() asks none of that per
 * write.  A body keeps what it reads per write in locals: the stamps are
 * volatile and the truth bit is an asm with a memory clobber, after either
 * of which ctx's fields would be read again.
 * WRITE(idx) is ds_write() in the body's copy; a false return means the
 * live round was told to stop, and the body stops writing.
 */
#define WRITE(idx)	ds_write(w, (idx), live, timed, flat)
#define DS_PATTERN(name)						\
static void name(struct ds_pat_ctx *ctx)				\
{									\
	bool flat, timed = ctx->live && ctx->live_gaps;			\
	struct ds_writer w;						\
									\
	ds_writer_open(&w, ctx);					\
	flat = w.base;							\
	if (timed && flat)						\
		name##_body(ctx, &w, true, true, true);			\
	else if (timed)							\
		name##_body(ctx, &w, true, true, false);		\
	else if (ctx->live && flat)					\
		name##_body(ctx, &w, true, false, true);		\
	else if (ctx->live)						\
		name##_body(ctx, &w, true, false, false);		\
	else if (flat)							\
		name##_body(ctx, &w, false, false, true);		\
	else								\
		name##_body(ctx, &w, false, false, false);		\
	ds_writer_close(&w, ctx);					\
}
#define DS_BODY(name)							\
static __always_inline void name##_body(struct ds_pat_ctx *ctx,	\
					struct ds_writer *w,		\
					const bool live, const bool timed, \
					const bool flat)

/*
 * seq: a contiguous run of budget pages, starting where the last ended
 * and wrapping at the slice's end; at most a slice's worth a round.
 */
DS_BODY(pat_seq)
{
	uint64_t n = ds_pat_budget(ctx), nr = ctx->nr, start;

	if (n > nr)
		n = nr;
	start = (ctx->phase * n) % nr;
	if (start + n <= nr) {
		ds_write_run(w, start, start + n, 1, live, timed, flat);
		return;
	}
	if (ds_write_run(w, start, nr, 1, live, timed, flat))
		ds_write_run(w, 0, start + n - nr, 1, live, timed, flat);
}
DS_PATTERN(pat_seq)

/*
 * rw: budget accesses in order from where the last ended, like seq, each
 * a write with probability write_pct% and else a read, as the guest of
 * dirty_log_perf_test -w does: a guest that reads more than it writes,
 * whose reads must dirty nothing (BITMAP-002).
 */
DS_BODY(pat_rw)
{
	uint64_t n = ds_pat_budget(ctx), nr = ctx->nr, idx, i;
	uint32_t write_pct = ctx->p->pat.write_pct;
	struct ds_prng rng = ctx->rng;
	bool more;

	idx = (ctx->phase * n) % nr;
	for (i = 0; i < n; i++) {
		if (ds_prng_below(&rng, 100) < write_pct)
			more = WRITE(idx);
		else
			more = ds_read(w, idx, live, flat);
		if (!more)
			break;
		if (++idx == nr)
			idx = 0;
	}
	ctx->rng = rng;
}
DS_PATTERN(pat_rw)

/* random: budget writes to uniformly chosen pages (repeats allowed). */
DS_BODY(pat_random)
{
	uint64_t n = ds_pat_budget(ctx), nr = ctx->nr, i;
	struct ds_prng rng = ctx->rng;

	for (i = 0; i < n; i++)
		if (!WRITE(ds_prng_below(&rng, nr)))
			break;
	ctx->rng = rng;
}
DS_PATTERN(pat_random)

/* stride: every stride-th page, the phase moving by one page each round (or pass). */
DS_BODY(pat_stride)
{
	uint64_t s = ctx->p->pat.stride ? ctx->p->pat.stride : 1;

	ds_write_run(w, ctx->phase % s, ctx->nr, s, live, timed, flat);
}
DS_PATTERN(pat_stride)

/* hotset: hot_pct% of the writes go to the first hot_set_pct% of pages. */
DS_BODY(pat_hotset)
{
	uint64_t n = ds_pat_budget(ctx), nr = ctx->nr, i, idx;
	uint64_t hot = nr * ctx->p->pat.hot_set_pct / 100;
	uint32_t hot_pct = ctx->p->pat.hot_pct;
	struct ds_prng rng = ctx->rng;

	if (!hot)
		hot = 1;
	for (i = 0; i < n; i++) {
		if (hot == nr || ds_prng_below(&rng, 100) < hot_pct)
			idx = ds_prng_below(&rng, hot);
		else
			idx = hot + ds_prng_below(&rng, nr - hot);
		if (!WRITE(idx))
			break;
	}
	ctx->rng = rng;
}
DS_PATTERN(pat_hotset)

/*
 * burst: burst_pages consecutive writes, then burst_idle pause iterations,
 * until the budget is spent: the shape of a guest that computes between
 * stores, which gives a harvester running beside it time to catch up.
 */
DS_BODY(pat_burst)
{
	uint64_t n = ds_pat_budget(ctx), nr = ctx->nr, idx, len, left, j;
	uint64_t b = ctx->p->pat.burst_pages ? ctx->p->pat.burst_pages : 1;
	uint64_t idle = ctx->p->pat.burst_idle;
	struct ds_prng rng = ctx->rng;

	idx = ds_prng_below(&rng, nr);
	ctx->rng = rng;
	/* Runs end where a burst does, where the budget does, or at the wrap. */
	for (left = b; n; n -= len) {
		len = left < n ? left : n;
		if (len > nr - idx)
			len = nr - idx;
		if (!ds_write_run(w, idx, idx + len, 1, live, timed, flat))
			return;
		idx = idx + len == nr ? 0 : idx + len;
		left -= len;
		if (left)
			continue;
		left = b;
		for (j = 0; j < idle; j++)
			ds_cpu_relax();
	}
}
DS_PATTERN(pat_burst)

/*
 * churn: an allocator's life.  Pages are allocated (written) from the free
 * map and churn_pct% of the pages written this round are freed again before
 * the round ends, published in the free map the way virtio-balloon's free
 * page hinting publishes them, so the host can count dirty-but-free pages.
 */
DS_BODY(pat_churn)
{
	uint64_t n = ds_pat_budget(ctx), nr = ctx->nr, i, idx;
	uint32_t churn_pct = ctx->p->pat.churn_pct;
	struct ds_prng rng = ctx->rng;

	for (i = 0; i < n; i++) {
		idx = ds_prng_below(&rng, nr);
		if (!WRITE(idx))
			break;
		ds_bit_clear(ctx->freemap, idx);
	}
	for (i = 0; i < nr; i++)
		if (ds_bit_test(ctx->truth, i) &&
		    ds_prng_below(&rng, 100) < churn_pct)
			ds_bit_set(ctx->freemap, i);
	ctx->rng = rng;
}
DS_PATTERN(pat_churn)

/* Sorted by name; adding a pattern is one function and one line here. */
const struct ds_pattern ds_patterns[] = {
	{ "burst",  "bursts of writes separated by idle spins", pat_burst },
	{ "churn",  "alloc/free churn with a published free-page map", pat_churn },
	{ "hotset", "hot_pct% of writes to hot_set_pct% of pages", pat_hotset },
	{ "random", "seeded uniform random pages", pat_random },
	{ "rw",     "in order, write_pct% writes and the rest reads", pat_rw },
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
	pp->write_pct = 100;	/* dirty_log_perf_test's -w default */
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
