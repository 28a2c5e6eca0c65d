// SPDX-License-Identifier: GPL-2.0
/*
 * ds-startstop: what turning dirty logging on and off costs, per GiB of
 * guest memory that is mapped and writable when it happens.  A migration
 * pays both once per attempt; for a large guest they can outweigh many
 * harvests.
 *
 * Per memory size and per way of logging:
 *   bitmap       KVM_MEM_LOG_DIRTY_PAGES set: KVM write-protects every
 *                mapped page there and then
 *   clear        the same with KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2
 *   clear-iset   manual protect with KVM_DIRTY_LOG_INITIALLY_SET: every
 *                page reported dirty, none write-protected yet (the
 *                first KVM_CLEAR_DIRTY_LOG does it, chunk by chunk)
 * each of -n repeats: every page written with logging off (all mapped
 * writable), then KVM_SET_USER_MEMORY_REGION with the flag on, timed, and
 * off again, timed.  Output: startstop.tsv (medians, and per GiB).
 *
 * Then, per size and per huge backing of -B, how long 2 MiB mappings take
 * to come back once logging stops (hugeback.c): hugeback.tsv.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "hugeback.h"
#include "median.h"
#include "mode.h"
#include "opt.h"
#include "pattern.h"
#include "util.h"
#include "vm.h"

#define MAX_SIZES	8
#define MAX_REPEATS	64

static const struct way {
	const char *name, *mode;
	bool iset;
} ways[] = {
	{ "bitmap", "bitmap", false },
	{ "clear", "clear", false },
	{ "clear-iset", "clear", true },
};

/* One size, one way: @n repeats of enable and disable; false: SKIP. */
static bool measure(uint64_t bytes, const struct way *w, unsigned int n,
		    double *on_ms, double *off_ms, const char **skip)
{
	double on[MAX_REPEATS], off[MAX_REPEATS];
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t t0;
	unsigned int r;

	ds_vm_cfg_default(&cfg);
	cfg.slot_pages[0] = bytes >> DS_PAGE_SHIFT;
	cfg.mode = ds_mode_find(w->mode);
	cfg.mcfg.initially_set = w->iset;
	cfg.pat.pattern = ds_pattern_find("seq");
	cfg.pat.fraction_ppm = 1000000;
	*skip = cfg.mode->supported(&cfg.mcfg);
	if (*skip)
		return false;
	dvm = ds_vm_create(&cfg);	/* the mode enabled logging */
	ds_vm_slots_flags(dvm, 0);
	for (r = 0; r < n; r++) {
		ds_vm_round(dvm);	/* every page mapped and writable */
		t0 = ds_now_ns();
		ds_vm_slots_flags(dvm, KVM_MEM_LOG_DIRTY_PAGES);
		on[r] = (ds_now_ns() - t0) / 1e6;
		t0 = ds_now_ns();
		ds_vm_slots_flags(dvm, 0);
		off[r] = (ds_now_ns() - t0) / 1e6;
	}
	ds_vm_destroy(dvm);
	*on_ms = ds_median_inplace(on, n);
	*off_ms = ds_median_inplace(off, n);
	return true;
}

static int usage(FILE *f, int rc)
{
	fprintf(f, "usage: ds-startstop [-M SIZES] [-n REPEATS] [-B BACKINGS] [-o DIR]\n"
		"  -M  guest memory sizes, comma-separated (default 64M,256M,1G)\n"
		"  -n  enable/disable pairs per size and way (default 5)\n"
		"  -B  huge backings whose 2 MiB mappings are timed back after logging:\n"
		"      thp, hugetlb, comma-separated, or none (default thp,hugetlb)\n"
		"  -o  folder for startstop.tsv and hugeback.tsv (default .)\n");
	return rc;
}

/* DIR/NAME.tmp opened for writing, its final name in @path; NULL: error. */
static FILE *open_tmp(const char *dir, const char *name, char *path, size_t len)
{
	char tmp[1100];
	FILE *f;

	snprintf(path, len, "%s/%s", dir, name);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		perror(tmp);
	return f;
}

/* Close @f and rename it to @path: the table appears whole or not at all. */
static bool close_tmp(FILE *f, const char *path)
{
	char tmp[1100];

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (fclose(f) || rename(tmp, path)) {
		perror(path);
		return false;
	}
	return true;
}

/* -B: "thp,hugetlb" into @b (count in *@nb); "none" is none. */
static bool parse_backings(const char *list, enum ds_backing *b, unsigned int *nb)
{
	char buf[64], *tok, *save;

	*nb = 0;
	if (!strcmp(list, "none"))
		return true;
	snprintf(buf, sizeof(buf), "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (*nb == 2 || (strcmp(tok, "thp") && strcmp(tok, "hugetlb"))) {
			fprintf(stderr, "ds-startstop: -B: '%s' is not thp or hugetlb (or none)\n", tok);
			return false;
		}
		b[(*nb)++] = strcmp(tok, "thp") ? DS_BACK_HUGETLB : DS_BACK_THP;
	}
	return true;
}

int main(int argc, char **argv)
{
	uint64_t sizes[MAX_SIZES], n = 5;
	const char *dir = ".", *list = "64M,256M,1G", *blist = "thp,hugetlb", *skip;
	unsigned int ns = 0, nb = 0, s, w;
	enum ds_backing backings[2];
	double on, off, gib;
	char path[1024];
	FILE *f;
	int c;

	while ((c = getopt(argc, argv, "M:n:B:o:h")) != -1) {
		switch (c) {
		case 'M': list = optarg; break;
		case 'n':
			if (!ds_parse_u64("-n", optarg, 1, MAX_REPEATS, &n))
				return 2;
			break;
		case 'B': blist = optarg; break;
		case 'o': dir = optarg; break;
		case 'h': return usage(stdout, 0);
		default: return usage(stderr, 2);
		}
	}
	if (optind != argc)
		return usage(stderr, 2);
	if (!ds_parse_list("-M", list, MAX_SIZES, &ns, ds_list_mem_size, sizes) ||
	    !parse_backings(blist, backings, &nb))
		return 2;
	f = open_tmp(dir, "startstop.tsv", path, sizeof(path));
	if (!f)
		return 3;
	fprintf(f, "# dirtysuite-bench v1\n# startstop: logging turned on and off with every page mapped writable\n"
		"mem_MiB\tway\tsamples\tenable_ms_median\tenable_ms_per_GiB\tdisable_ms_median\tdisable_ms_per_GiB\n");
	for (s = 0; s < ns; s++) {
		gib = sizes[s] / (double)(1ULL << 30);
		for (w = 0; w < DS_ARRAY_SIZE(ways); w++) {
			if (!measure(sizes[s], &ways[w], n, &on, &off, &skip)) {
				printf("# SKIP %s: %s\n", ways[w].name, skip);
				continue;
			}
			fprintf(f, "%llu\t%s\t%llu\t%.3f\t%.3f\t%.3f\t%.3f\n",
				(unsigned long long)(sizes[s] >> 20), ways[w].name,
				(unsigned long long)n, on, on / gib, off, off / gib);
			printf("startstop %llu MiB %-10s enable %.3f ms (%.2f ms/GiB), disable %.3f ms (%.2f ms/GiB), medians of %llu\n",
			       (unsigned long long)(sizes[s] >> 20), ways[w].name,
			       on, on / gib, off, off / gib, (unsigned long long)n);
		}
	}
	if (!close_tmp(f, path))
		return 3;
	if (!nb)
		return 0;
	f = open_tmp(dir, "hugeback.tsv", path, sizeof(path));
	if (!f)
		return 3;
	ds_hugeback_header(f);
	for (s = 0; s < ns; s++)
		for (w = 0; w < nb; w++)
			ds_hugeback(f, sizes[s], backings[w], n);
	return close_tmp(f, path) ? 0 : 3;
}
