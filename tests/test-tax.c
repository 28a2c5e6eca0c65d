// SPDX-License-Identifier: GPL-2.0
/*
 * The tracking tax (harness/tools/bench/bench_tax.c): a tracked guest 20 %
 * slower than its baseline gives +20 % with an interval around it; one
 * that seems 20 % faster, beyond its noise, is a measurement bug, not a
 * negative tax; no baseline, no tax; a NaN round is left out.
 */
#include <math.h>

#include "bench.h"
#include "unit.h"

#define N 30

int main(void)
{
	double off[N], slow[N], fast[N];
	struct ds_tax t;
	int i;

	/* Rounds of 10 ms with +-3 % of noise. */
	for (i = 0; i < N; i++)
		off[i] = 10e6 * (1 + ((i * 7919) % 13 - 6) / 200.0);
	for (i = 0; i < N; i++) {
		slow[i] = off[(i + 5) % N] * 1.2;
		fast[i] = off[(i + 11) % N] * 0.8;
	}
	ds_tax(slow, N, off, N, &t);
	CHECK(fabs(t.pct - 20) < 0.5 && !t.bug, "20%% slower: tax %+.2f%%", t.pct);
	CHECK(t.lo < t.pct && t.pct < t.hi && t.lo > 10 && t.hi < 30,
	      "its interval %+.1f..%+.1f%% holds it", t.lo, t.hi);
	ds_tax(fast, N, off, N, &t);
	CHECK(t.bug && t.hi < 0, "20%% faster: a measurement bug (interval %+.1f..%+.1f%%)",
	      t.lo, t.hi);
	ds_tax(slow, N, off, 0, &t);
	CHECK(isnan(t.pct) && !t.bug, "no baseline rounds: no tax");
	slow[3] = NAN;
	ds_tax(slow, N, off, N, &t);
	CHECK(fabs(t.pct - 20) < 1, "a NaN round left out: tax %+.2f%%", t.pct);
	return unit_exit();
}
