// SPDX-License-Identifier: GPL-2.0
/*
 * The round verifier (round_check.h).  The truth is what the guest says
 * it wrote; the stamps are what it actually left in each page.  Both are
 * checked, because a kernel that loses a write-protect can report the
 * right pages and still let a stale write through.
 */
#include <stdio.h>

#include "mode.h"
#include "round_check.h"
#include "vm.h"

struct ds_stamp *ds_vm_page_stamp(struct ds_vm *dvm, uint64_t page)
{
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		if (page >= s->first && page < s->first + s->npages)
			return s->hva + (page - s->first) * DS_PAGE_SIZE;
	}
	return NULL;
}

uint64_t ds_vm_check_stamps(struct ds_vm *dvm, const struct ds_set *truth,
			    uint64_t round)
{
	uint64_t per = dvm->nr_pages / dvm->cfg.nr_vcpus, page, bad = 0;
	struct ds_stamp *st;
	uint32_t owner;

	for (page = ds_set_next(truth, 0); page < truth->nbits;
	     page = ds_set_next(truth, page + 1)) {
		owner = page / per < dvm->cfg.nr_vcpus ? page / per : dvm->cfg.nr_vcpus - 1;
		st = ds_vm_page_stamp(dvm, page);
		if (st && st->magic == DS_STAMP_MAGIC && st->round == round &&
		    st->vcpu == owner)
			continue;
		if (bad++ < 4)
			printf("# page %lu: stamp round %lu vcpu %u magic %#x, expected round %lu vcpu %u\n",
			       page, st ? st->round : 0, st ? st->vcpu : 0,
			       st ? st->magic : 0, round, owner);
	}
	return bad;
}

/* Stamps of the round's written pages; a line when some are wrong. */
static bool stamps_ok(struct ds_vm *dvm, const struct ds_set *truth,
		      uint64_t round, bool quiet, const char *what,
		      uint64_t *bad)
{
	*bad = ds_vm_check_stamps(dvm, truth, round);
	if (*bad && !quiet)
		printf("# FAIL: %s: %lu written pages with wrong stamps\n",
		       what, *bad);
	return !*bad;
}

bool ds_round_check(struct ds_vm *dvm, const struct ds_set *got,
		    uint64_t round, unsigned int flags, const char *what,
		    struct ds_round_result *res)
{
	bool exact = flags & DS_RC_EXACT, quiet = flags & DS_RC_QUIET, ok;
	struct ds_round_result r;
	struct ds_set truth;

	ds_set_init(&truth, dvm->nr_pages);
	ds_vm_truth(dvm, &truth);
	ds_verify(got, &truth, &r.v);
	ok = ds_verdict_ok(&r.v, exact);
	if (!quiet && (!ok || (flags & DS_RC_PRINT)))
		ds_verdict_print(stdout, what, &r.v, exact);
	ok &= stamps_ok(dvm, &truth, round, quiet, what, &r.bad_stamps);
	ds_set_free(&truth);
	if (res)
		*res = r;
	return ok;
}

/* Count @set's members in [first, first + n). */
static uint64_t set_count_range(const struct ds_set *set, uint64_t first,
				uint64_t n)
{
	uint64_t p, c = 0;

	for (p = ds_set_next(set, first); p < first + n && p < set->nbits;
	     p = ds_set_next(set, p + 1))
		c++;
	return c;
}

/* harvested ∩ @s == written ∩ @s, with a line naming the slot if not. */
static bool slot_ok(const struct ds_slot *s, const struct ds_set *got,
		    const struct ds_set *truth, const char *what)
{
	uint64_t p, lost = 0, extra = 0, first_bad = ~0ULL;

	for (p = s->first; p < s->first + s->npages; p++) {
		bool h = ds_set_has(got, p), t = ds_set_has(truth, p);

		if (h == t)
			continue;
		lost += t;
		extra += h;
		if (first_bad == ~0ULL)
			first_bad = p - s->first;
	}
	if (!lost && !extra)
		return true;
	printf("# FAIL: %s: slot %u (%lu pages at gpa %#lx): written %lu harvested %lu lost %lu extra %lu (first at offset %lu)\n",
	       what, s->id, s->npages, s->gpa,
	       set_count_range(truth, s->first, s->npages),
	       set_count_range(got, s->first, s->npages),
	       lost, extra, first_bad);
	return false;
}

bool ds_round_check_slots(struct ds_vm *dvm, const struct ds_set *got,
			  uint64_t round, uint32_t mask, const char *what)
{
	struct ds_set truth;
	bool ok = true;
	uint64_t bad;
	uint32_t i;

	ds_set_init(&truth, dvm->nr_pages);
	ds_vm_truth(dvm, &truth);
	for (i = 0; i < dvm->nr_slots; i++)
		if (mask & (1u << i))
			ok &= slot_ok(&dvm->slots[i], got, &truth, what);
	ok &= stamps_ok(dvm, &truth, round, false, what, &bad);
	ds_set_free(&truth);
	return ok;
}

bool ds_vm_run_verified(struct ds_vm *dvm, unsigned int rounds, bool exact)
{
	unsigned int r, flags = exact ? DS_RC_EXACT : 0;
	struct ds_htimes t = { 0 };
	struct ds_set got;
	bool ok = true;
	char what[64];

	ds_set_init(&got, dvm->nr_pages);
	for (r = 0; r < rounds; r++) {
		ds_set_zero(&got);
		ds_vm_round(dvm);
		ds_harvest(dvm, &got, &t);
		snprintf(what, sizeof(what), "%s round %lu", dvm->mode->name,
			 dvm->round);
		/* The first and last verdicts are printed even on a pass. */
		ok &= ds_round_check(dvm, &got, dvm->round,
				     flags | (r == 0 || r == rounds - 1 ?
					      DS_RC_PRINT : 0), what, NULL);
	}
	ds_set_free(&got);
	return ok;
}
