// SPDX-License-Identifier: GPL-2.0
/*
 * CLEAR: KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2 and KVM_CLEAR_DIRTY_LOG
 * (api.rst 4.117 and 7.18).  See CONFORMANCE.md for each rule.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "lib/errno_check.h"
#include "util.h"

#define CLEAR_MIB	8
#define CLEAR_ROUNDS	8

static void clear_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o,
		      bool initially_set, const char *pattern, uint32_t ppm)
{
	ds_vm_cfg_default(cfg);
	cfg->mode = ds_mode_find("clear");
	cfg->mcfg.initially_set = initially_set;
	cfg->mcfg.clear_shift = 6;
	cfg->slot_pages[0] = DS_MIB_PAGES(CLEAR_MIB);
	cfg->pat.pattern = ds_pattern_find(pattern);
	cfg->pat.fraction_ppm = ppm;
	cfg->pat.seed = o->seed;
}

/* Every test page, or none: what the first harvest must return. */
static bool first_harvest(struct ds_vm *dvm, bool all)
{
	struct ds_set got;
	struct ds_htimes t = { 0 };
	uint64_t n;
	bool ok;

	ds_set_init(&got, dvm->nr_pages);
	ds_harvest(dvm, &got, &t);
	n = ds_set_count(&got);
	ok = ds_check(n == (all ? dvm->nr_pages : 0),
		      "first harvest before any guest write: %lu of %lu pages reported, want %s",
		      n, dvm->nr_pages, all ? "all (INITIALLY_SET)" : "none");
	ds_set_free(&got);
	return ok;
}

/*
 * CLEAR-001 / CLEAR-002: the first get reports every page with
 * INITIALLY_SET and none without; then, round after round, get + clear is
 * exact.  seq at 50% rewrites each page every other round (a cleared page
 * written again must be reported again) and leaves the other half clean
 * (a cleared page not written again must not be); random adds a sparse,
 * irregular set.
 */
static int clear_rounds(const struct ds_test_opts *o, bool initially_set)
{
	static const struct { const char *pat; uint32_t ppm; } runs[] = {
		{ "seq", 500000 }, { "random", 20000 },
	};
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	const char *why;
	bool ok = true;
	unsigned int i;

	for (i = 0; i < DS_ARRAY_SIZE(runs); i++) {
		clear_cfg(&cfg, o, initially_set, runs[i].pat, runs[i].ppm);
		/* Two slots, so that a clear aimed at one cannot pass for both. */
		cfg.nr_slots = 2;
		cfg.slot_pages[1] = DS_MIB_PAGES(4);
		why = ds_mode_unsupported(&cfg);
		if (why)
			return ds_skip("%s", why);
		printf("# %s, %s %u ppm, %u rounds, %u MiB + 4 MiB\n",
		       initially_set ? "INITIALLY_SET" : "bitmap initially clear",
		       runs[i].pat, runs[i].ppm, CLEAR_ROUNDS, CLEAR_MIB);
		dvm = ds_vm_create(&cfg);
		ok &= first_harvest(dvm, initially_set);
		ok &= ds_vm_run_verified(dvm, CLEAR_ROUNDS, true);
		ds_vm_destroy(dvm);
	}
	return ds_result(ok);
}

static int clear_initially_set(const struct ds_test_opts *o)
{
	return clear_rounds(o, true);
}

static int clear_initially_clear(const struct ds_test_opts *o)
{
	return clear_rounds(o, false);
}

/*
 * CLEAR-003: with manual protection a reported page stays reported until
 * it is cleared: a second get returns the same set, and so does a get
 * after more guest writes, plus those writes.  Once cleared, a page that
 * is not written again is gone from the next get.
 */
static int clear_sticky(const struct ds_test_opts *o)
{
	struct ds_set a, b, want, truth;
	struct ds_htimes t = { 0 };
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true;

	clear_cfg(&cfg, o, false, "random", 50000);
	dvm = ds_vm_create_or_skip(&cfg);
	if (!dvm)
		return KSFT_SKIP;
	ds_set_init(&a, dvm->nr_pages);
	ds_set_init(&b, dvm->nr_pages);
	ds_set_init(&want, dvm->nr_pages);
	ds_set_init(&truth, dvm->nr_pages);

	ds_vm_round(dvm);
	ds_vm_truth(dvm, &want);
	dvm->mode->harvest(dvm, &a, &t);	/* get, no clear */
	ok &= ds_verify_print(stdout, "round 1, first get", &a, &want, true);
	dvm->mode->harvest(dvm, &b, &t);
	ok &= ds_verify_print(stdout, "round 1, second get without clear",
			      &b, &a, true);

	ds_vm_round(dvm);
	ds_vm_truth(dvm, &want);		/* round 1's pages plus round 2's */
	ds_set_zero(&b);
	dvm->mode->harvest(dvm, &b, &t);
	ok &= ds_verify_print(stdout, "round 2, get without clear since round 1",
			      &b, &want, true);

	/* Now get + clear: the same set, and after it only new writes. */
	ds_set_zero(&b);
	ds_harvest(dvm, &b, &t);
	ok &= ds_verify_print(stdout, "get + clear", &b, &want, true);
	ds_vm_round(dvm);
	ds_vm_truth(dvm, &truth);
	ds_set_zero(&b);
	ds_harvest(dvm, &b, &t);
	ok &= ds_verify_print(stdout, "round 3, after clear", &b, &truth, true);

	ds_set_free(&a);
	ds_set_free(&b);
	ds_set_free(&want);
	ds_set_free(&truth);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * CLEAR-004: clear in chunks of 2^shift pages for every shift from 6 (one
 * bitmap word) to 18 (QEMU's default, 1 GiB).  The slots are 10 MiB and
 * 2 MiB: 2560 and 512 pages, so for shift >= 10 the last chunk of each
 * slot is partial (first_page + num_pages ends the slot, num_pages is not
 * a multiple of the chunk), and from shift 12 on the one chunk is.
 * Odd shifts also run with INITIALLY_SET, whose first clear is the one
 * that enables write protection.  stride 13 writes into every chunk.
 */
static int clear_chunks(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	const char *why;
	bool ok = true;
	uint32_t shift;

	for (shift = 6; shift <= 18; shift++) {
		clear_cfg(&cfg, o, shift & 1, "stride", 0);
		cfg.pat.stride = 13;
		cfg.nr_slots = 2;
		cfg.slot_pages[0] = DS_MIB_PAGES(10);
		cfg.slot_pages[1] = DS_MIB_PAGES(2);
		cfg.mcfg.clear_shift = shift;
		/* Batches of 5 chunks: every slot crosses batch boundaries. */
		cfg.mcfg.clear_batch = 5;
		why = ds_mode_unsupported(&cfg);
		if (why)
			return ds_skip("%s", why);
		printf("# shift %u: %lu-page chunks, last chunk %lu of %lu pages%s\n",
		       shift, 1UL << shift, cfg.slot_pages[0] % (1UL << shift) ?:
		       1UL << shift, cfg.slot_pages[0], shift & 1 ? ", INITIALLY_SET" : "");
		dvm = ds_vm_create(&cfg);
		if (shift & 1)
			ok &= first_harvest(dvm, true);
		ok &= ds_vm_run_verified(dvm, 3, true);
		ds_vm_destroy(dvm);
	}
	return ds_result(ok);
}

/* Dirty pages of @slot now, by KVM_GET_DIRTY_LOG into @buf. */
static uint64_t count_dirty(struct kvm_vm *vm, uint32_t slot, uint64_t *buf,
			    uint64_t npages, uint64_t from, uint64_t to)
{
	uint64_t i, n = 0;

	memset(buf, 0, (npages + 63) / 64 * 8);
	kvm_vm_get_dirty_log(vm, slot, buf);
	for (i = from; i < to; i++)
		n += !!(buf[i / 64] & (1ULL << (i % 64)));
	return n;
}

#define ODD_PAGES	100	/* a slot whose size is not a multiple of 64 */

/*
 * CLEAR-005: KVM_CLEAR_DIRTY_LOG's range rules (api.rst 4.117,
 * kvm_clear_dirty_log_protect): first_page must be a multiple of 64;
 * num_pages too, unless the range ends exactly at the slot's end; a range
 * past the end is refused.  Refused calls must clear nothing.
 */
static int clear_ranges(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	struct ds_slot *s;
	uint64_t *ones, *buf, gpa, n;
	uint32_t odd;
	bool ok = true;
	int e;

	clear_cfg(&cfg, o, true, "random", 20000);
	cfg.slot_pages[0] = DS_MIB_PAGES(4);
	dvm = ds_vm_create_or_skip(&cfg);
	if (!dvm)
		return KSFT_SKIP;
	s = &dvm->slots[0];
	ones = ds_malloc(s->npages / 8 + 16);
	memset(ones, 0xff, s->npages / 8 + 16);
	buf = ds_calloc(s->npages / 64 + 2, 8);

	/* A logging slot of 100 pages past the test slots; no guest maps it. */
	odd = s->id + 5;
	gpa = s->gpa + s->npages * DS_PAGE_SIZE + dvm->cfg.slot_gap;
	vm_userspace_mem_region_add(dvm->vm, VM_MEM_SRC_ANONYMOUS, gpa, odd,
				    ODD_PAGES, KVM_MEM_LOG_DIRTY_PAGES);

	e = ds_clear_log_errno(dvm->vm, s->id, 32, 64, ones);
	ok &= ds_want_errno(e, EINVAL, "first_page 32 (not a multiple of 64)");
	e = ds_clear_log_errno(dvm->vm, s->id, 0, 100, ones);
	ok &= ds_want_errno(e, EINVAL, "first_page 0, num_pages 100 short of the end");
	e = ds_clear_log_errno(dvm->vm, s->id, s->npages - 64, 128, ones);
	ok &= ds_want_errno(e, EINVAL, "first_page %lu, num_pages 128 past the end",
			    s->npages - 64);
	e = ds_clear_log_errno(dvm->vm, s->id, s->npages + 64, 64, ones);
	ok &= ds_want_errno(e, EINVAL, "first_page %lu beyond the slot", s->npages + 64);
	n = count_dirty(dvm->vm, s->id, buf, s->npages, 0, s->npages);
	ok &= ds_check(n == s->npages, "after the refused calls %lu of %lu pages still dirty (INITIALLY_SET)",
		       n, s->npages);

	e = ds_clear_log_errno(dvm->vm, odd, 0, 36, ones);
	ok &= ds_want_errno(e, EINVAL, "100-page slot, first_page 0, num_pages 36");
	e = ds_clear_log_errno(dvm->vm, odd, 64, 36, ones);
	ok &= ds_want_errno(e, 0,
			    "100-page slot, first_page 64, num_pages 36 (ends the slot)");
	if (!ds_injected(DS_FAULT_ERRNO)) {
		n = count_dirty(dvm->vm, odd, buf, ODD_PAGES, 0, 64);
		ok &= ds_check(n == 64, "pages 0..63 untouched: %lu of 64 dirty", n);
		n = count_dirty(dvm->vm, odd, buf, ODD_PAGES, 64, ODD_PAGES);
		ok &= ds_check(n == 0, "pages 64..99 cleared: %lu of 36 still dirty", n);
	}

	/* The VM is unharmed: clear everything, then exact rounds. */
	ok &= first_harvest(dvm, true);
	ok &= ds_vm_run_verified(dvm, 2, true);
	free(ones);
	free(buf);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

static const struct ds_test tests[] = {
	{ "CLEAR-001", "quick", "INITIALLY_SET: all reported first, then get+clear exact",
	  clear_initially_set },
	{ "CLEAR-002", "quick", "bitmap initially clear: nothing first, then get+clear exact",
	  clear_initially_clear },
	{ "CLEAR-003", "quick", "a reported page stays reported until cleared", clear_sticky },
	{ "CLEAR-004", "quick", "clear in 2^6..2^18-page chunks, last chunk partial",
	  clear_chunks },
	{ "CLEAR-005", "quick", "CLEAR_DIRTY_LOG ranges: EINVAL misaligned/short/past end",
	  clear_ranges },
};

const struct ds_area ds_area_clear = DS_AREA("CLEAR", tests);
