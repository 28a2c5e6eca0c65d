// SPDX-License-Identifier: GPL-2.0
/*
 * WAITQUEUE: KVM_CAP_DIRTY_LOG_RING_WAITQUEUE (kernel/patches/0001, api.rst
 * 7.37 as patched).  A vCPU whose ring reaches its soft limit sleeps inside
 * KVM_RUN until KVM_RESET_DIRTY_RINGS frees room, instead of exiting with
 * KVM_EXIT_DIRTY_RING_FULL.  See CONFORMANCE.md for each rule, and
 * waitqueue_watch.c for how a test knows that a vCPU sleeps.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ds_uapi.h"
#include "mode_ring.h"
#include "lib/errno_check.h"
#include "util.h"
#include "waitqueue.h"

/* The answer of KVM_ENABLE_CAP(WAITQUEUE, @flags) on @vm: 0 or an errno. */
static int wq_enable_errno(struct kvm_vm *vm, uint64_t flags)
{
	struct kvm_enable_cap cap = {
		.cap = KVM_CAP_DIRTY_LOG_RING_WAITQUEUE, .flags = flags,
	};

	return ds_ioctl_errno(vm->fd, KVM_ENABLE_CAP, &cap);
}

/*
 * WAITQUEUE-001: KVM_CHECK_EXTENSION says 1 on /dev/kvm and on a VM; the
 * cap is refused (EINVAL) without a ring, with flags, after a vCPU exists
 * (kvm_vm_ioctl_enable_cap_generic as patched), and taken otherwise.
 */
static int wq_cap(const struct ds_test_opts *o)
{
	unsigned int sys = ds_ring_waitqueue_cap();
	struct kvm_vm *vm;
	bool ok;
	int e;

	if (!sys)
		return ds_skip("%s", DS_RING_WQ_MISSING);
	ok = ds_check(sys == 1, "KVM_CHECK_EXTENSION on /dev/kvm: %u, want 1", sys);
	vm = vm_create_barebones();
	ok &= ds_check(vm_check_cap(vm, KVM_CAP_DIRTY_LOG_RING_WAITQUEUE) == 1,
		       "KVM_CHECK_EXTENSION on the VM: %d, want 1",
		       vm_check_cap(vm, KVM_CAP_DIRTY_LOG_RING_WAITQUEUE));
	ok &= ds_want_errno(wq_enable_errno(vm, 0), EINVAL, "no dirty ring");
	kvm_vm_free(vm);

	vm = vm_create_barebones();
	vm_enable_dirty_ring(vm, WQ_ENTRIES * sizeof(struct kvm_dirty_gfn));
	ok &= ds_want_errno(wq_enable_errno(vm, 1), EINVAL, "ring, flags 1");
	e = ds_raw_errno(__vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING_WAITQUEUE, 0));
	ok &= ds_want_errno(e, 0, "ring, no vCPU, flags 0");
	kvm_vm_free(vm);

	vm = vm_create_barebones();
	vm_enable_dirty_ring(vm, WQ_ENTRIES * sizeof(struct kvm_dirty_gfn));
	__vm_vcpu_add(vm, 0);
	ok &= ds_want_errno(wq_enable_errno(vm, 0), EINVAL, "ring, after a vCPU");
	kvm_vm_free(vm);
	return ds_result(ok);
}

/*
 * WAITQUEUE-002: a soft-full vCPU sleeps in KVM_RUN (no return at all, so
 * no KVM_EXIT_DIRTY_RING_FULL), makes no progress while asleep, not even
 * across a reset that frees none of its entries, and goes on once a reset
 * frees some; one round through every fill is then harvested exactly.
 */
static int wq_blocks(const struct ds_test_opts *o)
{
	uint32_t soft = wq_soft_limit(), fills = 0;
	struct wq_look a, b;
	struct ds_watch r;
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	struct ds_set got;
	const char *why = wq_cfg(&cfg, o, 1, 8);
	bool ok = true, asleep, moved;
	int freed;

	if (why)
		return ds_skip("%s", why);
	dvm = ds_vm_create(&cfg);
	ds_set_init(&got, dvm->nr_pages);
	printf("# 1 vCPU, %u-entry ring, soft limit %u, seq 100%% of 8 MiB (2048 pages)\n",
	       WQ_ENTRIES, soft);
	ds_watch_start(&r, &dvm->vcpus[0], 1);
	while (ok) {
		asleep = wq_wait_asleep(&r);
		/* The round may end after the last fill: nothing to wait for. */
		if (!asleep && DS_WATCH_GET(r.syncs) && !DS_WATCH_GET(r.ring_full))
			break;
		wq_look(&r, asleep, &a);
		ok = ds_check(a.asleep && !a.runs && a.used < WQ_ENTRIES,
			      "fill %u: asleep in KVM_RUN with %u entries (soft limit %u, size %u), %lu guest writes, %lu KVM_RUN returns",
			      fills + 1, a.used, soft, WQ_ENTRIES, a.writes, a.runs);
		if (!ok)
			break;
		/* Nothing harvested: this reset frees none of its entries. */
		freed = ds_ring_reset_now(dvm);
		ok &= ds_check(freed == 0, "a reset with nothing harvested frees %d entries", freed);
		wq_look(&r, wq_wait_asleep(&r), &b);
		ok &= ds_check(b.asleep && b.writes == a.writes && b.used == a.used && !b.runs,
			       "fill %u: after it still asleep (%d), %lu guest writes, %u entries, %lu KVM_RUN returns",
			       fills + 1, b.asleep, b.writes, b.used, b.runs);
		wq_harvest(dvm, &got);
		moved = wq_poll(wq_cond_progress, &r, a.writes);
		ok &= ds_check(moved, "fill %u: harvest + reset, the guest goes on (%lu writes)",
			       fills + 1, ds_vcpu_writes(r.v));
		fills++;
	}
	ds_watch_stop(&r);	/* it leaves after its first sync */
	if (ok) {
		wq_harvest(dvm, &got);
		ok &= ds_round_check(dvm, &got, 1, DS_RC_EXACT | DS_RC_PRINT,
				     "round 1 through every fill", NULL);
		ok &= ds_check(fills >= 2 && DS_WATCH_GET(r.runs) == 1 && !DS_WATCH_GET(r.ring_full),
			       "%u fills, %lu KVM_RUN returns (the sync only), %lu ring-full exits",
			       fills, DS_WATCH_GET(r.runs), DS_WATCH_GET(r.ring_full));
	}
	ds_set_free(&got);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * WAITQUEUE-004: a signal ends the sleep: KVM_RUN returns -1/EINTR with
 * exit_reason KVM_EXIT_INTR; the next KVM_RUN sleeps again with the ring
 * and the guest unchanged, until a reset.
 */
static int wq_signal(const struct ds_test_opts *o)
{
	struct wq_look a, b;
	struct ds_watch r;
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	struct ds_set got;
	const char *why = wq_cfg(&cfg, o, 1, 8);
	bool ok, moved;

	if (why)
		return ds_skip("%s", why);
	dvm = ds_vm_create(&cfg);
	ds_set_init(&got, dvm->nr_pages);
	ds_watch_start(&r, &dvm->vcpus[0], 0);
	wq_look(&r, wq_wait_asleep(&r), &a);
	ok = ds_check(a.asleep && !a.runs, "asleep in KVM_RUN with %u entries, %lu KVM_RUN returns",
		      a.used, a.runs);
	if (ok) {
		pthread_kill(r.thread, SIGUSR1);
		wq_poll(wq_cond_returned, &r, 0);
		ok &= ds_check(DS_WATCH_GET(r.eintr) == 1 && DS_WATCH_GET(r.intr_exits) == 1 &&
			       DS_WATCH_GET(r.runs) == 1,
			       "signal: %lu KVM_RUN returns, %lu with EINTR, %lu of them KVM_EXIT_INTR; want 1 each",
			       DS_WATCH_GET(r.runs), DS_WATCH_GET(r.eintr), DS_WATCH_GET(r.intr_exits));
		wq_look(&r, wq_wait_asleep(&r), &b);
		ok &= ds_check(b.asleep && b.writes == a.writes && b.used == a.used && b.runs == 1,
			       "KVM_RUN again: asleep (%d), %lu guest writes (%lu before), %u entries (%u before)",
			       b.asleep, b.writes, a.writes, b.used, a.used);
		wq_harvest(dvm, &got);
		moved = wq_poll(wq_cond_progress, &r, a.writes);
		ok &= ds_check(moved, "harvest + reset: the guest goes on (%lu writes)",
			       ds_vcpu_writes(r.v));
	}
	ds_watch_stop(&r);
	ds_set_free(&got);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * WAITQUEUE-003: a harvester thread resets whenever a ring reaches its soft
 * limit, while the vCPUs write on their harness threads; each round, what
 * it harvested plus a harvest after the round equals what was written.
 */
struct wq_harvester {
	struct ds_vm *dvm;
	pthread_mutex_t lock;	/* whoever harvests into got holds it */
	struct ds_set got;
	uint32_t stop;
	uint64_t fills;		/* harvests made for a ring at its soft limit */
};

/* A vCPU at its soft limit that wrote nothing since the last one was. */
static void wq_check_stuck(struct ds_vcpu *v, uint64_t *last, uint64_t *since)
{
	uint64_t w = ds_vcpu_writes(v), now = ds_now_ns();

	if (w != *last || !*since) {
		*last = w;
		*since = now;
	} else if (now - *since > WQ_WAIT_MS * 1000000ULL) {
		/* ds_vm_round() would wait for ever: a verdict, not a hang. */
		printf("# FAIL: vCPU %u at its soft limit with %lu writes for %u ms despite resets%s\n",
		       v->id, w, WQ_WAIT_MS,
		       ds_injected(DS_FAULT_NO_RESET) ? " (fault no-reset)" : "");
		exit(KSFT_FAIL);
	}
}

static void *wq_harvest_loop(void *arg)
{
	struct wq_harvester *h = arg;
	uint64_t last[WQ_MAX_VCPUS] = { 0 }, since[WQ_MAX_VCPUS] = { 0 };
	uint32_t i, n = h->dvm->cfg.nr_vcpus;

	while (!DS_WATCH_GET(h->stop)) {
		for (i = 0; i < n; i++)
			if (ds_ring_used(&h->dvm->vcpus[i]) >= wq_soft_limit())
				break;
		if (i == n) {
			wq_nap();
			continue;
		}
		wq_check_stuck(&h->dvm->vcpus[i], &last[i], &since[i]);
		/* All rings: the others are written while this one sleeps. */
		pthread_mutex_lock(&h->lock);
		wq_harvest(h->dvm, &h->got);
		h->fills++;
		pthread_mutex_unlock(&h->lock);
	}
	return NULL;
}

static int wq_no_loss(const struct ds_test_opts *o)
{
	static const char *const pats[] = { "seq", "random" };
	struct wq_harvester h = { 0 };
	struct ds_ring_stats st;
	struct ds_vm_cfg cfg;
	pthread_t thr;
	const char *why;
	uint64_t exits, fills;
	unsigned int p, r, i;
	bool ok = true;
	char what[64];

	for (p = 0; p < DS_ARRAY_SIZE(pats); p++) {
		why = wq_cfg(&cfg, o, 2, 16);
		if (why)
			return ds_skip("%s", why);
		cfg.pat.pattern = ds_pattern_find(pats[p]);
		cfg.inline_vcpus = false;	/* the harness's vCPU threads */
		h.dvm = ds_vm_create(&cfg);
		ds_set_init(&h.got, h.dvm->nr_pages);
		pthread_mutex_init(&h.lock, NULL);
		h.stop = 0;
		h.fills = 0;
		pthread_create(&thr, NULL, wq_harvest_loop, &h);
		printf("# 2 vCPU threads, %u-entry rings, %s 100%% of 16 MiB, 5 rounds, harvester thread\n",
		       WQ_ENTRIES, pats[p]);
		for (r = 1; r <= 5; r++) {
			ds_vm_round(h.dvm);
			pthread_mutex_lock(&h.lock);
			wq_harvest(h.dvm, &h.got);	/* the vCPUs are stopped */
			snprintf(what, sizeof(what), "%s round %u", pats[p], r);
			ok &= ds_round_check(h.dvm, &h.got, r,
					     DS_RC_EXACT | DS_RC_PRINT, what, NULL);
			ds_set_zero(&h.got);
			pthread_mutex_unlock(&h.lock);
		}
		__atomic_store_n(&h.stop, 1, __ATOMIC_RELEASE);
		pthread_join(thr, NULL);
		fills = h.fills;
		for (i = 0, exits = 0; i < cfg.nr_vcpus; i++)
			exits += h.dvm->vcpus[i].ring_full_exits;
		ds_ring_get_stats(h.dvm, &st);
		/* Each vCPU writes more pages a round than its ring holds. */
		ok &= ds_check(fills >= 5, "%lu harvests for a ring at its soft limit, want >= 5",
			       fills);
		ok &= ds_check(!exits, "%lu KVM_EXIT_DIRTY_RING_FULL, want 0", exits);
		ok &= ds_check(!st.unknown && !st.reset_mismatch && !st.bad_flags,
			       "%lu entries: %lu unknown, %lu bad flags; %lu resets, %lu answers != entries marked",
			       st.collected, st.unknown, st.bad_flags, st.resets,
			       st.reset_mismatch);
		pthread_mutex_destroy(&h.lock);
		ds_set_free(&h.got);
		ds_vm_destroy(h.dvm);
	}
	return ds_result(ok);
}


static const struct ds_test tests[] = {
	{ "WAITQUEUE-001", "quick", "KVM_CHECK_EXTENSION 1; ENABLE_CAP EINVAL: no ring, flags, after vCPU",
	  wq_cap },
	{ "WAITQUEUE-002", "quick", "soft-full vCPU sleeps in KVM_RUN, no progress until reset, goes on",
	  wq_blocks },
	{ "WAITQUEUE-003", "full", "no page lost over many fill/reset cycles, concurrent harvester",
	  wq_no_loss },
	{ "WAITQUEUE-004", "quick", "signal to a sleeping vCPU: -EINTR, KVM_EXIT_INTR, sleeps again",
	  wq_signal },
	{ "WAITQUEUE-005", "quick", "closing the VM fd wakes sleeping vCPUs (RING_FULL), no hang",
	  wq_close },
	{ "WAITQUEUE-006", "quick", "SIGKILL of a process with sleeping vCPUs does not hang",
	  wq_kill },
};

const struct ds_area ds_area_waitqueue = DS_AREA("WAITQUEUE", tests);
