// SPDX-License-Identifier: GPL-2.0
/*
 * STRESS: a soak of every tracking mode this kernel supports, with more
 * vCPUs than cores and a memslot added and deleted between rounds.  A
 * memslot change makes KVM rebuild its memslot arrays and zap or
 * invalidate mappings (kvm_set_memslot, kvm_arch_flush_shadow_memslot):
 * the dirty state of the slots that stay must survive every one of them.
 *
 * The churned slot lies past the guest's pattern regions and is never
 * mapped in the guest, so the guest cannot touch it while it is gone.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "lib/errno_check.h"
#include "util.h"

#define STRESS_QUICK_S	15	/* --minutes 0: the short form */
#define STRESS_VCPUS	3	/* more than this host's 2 cores */
#define CHURN_PAGES	512

struct soak {
	uint64_t rounds, written, lost, extra, churns, bad_stamps;
	bool churn_log_ok;
};

/* Add the churn slot if it is gone, else check its log is clean and delete it. */
static void churn(struct ds_vm *dvm, bool *present, uint32_t id, uint64_t gpa,
		  struct soak *s)
{
	uint64_t *buf, i;
	int e;

	if (!*present) {
		vm_userspace_mem_region_add(dvm->vm, VM_MEM_SRC_ANONYMOUS, gpa, id,
					    CHURN_PAGES, KVM_MEM_LOG_DIRTY_PAGES);
		*present = true;
		s->churns++;
		return;
	}
	/* Nothing wrote it: a bitmap must be empty (ENXIO: ring-only VM). */
	buf = ds_calloc(CHURN_PAGES / 64, 8);
	e = ds_get_log_raw(dvm->vm, id, buf);
	for (i = 0; !e && i < CHURN_PAGES / 64; i++)
		if (buf[i] && s->churn_log_ok)
			s->churn_log_ok = ds_check(false, "churn slot %u reports pages nobody wrote",
						   id);
	if (e && e != ENXIO && s->churn_log_ok)
		s->churn_log_ok = ds_check(false, "churn slot %u: GET_DIRTY_LOG errno %d", id, e);
	free(buf);
	vm_mem_region_delete(dvm->vm, id);
	*present = false;
	s->churns++;
}

static bool soak_mode(const struct ds_mode *m, const struct ds_test_opts *o,
		      uint64_t budget_ns)
{
	struct ds_round_result res;
	struct ds_set harv;
	struct ds_htimes t = { 0 };
	struct soak s = { .churn_log_ok = true };
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	struct ds_slot *last;
	uint64_t t0 = ds_now_ns(), gpa;
	uint32_t churn_id;
	bool present = false, ok;

	ds_vm_cfg_default(&cfg);
	cfg.mode = m;
	cfg.nr_vcpus = STRESS_VCPUS;
	cfg.nr_slots = 2;
	cfg.slot_pages[0] = DS_MIB_PAGES(8);
	cfg.slot_pages[1] = DS_MIB_PAGES(4);
	cfg.pat.pattern = ds_pattern_find("random");
	cfg.pat.fraction_ppm = 50000;
	cfg.pat.seed = o->seed;
	dvm = ds_vm_create(&cfg);
	last = &dvm->slots[dvm->nr_slots - 1];
	gpa = last->gpa + last->npages * DS_PAGE_SIZE + cfg.slot_gap;
	churn_id = cfg.first_slot_id + DS_MAX_SLOTS;
	ds_set_init(&harv, dvm->nr_pages);

	while (ds_now_ns() - t0 < budget_ns) {
		char what[64];

		ds_set_zero(&harv);
		ds_vm_round(dvm);
		ds_harvest(dvm, &harv, &t);
		snprintf(what, sizeof(what), "%s round %lu", m->name, dvm->round);
		ds_round_check(dvm, &harv, dvm->round, DS_RC_QUIET, what, &res);
		/* The first loss is shown; the rest are summed below. */
		if (res.v.lost && !s.lost)
			ds_verdict_print(stdout, what, &res.v, false);
		s.rounds++;
		s.written += res.v.written;
		s.lost += res.v.lost;
		s.extra += res.v.extra;
		s.bad_stamps += res.bad_stamps;
		/* vCPUs are stopped at their sync: safe to change memslots. */
		churn(dvm, &present, churn_id, gpa, &s);
	}
	ok = !s.lost && !s.bad_stamps && s.churn_log_ok;
	ds_check(ok, "mode %s: %lu rounds in %.1f s, %u vCPUs, %lu pages written, %lu lost, %lu over-reported, %lu bad stamps, %lu memslot adds/deletes",
		 m->name, s.rounds, (ds_now_ns() - t0) / 1e9, cfg.nr_vcpus,
		 s.written, s.lost, s.extra, s.bad_stamps, s.churns);
	ds_set_free(&harv);
	ds_vm_destroy(dvm);
	return ok;
}

/* STRESS-001: every supported mode, memslot churn, zero lost pages. */
static int stress_soak(const struct ds_test_opts *o)
{
	uint64_t total = o->minutes ? o->minutes * 60 * 1000000000ULL :
			 STRESS_QUICK_S * 1000000000ULL;
	const char *why[16];
	struct ds_vm_cfg cfg;
	unsigned int i, n = 0;
	bool ok = true;

	ds_vm_cfg_default(&cfg);
	for (i = 0; i < ds_nr_modes && i < DS_ARRAY_SIZE(why); i++) {
		cfg.mode = ds_modes[i];
		why[i] = ds_mode_unsupported(&cfg);
		if (why[i])
			printf("# mode %s not run: %s\n", ds_modes[i]->name, why[i]);
		else
			n++;
	}
	if (!n)
		return ds_skip("no tracking mode is supported by this kernel");
	printf("# soak %.0f s over %u modes\n", total / 1e9, n);
	for (i = 0; i < ds_nr_modes && i < DS_ARRAY_SIZE(why); i++)
		if (!why[i]) {
			/* Said first: a hang then names the mode it hung in. */
			printf("# mode %s: soak starts\n", ds_modes[i]->name);
			ok &= soak_mode(ds_modes[i], o, total / n);
		}
	return ds_result(ok);
}

static const struct ds_test tests[] = {
	{ "STRESS-001", "full", "soak of every mode with memslot churn, 3 vCPUs, no loss",
	  stress_soak },
};

const struct ds_area ds_area_stress = DS_AREA("STRESS", tests);
