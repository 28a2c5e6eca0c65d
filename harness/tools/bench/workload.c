// SPDX-License-Identifier: GPL-2.0
/*
 * Workload keys: one table of keys, each with its type and range, so that
 * a new key is one line and every key gets the same checks and messages,
 * whether it comes from a file (workload_file.c) or from -k.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "pattern.h"
#include "workload.h"

enum wl_type { WL_U32, WL_U64, WL_SIZE, WL_PCT, WL_POW2, WL_BACKING,
	       WL_PATTERN, WL_MODES, WL_POPULATE, WL_CPUS };

struct wl_key {
	const char *key;
	enum wl_type type;
	size_t off;
	uint64_t min, max;
	const char *help;
};

#define WO(f) offsetof(struct ds_workload, f)

/* Sorted by key.  The ranges are what a run on this suite can support. */
static const struct wl_key wl_keys[] = {
	{ "backing", WL_BACKING, WO(backing), 0, 0, "anon, thp or hugetlb" },
	{ "burst_idle", WL_U32, WO(pat.burst_idle), 0, 1000000, "burst: pause iterations" },
	{ "burst_pages", WL_U32, WO(pat.burst_pages), 1, 1 << 20, "burst: pages per burst" },
	{ "churn_pct", WL_U32, WO(pat.churn_pct), 0, 100, "churn: % of written pages freed" },
	{ "clear_shift", WL_U32, WO(clear_shift), 6, 24, "clear: 2^N pages per CLEAR" },
	{ "dirty_pct", WL_PCT, WO(pat.fraction_ppm), 1, 1000000, "% of pages written per round" },
	{ "harvest_cpu", WL_CPUS, WO(harvest_cpu), 0, 0, "pin the harvester: a CPU location, or none" },
	{ "hot_pct", WL_U32, WO(pat.hot_pct), 0, 100, "hotset: % of writes to the hot set" },
	{ "hot_set_pct", WL_U32, WO(pat.hot_set_pct), 1, 100, "hotset: % of pages hot" },
	{ "live_gaps", WL_U32, WO(live_gaps), 0, 1, "-x live: 0 times passes only, no clock read a write" },
	{ "live_ms", WL_U32, WO(live_ms), 100, 600000, "-x live: ms each point runs free" },
	{ "memory", WL_SIZE, WO(mem_bytes), DS_MEM_MIN, DS_MEM_MAX, "test memory (K/M/G)" },
	{ "memslots", WL_U32, WO(nr_slots), 1, DS_MAX_REGIONS, "memslots" },
	{ "modes", WL_MODES, WO(modes), 0, 0, "comma list, or all" },
	{ "pattern", WL_PATTERN, WO(pat.pattern), 0, 0, "a guest pattern" },
	{ "populate", WL_POPULATE, WO(populate), 0, 0, "all: fault every page in first; none: sparse" },
	{ "ring_entries", WL_POW2, WO(ring_entries), 64, 65536, "ring: entries per vCPU" },
	{ "rounds", WL_U32, WO(rounds), 1, 10000, "measured rounds" },
	{ "seed", WL_U64, WO(pat.seed), 0, ~0ULL, "pattern seed" },
	{ "spin_wait", WL_U32, WO(spin_wait), 0, 1, "rounds: 1 busy-waits between them, as dirty_log_perf_test" },
	{ "stride", WL_U32, WO(pat.stride), 1, 1 << 20, "stride: every Nth page" },
	{ "vcpu_cpus", WL_CPUS, WO(vcpu_cpus), 0, 0, "pin the vCPUs: CPU locations joined by /, or none" },
	{ "vcpus", WL_U32, WO(nr_vcpus), 1, DS_MAX_VCPUS, "vCPUs" },
	{ "warm_set", WL_U32, WO(warm_set), 0, 1, "rounds: 0 leaves a bitmap mode's set as the last get did, as dirty_log_perf_test" },
	{ "warmup", WL_U32, WO(warmup), 0, 1000, "rounds discarded first" },
	{ "waitqueue", WL_U32, WO(waitqueue), 0, 1, "ring: 1 for the wait-queue ring (patched kernel)" },
	{ "write_pct", WL_U32, WO(pat.write_pct), 0, 100, "rw: % of accesses that write" },
};

void ds_workload_default(struct ds_workload *wl)
{
	memset(wl, 0, sizeof(*wl));
	strcpy(wl->name, "default");
	wl->mem_bytes = 64ULL << 20;
	wl->nr_vcpus = 2;
	wl->nr_slots = 1;
	wl->backing = DS_WL_ANON;
	ds_pat_params_default(&wl->pat);
	wl->pat.pattern = ds_pattern_find("random");
	wl->pat.fraction_ppm = 10000;
	wl->rounds = 10;
	wl->warmup = 2;
	wl->ring_entries = 4096;
	wl->clear_shift = 6;
	wl->live_ms = 2000;
	wl->live_gaps = 1;
	wl->warm_set = 1;
}

bool ds_parse_pct_ppm(const char *text, uint32_t *ppm)
{
	uint64_t whole = 0, frac = 0, scale = 10000;
	const char *p = text;

	if (!isdigit((unsigned char)*p))
		return false;
	for (; isdigit((unsigned char)*p); p++) {
		whole = whole * 10 + (*p - '0');
		if (whole > 100)
			return false;
	}
	if (*p == '.') {
		/* Four decimals reach 1 ppm; more digits would be fake precision. */
		for (p++; isdigit((unsigned char)*p); p++) {
			if (scale == 1)
				return false;
			scale /= 10;
			frac += (*p - '0') * scale;
		}
	}
	if (*p)
		return false;
	*ppm = whole * 10000 + frac;
	return true;
}

static bool set_modes(struct ds_workload *wl, const char *value, char *why,
		      unsigned int len)
{
	char buf[256], *tok, *save;

	if (strlen(value) >= sizeof(buf)) {
		snprintf(why, len, "modes: list too long");
		return false;
	}
	strcpy(buf, value);
	wl->nr_modes = 0;
	if (!strcmp(buf, "all"))
		return true;
	/* Names are resolved against the build's mode table at run time. */
	for (tok = strtok_r(buf, ", \t", &save); tok;
	     tok = strtok_r(NULL, ", \t", &save)) {
		if (wl->nr_modes == DS_WL_MAX_MODES || strlen(tok) >= 16 ||
		    strspn(tok, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(tok)) {
			snprintf(why, len, "modes: '%s' is not a mode name (or more than %d modes)",
				 tok, DS_WL_MAX_MODES);
			return false;
		}
		strcpy(wl->modes[wl->nr_modes++], tok);
	}
	if (!wl->nr_modes) {
		snprintf(why, len, "modes: empty list (use 'all')");
		return false;
	}
	return true;
}

static bool set_enum(const char *key, const char *value, const char *const *names,
		     unsigned int nr, uint32_t *out, char *why, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (!strcmp(value, names[i])) {
			*out = i;
			return true;
		}
	}
	snprintf(why, len, "%s: unknown value '%s'", key, value);
	return false;
}

static bool set_pattern(uint32_t *out, const char *value, char *why,
			unsigned int len)
{
	int p = ds_pattern_find(value);
	unsigned int i, n;

	if (p >= 0) {
		*out = p;
		return true;
	}
	n = snprintf(why, len, "pattern: unknown pattern '%s' (known:", value);
	for (i = 0; i < ds_nr_patterns && n < len; i++)
		n += snprintf(why + n, len - n, " %s", ds_patterns[i].name);
	if (n < len)
		snprintf(why + n, len - n, ")");
	return false;
}

bool ds_workload_set(struct ds_workload *wl, const char *key,
		     const char *value, char *why, unsigned int len)
{
	static const char *const backings[] = { "anon", "thp", "hugetlb" };
	static const char *const populates[] = { "all", "none" };
	const struct wl_key *k = NULL;
	void *field;
	uint64_t v;
	uint32_t u;
	unsigned int i;

	for (i = 0; i < sizeof(wl_keys) / sizeof(wl_keys[0]); i++)
		if (!strcmp(wl_keys[i].key, key))
			k = &wl_keys[i];
	if (!k) {
		snprintf(why, len, "unknown key '%s'", key);
		return false;
	}
	if (!*value) {
		snprintf(why, len, "%s: no value", key);
		return false;
	}
	field = (char *)wl + k->off;
	switch (k->type) {
	case WL_BACKING:
		if (!set_enum(key, value, backings, 3, &u, why, len))
			return false;
		wl->backing = u;
		return true;
	case WL_POPULATE:
		if (!set_enum(key, value, populates, 2, &u, why, len))
			return false;
		wl->populate = u;
		return true;
	case WL_PATTERN:
		return set_pattern(field, value, why, len);
	case WL_MODES:
		return set_modes(wl, value, why, len);
	case WL_CPUS:
		/* Checked against this machine's CPUs when the sweep starts. */
		if (strlen(value) >= DS_WL_CPUS) {
			snprintf(why, len, "%s: '%s' is longer than %d characters", key,
				 value, DS_WL_CPUS - 1);
			return false;
		}
		strcpy(field, strcmp(value, "none") ? value : "");
		return true;
	case WL_PCT:
		if (!ds_parse_pct_ppm(value, &u)) {
			snprintf(why, len, "%s: '%s' is not a percentage (0.0001 .. 100)",
				 key, value);
			return false;
		}
		v = u;
		break;
	default:
		if (ds_num_parse(value, k->type == WL_SIZE, &v) != DS_NUM_OK) {
			snprintf(why, len, "%s: '%s' is not a number%s", key, value,
				 k->type == WL_SIZE ? " (sizes take K, M or G)" : "");
			return false;
		}
	}
	if ((v < k->min || v > k->max) && k->type == WL_PCT) {
		/* The range in the file's unit, percent, not in ppm. */
		snprintf(why, len, "%s: %s is out of range [%llu.%04llu, %llu] (%s)",
			 key, value, (unsigned long long)k->min / 10000,
			 (unsigned long long)k->min % 10000,
			 (unsigned long long)k->max / 10000, k->help);
		return false;
	} else if (v < k->min || v > k->max) {
		snprintf(why, len, "%s: %s is out of range [%llu, %llu] (%s)", key,
			 value, (unsigned long long)k->min,
			 (unsigned long long)k->max, k->help);
		return false;
	}
	if (k->type == WL_POW2 && (v & (v - 1))) {
		snprintf(why, len, "%s: %s is not a power of two", key, value);
		return false;
	}
	if (k->type == WL_U64 || k->type == WL_SIZE)
		*(uint64_t *)field = v;
	else
		*(uint32_t *)field = v;
	return true;
}
