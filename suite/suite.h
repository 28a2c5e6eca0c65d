/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Conformance tests: each has a CONFORMANCE.md ID, a tier (quick tests are
 * the pre-merge gate) and a run function returning a kselftest exit code.
 * Each area has one table, in suite/<area>.c, its tests there or in files
 * next to it; suite/areas.c lists the areas, suite/lib/ holds shared helpers.
 */
#ifndef DS_SUITE_H
#define DS_SUITE_H

#include <stdbool.h>
#include <stdint.h>
#include "kselftest.h"
#include "vm.h"
#include "mode.h"
#include "inject.h"
#include "round_check.h"

struct ds_test_opts {
	uint64_t seed;
	uint64_t minutes;	/* soak length for STRESS */
};

struct ds_test {
	const char *id;
	const char *tier;	/* "quick" or "full" */
	const char *desc;
	int (*run)(const struct ds_test_opts *o);
};

struct ds_area {
	const char *name;
	const struct ds_test *tests;
	unsigned int nr;
};

#define DS_AREA(name, table) { name, table, sizeof(table) / sizeof(table[0]) }

extern const struct ds_area *const ds_areas[];
extern const unsigned int ds_nr_areas;

/* Print "SKIP: reason" (the runner carries it to KTAP) and return SKIP. */
int ds_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "# FAIL: reason" and return FAIL. */
int ds_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Record a check: prints "# ok: what" or "# FAIL: what"; returns @cond. */
bool ds_check(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* KSFT_PASS when @ok, else KSFT_FAIL. */
static inline int ds_result(bool ok)
{
	return ok ? KSFT_PASS : KSFT_FAIL;
}

/* The mode's own SKIP reason, or NULL; tests call it before ds_vm_create. */
const char *ds_mode_unsupported(const struct ds_vm_cfg *cfg);

/*
 * ds_vm_create(), or NULL after printing the mode's SKIP reason when this
 * kernel cannot run it: "if (!(dvm = ds_vm_create_or_skip(&cfg))) return
 * KSFT_SKIP;".
 */
struct ds_vm *ds_vm_create_or_skip(const struct ds_vm_cfg *cfg);

/*
 * A ring VM of @vcpus vCPUs, @entries each, one slot of @mib MiB that the
 * guest writes whole every round (seq, 100%): a small ring fills in it.
 */
void ds_ring_fill_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o,
		      uint32_t entries, uint32_t vcpus, uint32_t mib);

#endif /* DS_SUITE_H */
