// SPDX-License-Identifier: GPL-2.0
/*
 * COLLAPSE: huge mappings come back after dirty logging ends ("lazy
 * collapse").  While a slot logs, KVM maps it with 4 KiB pages so that it
 * can track each one; when logging is turned off it zaps the small
 * mappings (kvm_mmu_zap_collapsible_sptes) and the next faults map 2 MiB
 * again.  Proven from KVM's own counts of its mappings (x86: the
 * statistics pages_2m, pages_4k through KVM_GET_STATS_FD; arm64: the
 * stage-2 table dump, suite/lib/mappings.h), with the guest's full-touch
 * time per page printed beside them for MMUs that show neither.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hugepages.h"
#include "mappings.h"
#include "suite.h"
#include "util.h"

#define COLLAPSE_MIB	32
#define COLLAPSE_TIMED	2	/* timed full-touch rounds per phase */

/* The counts now; false (and *@why) where this kernel shows none. */
static bool cl_read(struct ds_vm *dvm, struct ds_mappings *s, const char **why)
{
	return ds_mappings_read(dvm->vm, s, why);
}

static void cl_print(const char *phase, const struct ds_mappings *s)
{
	printf("# %-22s pages_4k %lu, pages_2m %lu, pages_1g %lu (%s)\n",
	       phase, s->p4k, s->p2m, s->p1g, s->source);
}

/*
 * @n full-touch rounds (every test page written once per round), harvested
 * when @logging; prints the mean guest time per page.
 */
static double cl_touch(struct ds_vm *dvm, unsigned int n, bool logging,
		       const char *phase)
{
	struct ds_set out;
	struct ds_htimes t = { 0 };
	uint64_t t0, ns = 0, worst = 0, d;
	unsigned int i;

	ds_set_init(&out, dvm->nr_pages);
	for (i = 0; i < n; i++) {
		t0 = ds_now_ns();
		ds_vm_round(dvm);
		d = ds_now_ns() - t0;
		ns += d;
		worst = d > worst ? d : worst;
		if (logging)
			ds_harvest(dvm, &out, &t);
	}
	printf("# %-22s touch %.3f us/page mean, slowest round %.3f us/page (%u rounds x %lu pages, %u vCPUs)\n",
	       phase, (double)ns / n / dvm->nr_pages / 1000,
	       (double)worst / dvm->nr_pages / 1000, n, dvm->nr_pages,
	       dvm->cfg.nr_vcpus);
	ds_set_free(&out);
	return (double)ns / n / dvm->nr_pages / 1000;
}

static int collapse_run(const struct ds_test_opts *o, enum ds_backing backing)
{
	uint64_t huge = COLLAPSE_MIB / 2, tol = huge / 8 + 1;
	struct ds_mappings s0, s1e, s1, s2;
	const char *why;
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true;
	double us;

	ds_vm_cfg_default(&cfg);
	cfg.slot_pages[0] = DS_MIB_PAGES(COLLAPSE_MIB);
	cfg.backing = backing;
	cfg.map_2m = true;
	cfg.pat.seed = o->seed;		/* seq at 100%: every page, every round */
	dvm = ds_vm_create(&cfg);
	/* The mode turned logging on at creation: off, for the baseline. */
	ds_vm_slots_flags(dvm, 0);
	printf("# %u MiB test slot (%lu x 2 MiB), %s backing, 2 MiB guest mappings\n",
	       COLLAPSE_MIB, huge, backing == DS_BACK_THP ? "THP" : "hugetlb");

	cl_touch(dvm, 1, false, "populate:");
	us = cl_touch(dvm, COLLAPSE_TIMED, false, "before logging:");
	if (!cl_read(dvm, &s0, &why)) {
		ds_vm_destroy(dvm);
		return ds_skip("%s", why);
	}
	cl_print("before logging:", &s0);
	if (!s0.p2m && !s0.p4k) {
		uint64_t nr_pages = dvm->nr_pages;	/* read before the free */

		ds_vm_destroy(dvm);
		return ds_skip("this KVM's MMU reports pages_4k 0 and pages_2m 0 with %lu test pages mapped and touched (%.1f us/page per write with logging off): it keeps no page statistics, so huge mappings cannot be observed",
			       nr_pages, us);
	}
	if (s0.p2m < huge - tol) {
		ds_vm_destroy(dvm);
		return ds_skip("this KVM MMU maps the test memory with 4 KiB pages even before logging (pages_2m %lu, pages_4k %lu, want >= %lu huge for %lu 2 MiB pages): nothing to collapse",
			       s0.p2m, s0.p4k, huge - tol, huge);
	}

	ds_vm_slots_flags(dvm, KVM_MEM_LOG_DIRTY_PAGES);
	cl_read(dvm, &s1e, &why);
	cl_print("logging on:", &s1e);
	cl_touch(dvm, COLLAPSE_TIMED, true, "while logging:");
	cl_read(dvm, &s1, &why);
	cl_print("while logging:", &s1);
	ok &= ds_check(s1.p2m + huge - tol <= s0.p2m,
		       "while logging the test memory is mapped 4 KiB: pages_2m %lu -> %lu (want <= %lu)",
		       s0.p2m, s1.p2m, s0.p2m - (huge - tol));

	/* The fault: a kernel that never collapses is one that keeps logging. */
	if (!ds_injected(DS_FAULT_NO_COLLAPSE))
		ds_vm_slots_flags(dvm, 0);
	cl_touch(dvm, 1, false, "first touch after:");
	cl_touch(dvm, COLLAPSE_TIMED, false, "after logging:");
	cl_read(dvm, &s2, &why);
	cl_print("after logging:", &s2);
	ok &= ds_check(s2.p2m + tol >= s0.p2m,
		       "after logging huge mappings are back: pages_2m %lu (want >= %lu of %lu before)",
		       s2.p2m, s0.p2m - tol, s0.p2m);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/* COLLAPSE-001: THP-backed guest memory. */
static int collapse_thp(const struct ds_test_opts *o)
{
	return collapse_run(o, DS_BACK_THP);
}

/* COLLAPSE-002: hugetlb-backed guest memory (pages reserved if needed). */
static int collapse_hugetlb(const struct ds_test_opts *o)
{
	char why[160];
	const char *no = ds_hugetlb_reserve(COLLAPSE_MIB / 2 + 1, why, sizeof(why));
	int rc;

	if (no) {
		rc = ds_skip("%s", no);
	} else {
		rc = collapse_run(o, DS_BACK_HUGETLB);
	}
	ds_hugetlb_restore();
	return rc;
}

static const struct ds_test tests[] = {
	{ "COLLAPSE-001", "full", "THP: 2 MiB mappings split while logging, back after",
	  collapse_thp },
	{ "COLLAPSE-002", "full", "hugetlb: 2 MiB mappings split while logging, back after",
	  collapse_hugetlb },
};

const struct ds_area ds_area_collapse = DS_AREA("COLLAPSE", tests);
