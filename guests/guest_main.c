// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's round loop: run the configured pattern over this vCPU's
 * slice, then GUEST_SYNC(round) so the host can harvest and verify while
 * every vCPU is stopped.  A live round (live.h) runs pass after pass
 * until the host says stop, and syncs once at its end.  Runs in the guest
 * only.
 */
#include "kvm_util.h"
#include "ucall_common.h"
#include "guest.h"

/* GUEST_SYNC2 came with 6.6's framework; before it, the same ucall. */
#ifndef GUEST_SYNC2
#define GUEST_SYNC2(arg0, arg1) ucall(UCALL_SYNC, 2, arg0, arg1)
#endif

struct ds_guest_params ds_params;
struct ds_guest_ctl ds_ctl;

void ds_guest_main(uint32_t vcpu)
{
	struct ds_pat_ctx ctx;
	uint64_t round;

	GUEST_ASSERT(vcpu < ds_params.nr_vcpus);
	/* A bad index would jump through a wild pointer: say so instead. */
	GUEST_ASSERT(ds_params.pat.pattern < ds_nr_patterns);
	for (round = 1;; round++) {
		while (READ_ONCE(ds_ctl.pause))
			ds_cpu_relax();
		ds_pat_ctx_init(&ctx, &ds_params, vcpu, round,
				(uint64_t *)ds_params.truth_gva[vcpu],
				(uint64_t *)ds_params.freemap_gva[vcpu],
				&ds_ctl.writes_done[vcpu]);
		if (READ_ONCE(ds_ctl.live))
			ds_live_round(&ctx, &ds_patterns[ds_params.pat.pattern],
				      (struct ds_live_stats *)ds_params.live_gva[vcpu],
				      &ds_ctl.live_stop, READ_ONCE(ds_ctl.live_gaps));
		else
			ds_patterns[ds_params.pat.pattern].run(&ctx);
		GUEST_SYNC2(round, ctx.seq);
		if (READ_ONCE(ds_ctl.stop))
			break;
	}
	GUEST_DONE();
}
