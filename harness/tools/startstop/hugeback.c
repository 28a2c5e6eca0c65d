// SPDX-License-Identifier: GPL-2.0
/*
 * How long huge mappings take to come back (hugeback.h).  Per repeat:
 * the guest writes every page with logging off (mapped 2 MiB: KVM's
 * pages_2m counts them), logging goes on and a full round is written and
 * harvested (mapped 4 KiB), logging goes off, and from that ioctl on the
 * guest writes every page round after round until pages_2m is back where
 * it was.  The time is the ioctl's plus those rounds'; a round is about
 * what a busy guest does in that time anyway, so the figure is an upper
 * bound set by how fast the guest touches its memory.  KVM's statistics
 * (or arm64's stage-2 table dump: mappings.h) are the only witness, so an
 * MMU that shows none (this host's PVM: the guest is emulated and nothing
 * is mapped) is a SKIP saying so.
 */
#include <stdlib.h>

#include "hugeback.h"
#include "hugepages.h"
#include "mappings.h"
#include "median.h"
#include "mode.h"
#include "pattern.h"
#include "util.h"

#define HB_MAX_REPEATS	16

static const char *backing_name(enum ds_backing b)
{
	return b == DS_BACK_THP ? "thp" : "hugetlb";
}

void ds_hugeback_header(FILE *tsv)
{
	fprintf(tsv, "# dirtysuite-bench v1\n# hugeback: 2 MiB mappings back after dirty logging stops\n"
		"mem_MiB\tbacking\tsamples\tback_ms_median\tback_ms_per_GiB\trounds_median\tpages_2m_before\tpages_2m_logging\tpages_2m_after\tverdict\n");
}

/* One repeat: ms until pages_2m >= @want after logging stops; rounds in *@r. */
static double one(struct ds_vm *dvm, uint64_t want, unsigned int *r,
		  struct ds_mappings *logging, struct ds_mappings *after)
{
	const char *why;
	struct ds_htimes t = { 0 };
	struct ds_set out;
	uint64_t t0;

	ds_set_init(&out, dvm->nr_pages);
	ds_vm_slots_flags(dvm, KVM_MEM_LOG_DIRTY_PAGES);
	ds_vm_round(dvm);
	ds_harvest(dvm, &out, &t);
	ds_set_free(&out);
	ds_mappings_read(dvm->vm, logging, &why);
	t0 = ds_now_ns();
	ds_vm_slots_flags(dvm, 0);
	for (*r = 0; *r < DS_HB_MAX_ROUNDS; ) {
		ds_mappings_read(dvm->vm, after, &why);
		if (after->p2m >= want)
			break;
		ds_vm_round(dvm);
		++*r;
	}
	return (ds_now_ns() - t0) / 1e6;
}

void ds_hugeback(FILE *tsv, uint64_t bytes, enum ds_backing backing, unsigned int n)
{
	uint64_t huge = bytes >> 21, tol = huge / 8 + 1, mib = bytes >> 20;
	double ms[HB_MAX_REPEATS], rounds[HB_MAX_REPEATS];
	const char *no = NULL, *lacks, *verdict = "ok";
	struct ds_mappings s0, s1, s2;
	double back_ms, back_rounds;
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	unsigned int i, r;
	char why[256];

	if (n > HB_MAX_REPEATS)
		n = HB_MAX_REPEATS;
	if (backing == DS_BACK_HUGETLB)
		no = ds_hugetlb_reserve(huge + 1, why, sizeof(why));
	if (no) {
		printf("# SKIP hugeback %llu MiB %s: %s\n", (unsigned long long)mib,
		       backing_name(backing), no);
		return;
	}
	ds_vm_cfg_default(&cfg);
	cfg.slot_pages[0] = bytes >> DS_PAGE_SHIFT;
	cfg.backing = backing;
	cfg.map_2m = true;
	cfg.mode = ds_mode_find("bitmap");
	cfg.pat.pattern = ds_pattern_find("seq");
	cfg.pat.fraction_ppm = 1000000;
	dvm = ds_vm_create(&cfg);
	ds_vm_slots_flags(dvm, 0);	/* the mode turned logging on */
	ds_vm_round(dvm);
	if (!ds_mappings_read(dvm->vm, &s0, &lacks)) {
		no = lacks;
	} else if (s0.p2m + tol < huge) {
		snprintf(why, sizeof(why), "KVM maps too few of the %llu 2 MiB pages huge with logging off (%llu x 4 KiB, %llu x 2 MiB; %s)%s",
			 (unsigned long long)huge, (unsigned long long)s0.p4k,
			 (unsigned long long)s0.p2m, s0.source,
			 !s0.p2m && !s0.p4k ? ": this MMU keeps no page statistics" : "");
		no = why;
	}
	if (no) {
		printf("# SKIP hugeback %llu MiB %s: %s\n", (unsigned long long)mib,
		       backing_name(backing), no);
		ds_vm_destroy(dvm);
		ds_hugetlb_restore();
		return;
	}
	for (i = 0; i < n; i++) {
		ms[i] = one(dvm, s0.p2m - tol, &r, &s1, &s2);
		rounds[i] = r;
		if (s2.p2m + tol < s0.p2m)
			verdict = "not-back";
	}
	ds_vm_destroy(dvm);
	ds_hugetlb_restore();
	back_ms = ds_median_inplace(ms, n);
	back_rounds = ds_median_inplace(rounds, n);
	fprintf(tsv, "%llu\t%s\t%u\t%.3f\t%.3f\t%.0f\t%llu\t%llu\t%llu\t%s\n",
		(unsigned long long)mib, backing_name(backing), n,
		back_ms, back_ms / (bytes / (double)(1ULL << 30)), back_rounds, (unsigned long long)s0.p2m,
		(unsigned long long)s1.p2m, (unsigned long long)s2.p2m, verdict);
	printf("hugeback %llu MiB %-7s back in %.3f ms (%.0f full-touch rounds; pages_2m %llu -> %llu logging -> %llu), medians of %u: %s\n",
	       (unsigned long long)mib, backing_name(backing), back_ms, back_rounds, (unsigned long long)s0.p2m,
	       (unsigned long long)s1.p2m, (unsigned long long)s2.p2m, n, verdict);
}
