// SPDX-License-Identifier: GPL-2.0
/*
 * RING-007: a host thread harvests and resets the rings in a loop while
 * the vCPUs write, the way a migrating VMM does; nothing may be lost.
 *
 * What "lost" means here.  A harvest h collects entries, then its
 * KVM_RESET_DIRTY_RINGS re-protects those pages and completes at c_h.
 * A write at time t to a page is covered by h when h reports the page and
 * c_h >= t: either the write pushed the entry h read, or it hit the page
 * while h's entry left it writable, i.e. before h's reset re-protected it
 * (api.rst 8.29: the reset "must be called *before* reading the content
 * of the dirty pages", so h's copy of the page has that write).
 *
 * The host cannot time guest writes, but it knows when a round starts:
 * every write of round r happens after the host read nr_done (the
 * harvests published so far) just before starting it.  So the rule
 * checked is: each page the guest wrote in round r is in the union of the
 * harvests published after round r began (index >= R[r]), the final
 * harvest after the vCPUs stopped included.  A harvest publishes only
 * after its reset returned, so a harvest counted for round r completed
 * its reset after the round began.
 *
 * The rule could pass a lost write if a harvest after R[r] reported the
 * page for an older write; seq at 1/8 of each slice writes every page only
 * every 8th round, so such a harvest would have to lag 7 rounds.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#include "suite.h"
#include "mode_ring.h"
#include "ring.h"
#include "util.h"

#define CONC_ROUNDS	100
#define CONC_MIB	8

struct conc {
	struct ds_vm *dvm;
	uint32_t *pages;	/* every harvest's pages, one after another */
	uint64_t len, cap;
	uint64_t *ends;		/* harvest k's pages end at pages[ends[k]] */
	uint64_t nr, nr_cap;
	uint64_t nr_done;	/* harvests published: atomic */
	uint32_t stop;		/* atomic */
	uint64_t empty;		/* harvests that found nothing */
	struct ds_htimes t;
};

static void conc_record(struct conc *c, const struct ds_set *h)
{
	uint64_t p;

	for (p = ds_set_next(h, 0); p < h->nbits; p = ds_set_next(h, p + 1)) {
		if (c->len == c->cap) {
			c->cap = c->cap ? 2 * c->cap : 65536;
			c->pages = realloc(c->pages, c->cap * sizeof(*c->pages));
			TEST_ASSERT(c->pages, "out of memory");
		}
		c->pages[c->len++] = p;
	}
	if (c->nr == c->nr_cap) {
		c->nr_cap = c->nr_cap ? 2 * c->nr_cap : 1024;
		c->ends = realloc(c->ends, c->nr_cap * sizeof(*c->ends));
		TEST_ASSERT(c->ends, "out of memory");
	}
	c->ends[c->nr++] = c->len;
	/* Published only now, after ds_harvest() returned from its reset. */
	__atomic_store_n(&c->nr_done, c->nr, __ATOMIC_RELEASE);
}

static void *harvester(void *arg)
{
	struct conc *c = arg;
	struct ds_set h;

	ds_set_init(&h, c->dvm->nr_pages);
	while (!__atomic_load_n(&c->stop, __ATOMIC_ACQUIRE)) {
		ds_set_zero(&h);
		ds_harvest(c->dvm, &h, &c->t);
		if (ds_set_count(&h)) {
			conc_record(c, &h);
		} else {
			c->empty++;
			sched_yield();	/* 2 cores: let the vCPUs write */
		}
	}
	ds_set_free(&h);
	return NULL;
}

int ring_concurrent(const struct ds_test_opts *o)
{
	struct ds_set *truth, u;
	uint64_t *start, lost = 0, k, i, exits = 0;
	struct ds_ring_stats st;
	struct ds_vm_cfg cfg;
	struct conc c = { 0 };
	pthread_t thr;
	bool ok = true;
	int r;

	ds_vm_cfg_default(&cfg);
	cfg.mode = ds_mode_find("ring");
	/* 4096 entries, twice a vCPU's 1024 pages: the rings hardly fill. */
	cfg.mcfg.ring_entries = 4096;
	cfg.slot_pages[0] = DS_MIB_PAGES(CONC_MIB);
	cfg.pat.pattern = ds_pattern_find("seq");
	cfg.pat.fraction_ppm = 125000;
	cfg.pat.seed = o->seed;
	c.dvm = ds_vm_create_or_skip(&cfg);
	if (!c.dvm)
		return KSFT_SKIP;
	truth = ds_calloc(CONC_ROUNDS, sizeof(*truth));
	start = ds_calloc(CONC_ROUNDS, sizeof(*start));
	printf("# %u rounds, 2 vCPUs, %u MiB, seq 1/8 per round, harvester thread\n",
	       CONC_ROUNDS, CONC_MIB);

	pthread_create(&thr, NULL, harvester, &c);
	for (r = 0; r < CONC_ROUNDS; r++) {
		start[r] = __atomic_load_n(&c.nr_done, __ATOMIC_ACQUIRE);
		ds_vm_round(c.dvm);
		ds_set_init(&truth[r], c.dvm->nr_pages);
		ds_vm_truth(c.dvm, &truth[r]);
	}
	__atomic_store_n(&c.stop, 1, __ATOMIC_RELEASE);
	pthread_join(thr, NULL);
	/* The vCPUs are stopped: this last harvest finds everything left. */
	ds_set_init(&u, c.dvm->nr_pages);
	ds_harvest(c.dvm, &u, &c.t);
	conc_record(&c, &u);

	/* Walk back: u = union of harvests start[r].. once at round r. */
	ds_set_zero(&u);
	k = c.nr;
	for (r = CONC_ROUNDS - 1; r >= 0; r--) {
		struct ds_verdict v;

		for (; k > start[r]; k--)
			for (i = k > 1 ? c.ends[k - 2] : 0; i < c.ends[k - 1]; i++)
				ds_set_add(&u, c.pages[i]);
		ds_verify(&u, &truth[r], &v);
		if (v.lost && lost < 4)
			ds_verdict_print(stdout, "round", &v, false);
		lost += v.lost;
		ds_set_free(&truth[r]);
	}
	for (i = 0; i < cfg.nr_vcpus; i++)
		exits += c.dvm->vcpus[i].ring_full_exits;
	ds_ring_get_stats(c.dvm, &st);
	/* How much overlap there was depends on the scheduler: shown, not checked. */
	printf("# %lu harvests with pages, %lu empty, %lu entries, %lu soft-full exits\n",
	       c.nr, c.empty, st.collected, exits);
	ok &= ds_check(!lost, "%lu written pages not in any harvest that finished after their round began",
		       lost);
	ok &= ds_check(!st.unknown && !st.reset_mismatch,
		       "%lu unknown entries, %lu reset counts that differ from entries marked",
		       st.unknown, st.reset_mismatch);
	ds_set_free(&u);
	free(truth);
	free(start);
	free(c.pages);
	free(c.ends);
	ds_vm_destroy(c.dvm);
	return ds_result(ok);
}
