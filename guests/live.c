// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's live round (live.h): passes of the pattern back to back,
 * with no exit to the host between them, so that the only stalls the
 * vCPU meets are the ones dirty tracking puts in its way.  Runs in the
 * guest only, from the test's own ELF image, like patterns.c.
 */
#include "pattern.h"

void ds_live_round(struct ds_pat_ctx *ctx, const struct ds_pattern *pat,
		   struct ds_live_stats *ls, const volatile uint32_t *stop,
		   bool gaps)
{
	uint64_t pass, t0, base = ctx->phase;

	ctx->live = ls;
	ctx->live_gaps = gaps;
	ctx->live_stop = stop;
	/* ls->end is the last write's time from here on (write.h). */
	ls->end = ls->start = ds_cycles();
	for (pass = 0; !*stop; pass++) {
		t0 = ds_cycles();
		ctx->phase = base + pass;
		pat->run(ctx);
		if (*stop)
			break;	/* cut short: not a pass */
		if (pass < DS_LIVE_PASSES)
			ls->pass_cycles[pass] = ds_cycles() - t0;
		ls->passes++;
	}
	/* Untimed, no write moved it: the round's end stands in. */
	if (!gaps)
		ls->end = ds_cycles();
	ctx->live = 0;
}
