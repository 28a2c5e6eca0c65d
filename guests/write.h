/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One write of a pattern: stamp the page, record it in the truth bitmap,
 * count it in writes_done and, in a live round, put the gap since the
 * vCPU's last write in its histogram.
 *
 * It runs once for every page the guest dirties, so it is kept to the
 * instructions those four jobs need.  Where KVM runs the guest in its
 * instruction emulator (this host's PVM, README "Findings"), a write costs
 * about 1 us per guest instruction; a write path twice as long as
 * dirty_log_perf_test's made the guest's own bookkeeping, not dirty
 * tracking, most of the live figure (81 emulated instructions a write
 * against its 35 a page; 29 now, 15 untimed).  So the writer's state is
 * a local struct that the compiler keeps in registers once everything is
 * inlined, the stamp's vCPU and magic go out as one 8-byte store, and the
 * questions each write would otherwise ask (is this round live, is it
 * timed, does the slice lie in one region) are answered once per pass:
 * patterns.c compiles every pattern once for each answer.
 *
 * The gap costs a clock read a write.  Where the clock traps to the host
 * (RDTSC here: about 8 us, and with the histogram's instructions 17-25 us
 * a write, as much as the rest of it) that read is a real part of what the
 * timed guest does, so a live round can run untimed (ds_ctl.live_gaps =
 * 0), timing only its passes; dirtysuite bench --validate prints the
 * difference.
 */
#ifndef DS_WRITE_H
#define DS_WRITE_H

#include <stddef.h>
#include "pattern.h"

#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif

/* The stamp as the writer stores it: three words, vcpu and magic as one. */
_Static_assert(offsetof(struct ds_stamp, vcpu) == 8 &&
	       offsetof(struct ds_stamp, magic) == 12 &&
	       offsetof(struct ds_stamp, seq) == 16, "ds_stamp layout");
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "the stamp's tag word puts vcpu in its low half");

struct ds_writer {
	uint64_t base;		/* address of slice page 0 if the slice is in one region, else 0 */
	const struct ds_guest_params *p;	/* else: ds_page_addr() per write */
	uint64_t first;
	uint64_t round;
	uint64_t tag;		/* stamp word 1: vcpu | magic << 32 */
	uint64_t seq;
	uint64_t done_off;	/* writes_done - seq: one register fewer than both */
	uint64_t *truth;
	volatile uint64_t *progress;
	/* Live rounds only; the last write's time and the longest gap stay in *ls. */
	struct ds_live_stats *ls;
	const volatile uint32_t *stop;
};

/* Address of slice page 0 if pages [first, first + nr) share a region, else 0. */
static inline uint64_t ds_slice_base(const struct ds_guest_params *p,
				     uint64_t first, uint64_t nr)
{
	uint32_t i;

	for (i = 0; i < p->nr_regions; i++) {
		if (first < p->regions[i].nr_pages)
			return first + nr <= p->regions[i].nr_pages ?
			       p->regions[i].gva + first * DS_PAGE_SIZE : 0;
		first -= p->regions[i].nr_pages;
	}
	return 0;
}

static inline void ds_writer_open(struct ds_writer *w, struct ds_pat_ctx *ctx)
{
	w->base = ds_slice_base(ctx->p, ctx->first, ctx->nr);
	w->p = ctx->p;
	w->first = ctx->first;
	w->round = ctx->round;
	w->tag = ctx->vcpu | (uint64_t)DS_STAMP_MAGIC << 32;
	w->seq = ctx->seq;
	w->progress = ctx->progress;
	w->done_off = *ctx->progress - ctx->seq;
	w->truth = ctx->truth;
	w->ls = ctx->live;
	w->stop = ctx->live_stop;
}

/* What the round's end needs back: the writes' sequence. */
static inline void ds_writer_close(struct ds_writer *w, struct ds_pat_ctx *ctx)
{
	ctx->seq = w->seq;
}

/* Slice page @idx's first word: @flat, the slice's base; else the regions walked. */
static __always_inline volatile uint64_t *ds_writer_page(const struct ds_writer *w,
							 uint64_t idx, const bool flat)
{
	return (volatile uint64_t *)(flat ? w->base + (idx << DS_PAGE_SHIFT) :
				     ds_page_addr(w->p, w->first + idx));
}

/*
 * Write slice page @idx.  @live, @timed (live, each gap timed) and @flat
 * are constants in each of a pattern's compiled copies.  False: the live
 * round was told to stop, and nothing was written.
 */
static __always_inline bool ds_write(struct ds_writer *w, uint64_t idx,
				     const bool live, const bool timed,
				     const bool flat)
{
	volatile uint64_t *s;
	uint64_t now, gap;

	if (live && *w->stop)
		return false;
	s = ds_writer_page(w, idx, flat);
	s[0] = w->round;
	s[1] = w->tag;
	s[2] = w->seq++;
	ds_arch_bit_set(w->truth, idx);
	*w->progress = w->seq + w->done_off;
	/*
	 * The last write's time and the longest gap are read and written in
	 * *ls, not kept in registers: the live copy of a pattern needs every
	 * register x86 has, and one more would spill four of them a write.
	 */
	if (timed) {
		now = ds_cycles();
		gap = now - w->ls->end;
		w->ls->end = now;
		w->ls->gaps[ds_gap_bucket(gap)]++;
		if (gap > w->ls->max_gap)
			w->ls->max_gap = gap;
	}
	return true;
}

/*
 * Read slice page @idx's first word, as a guest that only looks at a page
 * does: the page is not dirtied, stamped or counted.  False as ds_write(),
 * so that a live pass of reads alone still sees the stop.
 */
static __always_inline bool ds_read(struct ds_writer *w, uint64_t idx,
				    const bool live, const bool flat)
{
	if (live && *w->stop)
		return false;
	(void)*ds_writer_page(w, idx, flat);
	return true;
}

/*
 * Write slice pages from, from + step, ... below @to; false as ds_write().
 * The runs of seq, stride and burst: with no wrap to test per write, the
 * compiler walks the stamp's address by a constant.
 */
static __always_inline bool ds_write_run(struct ds_writer *w, uint64_t from,
					 uint64_t to, uint64_t step,
					 const bool live, const bool timed,
					 const bool flat)
{
	uint64_t idx;

	for (idx = from; idx < to; idx += step)
		if (!ds_write(w, idx, live, timed, flat))
			return false;
	return true;
}

#endif /* DS_WRITE_H */
