// SPDX-License-Identifier: GPL-2.0
/*
 * Watching a WAITQUEUE vCPU: "asleep" is read from the kernel, not guessed
 * from elapsed time: the vCPU thread is in state S inside ioctl(vcpu fd,
 * KVM_RUN), as /proc tells (ds_thread_in_run()), and its ring holds at
 * least soft-limit entries.  Progress is the guest's write counter
 * ds_ctl.writes_done, which never goes back, so progress between two reads
 * shows however far apart they are.  Every wait polls for such an event;
 * its bound (WQ_WAIT_MS) only turns a hang into a failure.
 */
#include <time.h>

#include "mode_ring.h"
#include "util.h"
#include "waitqueue.h"

uint32_t wq_soft_limit(void)
{
	return WQ_ENTRIES - ds_ring_rsvd_entries();
}

/* The watched vCPU sleeps in the ring's wait: in KVM_RUN, ring soft-full. */
bool wq_asleep(struct ds_watch *r)
{
	return ds_watch_in_run(r) && ds_ring_used(r->v) >= wq_soft_limit();
}

void wq_nap(void)
{
	struct timespec ts = { 0, 1000000 };

	nanosleep(&ts, NULL);
}

/*
 * Poll @cond(@r, @arg) every millisecond: true once it holds; false when
 * @r's thread left its loop (a sync, a ring-full exit) and it does not, or
 * after WQ_WAIT_MS.
 */
bool wq_poll(bool (*cond)(struct ds_watch *, uint64_t), struct ds_watch *r,
	     uint64_t arg)
{
	uint64_t end = ds_now_ns() + WQ_WAIT_MS * 1000000ULL;

	while (!cond(r, arg)) {
		if (DS_WATCH_GET(r->done) || ds_now_ns() > end)
			return cond(r, arg);
		wq_nap();
	}
	return true;
}

static bool wq_cond_asleep(struct ds_watch *r, uint64_t unused)
{
	return wq_asleep(r);
}

bool wq_wait_asleep(struct ds_watch *r)
{
	if (wq_poll(wq_cond_asleep, r, 0))
		return true;
	if (!DS_WATCH_GET(r->syncs) || DS_WATCH_GET(r->ring_full))
		printf("# vCPU %u not asleep: %lu KVM_RUN returns (%lu ring-full), %u ring entries, %lu guest writes\n",
		       r->v->id, DS_WATCH_GET(r->runs), DS_WATCH_GET(r->ring_full),
		       ds_ring_used(r->v), ds_vcpu_writes(r->v));
	return false;
}

/* The guest wrote past @w0, or finished its round. */
bool wq_cond_progress(struct ds_watch *r, uint64_t w0)
{
	return ds_vcpu_writes(r->v) != w0 || DS_WATCH_GET(r->syncs);
}

bool wq_cond_returned(struct ds_watch *r, uint64_t runs)
{
	return DS_WATCH_GET(r->runs) > runs;
}

void wq_look(struct ds_watch *r, bool asleep, struct wq_look *l)
{
	l->asleep = asleep;
	l->writes = ds_vcpu_writes(r->v);
	l->used = ds_ring_used(r->v);
	l->runs = DS_WATCH_GET(r->runs);
}

const char *wq_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o,
		   uint32_t vcpus, uint32_t mib)
{
	ds_ring_fill_cfg(cfg, o, WQ_ENTRIES, vcpus, mib);
	cfg->mcfg.waitqueue = true;
	cfg->inline_vcpus = true;	/* run by ds_watch threads */
	return ds_mode_unsupported(cfg);
}

/*
 * Harvest through the mode (faults applied), then reset; added to @got,
 * which gathers a whole round over its fills (a harvest replaces its set).
 */
void wq_harvest(struct ds_vm *dvm, struct ds_set *got)
{
	struct ds_htimes t = { 0 };
	struct ds_set now;

	ds_set_init(&now, got->nbits);
	ds_harvest(dvm, &now, &t);
	ds_set_or_bitmap(got, 0, now.bits, now.nbits);
	ds_set_free(&now);
}
