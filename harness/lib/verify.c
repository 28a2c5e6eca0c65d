// SPDX-License-Identifier: GPL-2.0
#include "verify.h"

void ds_verify(const struct ds_set *harvested, const struct ds_set *truth,
	       struct ds_verdict *v)
{
	uint64_t i, words = (truth->nbits + 63) / 64, w, page;

	*v = (struct ds_verdict){ 0 };
	for (i = 0; i < words; i++) {
		uint64_t t = truth->bits[i], h = harvested->bits[i];

		v->written += __builtin_popcountll(t);
		v->harvested += __builtin_popcountll(h);
		for (w = t & ~h; w; w &= w - 1) {
			page = i * 64 + __builtin_ctzll(w);
			if (v->lost < DS_VERIFY_EXAMPLES)
				v->lost_pages[v->lost] = page;
			v->lost++;
		}
		for (w = h & ~t; w; w &= w - 1) {
			page = i * 64 + __builtin_ctzll(w);
			if (v->extra < DS_VERIFY_EXAMPLES)
				v->extra_pages[v->extra] = page;
			v->extra++;
		}
	}
}

bool ds_verdict_ok(const struct ds_verdict *v, bool exact)
{
	return !v->lost && (!exact || !v->extra);
}

static void print_pages(FILE *f, const char *what, const uint64_t *pages,
			uint64_t n)
{
	uint64_t i;

	fprintf(f, "#   %s pages:", what);
	for (i = 0; i < n && i < DS_VERIFY_EXAMPLES; i++)
		fprintf(f, " %lu", (unsigned long)pages[i]);
	fprintf(f, n > DS_VERIFY_EXAMPLES ? " ...\n" : "\n");
}

void ds_verdict_print(FILE *f, const char *what, const struct ds_verdict *v,
		      bool exact)
{
	fprintf(f, "# %s: written %lu, harvested %lu, lost %lu, over-reported %lu%s\n",
		what, (unsigned long)v->written, (unsigned long)v->harvested,
		(unsigned long)v->lost, (unsigned long)v->extra,
		ds_verdict_ok(v, exact) ? "" : " FAIL");
	if (v->lost)
		print_pages(f, "lost", v->lost_pages, v->lost);
	if (v->extra)
		print_pages(f, "over-reported", v->extra_pages, v->extra);
}

bool ds_verify_print(FILE *f, const char *what, const struct ds_set *got,
		     const struct ds_set *want, bool exact)
{
	struct ds_verdict v;

	ds_verify(got, want, &v);
	ds_verdict_print(f, what, &v, exact);
	return ds_verdict_ok(&v, exact);
}
