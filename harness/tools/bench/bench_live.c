// SPDX-License-Identifier: GPL-2.0
/*
 * -x live: one point's VM running free.  The vCPUs never stop: each runs
 * pass after pass of the pattern (guests/live.h) while this thread, the
 * harvester, wakes every period_ms and harvests through the mode, as a
 * migration thread or a ring reaper does.  At each wake-up it reads the
 * guests' write counters, so the guest's write rate comes per period, the
 * samples of the tracking tax.  After live_ms the vCPUs are told to stop,
 * a final harvest runs with them stopped, and the live verifier
 * (live_check.h) proves that no page's last write went unreported: a live
 * run that loses a page is a failure, not a figure.
 *
 * The off point runs the same VM with logging off and the harvester only
 * reading the counters: the throughput the tax is measured against.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "live_check.h"
#include "mode.h"
#include "placement.h"
#include "util.h"
#include "vcpu_watch.h"

static uint64_t thread_cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void sleep_until(uint64_t ns)
{
	struct timespec ts = { .tv_sec = ns / 1000000000ULL, .tv_nsec = ns % 1000000000ULL };

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

static struct ds_live_stats *live_stats(struct ds_vm *dvm, uint32_t vcpu)
{
	return addr_gva2hva(dvm->vm, ds_params.live_gva[vcpu]);
}

static void sample(struct ds_live_res *r, double v)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 256;
		r->ns_per_write = realloc(r->ns_per_write, r->cap * sizeof(double));
		TEST_ASSERT(r->ns_per_write, "out of memory");
	}
	r->ns_per_write[r->n++] = v;
}

/* One harvest through the mode, its reported pages sent to @c. */
static void harvest(struct ds_bench_vm *b, struct ds_live_copy *c,
		    struct ds_htimes *t, uint64_t *cpu_ns)
{
	uint64_t c0 = thread_cpu_ns();

	ds_set_zero(&b->harvested);
	ds_harvest(b->dvm, &b->harvested, t);
	*cpu_ns += thread_cpu_ns() - c0;
	ds_live_copy(c, b->dvm, &b->harvested);
}

/*
 * The live round itself: release the vCPUs, harvest every period until
 * live_ms is over, stop them.  The per-period write rates, the writes,
 * the harvests' times and the soft-full exits go to @r.
 */
static void run_free(struct ds_bench_vm *b, uint32_t period_ms,
		     struct ds_live_copy *c, struct ds_live_res *r)
{
	struct ds_vm *dvm = b->dvm;
	uint64_t period = period_ms * 1000000ULL, t0, now, next, last;
	uint64_t w, w_last, w0, cpu = 0, ov0 = dvm->overflows, ex0, ns0;
	struct ds_htimes t = { 0 };

	dvm->ctl->live_stop = 0;
	dvm->ctl->live_gaps = b->wl.live_gaps;
	dvm->ctl->live = 1;
	ds_bench_vm_exits(dvm, &ex0, &ns0);
	w_last = w0 = ds_vm_writes(dvm);
	ds_vm_round_begin(dvm);
	last = t0 = ds_now_ns();
	for (next = t0 + period; ; next += period) {
		sleep_until(next);
		now = ds_now_ns();
		w = ds_vm_writes(dvm);
		/* A period with no write at all is the worst stall, not a gap. */
		sample(r, (double)(now - last) / (w > w_last ? w - w_last : 1));
		w_last = w;
		last = now;
		r->ticks++;
		if (b->tracking)
			harvest(b, c, &t, &cpu);
		if (ds_now_ns() > next + period) {
			/* Harvesting took longer than a period: a period from now. */
			r->late_ticks++;
			next = ds_now_ns();
		}
		if (now - t0 >= b->wl.live_ms * 1000000ULL || dvm->halted)
			break;
	}
	__atomic_store_n(&dvm->ctl->live_stop, 1, __ATOMIC_RELEASE);
	ds_vm_round_end(dvm);
	r->wall_ns = ds_now_ns() - t0;
	dvm->ctl->live = 0;
	r->harvest_ns = t.get_ns + t.reset_ns;
	r->harvester_cpu_ns = cpu;
	r->pages = t.pages;
	r->overflow = dvm->overflows != ov0 || dvm->halted;
	r->writes = ds_vm_writes(dvm) - w0;
	ds_bench_vm_exits(dvm, &r->full_exits, &r->full_ns);
	r->full_exits -= ex0;
	r->full_ns -= ns0;
}

/* What the guest recorded, every vCPU's folded together. */
static void guest_figures(struct ds_vm *dvm, struct ds_live_res *r)
{
	uint32_t i, j, k;

	r->cyc_per_ns = ds_vm_cycles_per_ns(dvm);
	TEST_ASSERT(r->cyc_per_ns > 0, "the guest's cycle counter rate cannot be read");
	for (i = 0; i < dvm->cfg.nr_vcpus; i++) {
		struct ds_live_stats *ls = live_stats(dvm, i);

		for (k = 0; k < DS_GAP_BUCKETS; k++)
			r->gaps[k] += ls->gaps[k];
		if (ls->max_gap > r->max_gap)
			r->max_gap = ls->max_gap;
		for (j = 0; j < ls->passes && j < DS_LIVE_PASSES &&
			    r->npass < DS_LIVE_PASSES; j++)
			r->pass_ns[r->npass++] = ls->pass_cycles[j] / r->cyc_per_ns;
	}
}

/* The final harvest with the vCPUs stopped, then the verdict on loss. */
static void final_check(struct ds_bench_vm *b, struct ds_live_copy *c,
			struct ds_live_res *r)
{
	struct ds_htimes t = { 0 };
	struct ds_set written;
	uint64_t cpu = 0;

	ds_set_init(&written, b->dvm->nr_pages);
	ds_vm_truth(b->dvm, &written);
	r->written = ds_set_count(&written);
	if (b->tracking && !r->overflow) {
		harvest(b, c, &t, &cpu);
		r->final_pages = t.pages;
		r->lost = ds_live_lost(c, b->dvm, &written);
	}
	ds_set_free(&written);
}

void ds_live_point_run(struct ds_point *p, struct ds_progress *pr)
{
	struct ds_live_res *r = &p->live;
	struct ds_live_copy c = { 0 };
	struct ds_bench_vm *b;
	struct ds_affinity mine;
	uint32_t i;

	ds_point_progress(pr, p, 0);
	ds_affinity_save(p, &mine);
	b = ds_bench_vm_open(&p->wl, p->mode, p->place, &p->skip);
	if (!b) {
		printf("# SKIP live %s: %s\n", p->name, p->skip);
	} else {
		ds_bench_vm_pattern(b, p->wl.pat.pattern, p->wl.pat.fraction_ppm);
		for (i = 0; i < b->dvm->cfg.nr_vcpus; i++)
			memset(live_stats(b->dvm, i), 0, sizeof(struct ds_live_stats));
		if (b->tracking)
			ds_live_copy_init(&c, b->dvm);
		run_free(b, p->period_ms, &c, r);
		guest_figures(b->dvm, r);
		final_check(b, &c, r);
		if (r->lost)
			printf("# FAIL live %s every %u ms: %lu of %lu written pages lost (their last write never reported)\n",
			       p->name, p->period_ms, (unsigned long)r->lost,
			       (unsigned long)r->written);
		ds_live_copy_free(&c);
		if (p->place) {
			ds_place_read_back(p->place, b->dvm, &p->rb);
			ds_pin_check(p);
		}
		ds_bench_vm_close(b);
	}
	ds_affinity_restore(&mine);
	ds_point_step(pr, p, 0);
}
