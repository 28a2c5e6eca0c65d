// SPDX-License-Identifier: GPL-2.0
/*
 * The postmortem of a hung or failed test: see postmortem.h.
 *
 * Everything here runs while the process is already failing, so nothing
 * asserts: a call that fails prints what it could not read and the dump
 * goes on.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>

#include "kvm_util.h"
#include "guest.h"
#include "ucall_common.h"
#include "mode.h"
#include "postmortem.h"
#include "postmortem_guest.h"
#include "postmortem_host.h"
#include "vcpu_arch.h"
#include "vm.h"

#define PM_MAX_VMS	8
#define PM_KICK_MS	2000	/* how long a kicked vCPU gets to leave KVM_RUN */
#define PM_STATUS_ASSERT 254	/* the framework's TEST_ASSERT exit status */

static pthread_mutex_t pm_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ds_vm *pm_vms[PM_MAX_VMS];
static const char *pm_what = "test";
static uint32_t pm_frozen;	/* a postmortem began: vCPU threads park */
static uint32_t pm_done;	/* ... and it has been written */
static struct timespec pm_t0;

static const char *const pm_state_names[] = {
	[DS_VCPU_IDLE] = "in the harness, waiting for its next round",
	[DS_VCPU_IN_RUN] = "inside KVM_RUN",
	[DS_VCPU_EXIT] = "in the harness, handling its last exit",
	[DS_VCPU_DONE] = "done (guest finished or thread left)",
	[DS_VCPU_PARKED] = "parked by the postmortem",
};

static const char *const pm_ucall_names[] = {
	[UCALL_NONE] = "none", [UCALL_SYNC] = "SYNC", [UCALL_ABORT] = "ABORT",
#ifdef GUEST_PRINTF	/* since 6.6's framework */
	[UCALL_PRINTF] = "PRINTF",
#endif
	[UCALL_DONE] = "DONE",
};

static uint32_t pm_load(uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

void ds_pm_vm_add(struct ds_vm *dvm)
{
	int i;

	pthread_mutex_lock(&pm_lock);
	for (i = 0; i < PM_MAX_VMS; i++)
		if (!pm_vms[i]) {
			pm_vms[i] = dvm;
			break;
		}
	pthread_mutex_unlock(&pm_lock);
}

void ds_pm_vm_del(struct ds_vm *dvm)
{
	int i;

	pthread_mutex_lock(&pm_lock);
	for (i = 0; i < PM_MAX_VMS; i++)
		if (pm_vms[i] == dvm)
			pm_vms[i] = NULL;
	pthread_mutex_unlock(&pm_lock);
}

void ds_pm_vcpu_state(struct ds_vcpu *v, enum ds_vcpu_state s)
{
	__atomic_store_n(&v->state, s, __ATOMIC_RELEASE);
}

/* Out of KVM_RUN and staying out, until the process ends. */
static void pm_park(struct ds_vcpu *v)
{
	ds_pm_vcpu_state(v, DS_VCPU_PARKED);
	for (;;)
		pause();
}

void ds_pm_vcpu_enter(struct ds_vcpu *v)
{
	/*
	 * Not back into the guest once a postmortem began: it reads the
	 * registers, and KVM_RUN would hold the vCPU's mutex against it.
	 */
	if (pm_load(&pm_frozen))
		pm_park(v);
	ds_pm_vcpu_state(v, DS_VCPU_IN_RUN);
}

void ds_pm_vcpu_left(struct ds_vcpu *v, uint32_t exit_reason)
{
	__atomic_store_n(&v->last_exit, exit_reason, __ATOMIC_RELAXED);
	__atomic_add_fetch(&v->runs, 1, __ATOMIC_RELAXED);
	if (pm_load(&pm_frozen))
		pm_park(v);
	ds_pm_vcpu_state(v, DS_VCPU_EXIT);
}

void ds_pm_vcpu_ucall(struct ds_vcpu *v, uint64_t cmd, uint64_t arg0)
{
	__atomic_store_n(&v->last_ucall, cmd, __ATOMIC_RELAXED);
	__atomic_store_n(&v->last_ucall_arg, arg0, __ATOMIC_RELAXED);
}

static uint64_t pm_ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void pm_on_kick(int sig)
{
}

/* Make every vCPU inside KVM_RUN leave it, and wait for each to park. */
static void pm_kick(struct ds_vm *dvm)
{
	struct sigaction sa = { .sa_handler = pm_on_kick };	/* no SA_RESTART */
	struct timespec t0;
	uint32_t i, left;

	sigaction(SIGUSR1, &sa, NULL);
	for (i = 0; i < dvm->cfg.nr_vcpus; i++) {
		struct ds_vcpu *v = &dvm->vcpus[i];

		if (pm_load(&v->state) != DS_VCPU_IN_RUN)
			continue;
		/* immediate_exit for one about to enter, the signal for one in. */
		WRITE_ONCE(v->vcpu->run->immediate_exit, 1);
		syscall(SYS_tgkill, getpid(), v->tid, SIGUSR1);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		left = 0;
		for (i = 0; i < dvm->cfg.nr_vcpus; i++)
			left += pm_load(&dvm->vcpus[i].state) == DS_VCPU_IN_RUN;
		if (left)
			usleep(10000);
	} while (left && pm_ms_since(&t0) < PM_KICK_MS);
}

static void pm_vcpu_regs(struct ds_vcpu *v)
{
	if (pm_load(&v->state) == DS_VCPU_IN_RUN) {
		printf("# pm:   vCPU %u did not leave KVM_RUN within %d ms of a kick: stuck in the kernel (stack below, thread %d)\n",
		       v->id, PM_KICK_MS, v->tid);
		return;
	}
	ds_arch_pm_regs(v->id, v->vcpu->fd);
}

static void pm_vm(struct ds_vm *dvm, unsigned int n)
{
	uint32_t i;

	printf("# pm: VM %u: mode %s, round %lu, %u vCPUs, %u slots, %lu pages%s\n",
	       n, dvm->mode->name, dvm->round, dvm->cfg.nr_vcpus, dvm->nr_slots,
	       dvm->nr_pages, dvm->halted ? ", halted" : "");
	for (i = 0; i < dvm->cfg.nr_vcpus; i++) {
		struct ds_vcpu *v = &dvm->vcpus[i];
		uint64_t uc = __atomic_load_n(&v->last_ucall, __ATOMIC_RELAXED);

		printf("# pm:   vCPU %u (thread %d): %s; %lu KVM_RUN returns, last exit %s; last ucall %s(%lu); synced round %lu; guest writes %lu\n",
		       i, v->tid, pm_state_names[pm_load(&v->state)],
		       __atomic_load_n(&v->runs, __ATOMIC_RELAXED),
		       exit_reason_str(__atomic_load_n(&v->last_exit, __ATOMIC_RELAXED)),
		       uc < sizeof(pm_ucall_names) / sizeof(*pm_ucall_names) &&
		       pm_ucall_names[uc] ? pm_ucall_names[uc] : "?",
		       __atomic_load_n(&v->last_ucall_arg, __ATOMIC_RELAXED),
		       v->synced_round,
		       __atomic_load_n(&dvm->ctl->writes_done[i], __ATOMIC_RELAXED));
	}
	pm_kick(dvm);
	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		pm_vcpu_regs(&dvm->vcpus[i]);
	/*
	 * A vCPU that shut down shows the reset state: walk the code and the
	 * stacks every vCPU uses, which the trace's last RIP lies among.
	 */
	ds_pm_guest_tables(dvm);
	ds_pm_guest_walk(dvm, "guest code", (uint64_t)ds_guest_main);
	for (i = 0; i < dvm->cfg.nr_vcpus; i++) {
		uint64_t sp;

		if (pm_load(&dvm->vcpus[i].state) != DS_VCPU_IN_RUN &&
		    (sp = ds_arch_stack_pointer(dvm->vcpus[i].vcpu->fd)) > 0xfff) {
			char what[32];

			snprintf(what, sizeof(what), "vCPU %u stack", i);
			ds_pm_guest_walk(dvm, what, sp);
		}
	}
	ds_pm_kvm_stats("VM", dvm->vm->fd);
	for (i = 0; i < dvm->cfg.nr_vcpus; i++) {
		char what[32];

		snprintf(what, sizeof(what), "vCPU %u", i);
		ds_pm_kvm_stats(what, dvm->vcpus[i].vcpu->fd);
	}
}

void ds_pm_dump(const char *why)
{
	unsigned int i, n = 0;

	/* One postmortem per process: the SIGTERM thread or the exit path. */
	if (__atomic_exchange_n(&pm_frozen, 1, __ATOMIC_ACQ_REL))
		return;
	ds_pm_trace_freeze();
	printf("# pm: ==== postmortem of %s: %s, %lu ms after start, pid %d ====\n",
	       pm_what, why, pm_ms_since(&pm_t0), getpid());
	pthread_mutex_lock(&pm_lock);
	for (i = 0; i < PM_MAX_VMS; i++)
		if (pm_vms[i])
			pm_vm(pm_vms[i], n++);
	pthread_mutex_unlock(&pm_lock);
	if (!n)
		printf("# pm: no test VM alive\n");
	ds_pm_threads();
	ds_pm_guest_kernel();
	printf("# pm: ==== end of postmortem ====\n");
	fflush(stdout);
	__atomic_store_n(&pm_done, 1, __ATOMIC_RELEASE);
}

static void *pm_sigterm_thread(void *arg)
{
	sigset_t *set = arg;
	int sig;

	while (sigwait(set, &sig))
		;
	ds_pm_dump("SIGTERM (the runner's timeout)");
	/* One begun on the exit path: let it finish (the runner's -k bounds it). */
	while (!pm_load(&pm_done))
		usleep(10000);
	_exit(128 + SIGTERM);
	return NULL;
}

static void pm_on_exit(int status, void *arg)
{
	if (status == PM_STATUS_ASSERT)
		ds_pm_dump("a failed assertion (exit status 254)");
}

void ds_pm_init(const char *what)
{
	static sigset_t set;
	pthread_t t;

	pm_what = what;
	clock_gettime(CLOCK_MONOTONIC, &pm_t0);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (pthread_create(&t, NULL, pm_sigterm_thread, &set)) {
		/* No postmortem on timeout, but the test itself still runs. */
		pthread_sigmask(SIG_UNBLOCK, &set, NULL);
		printf("# pm: cannot start the SIGTERM thread: %s\n", strerror(errno));
	}
	on_exit(pm_on_exit, NULL);
}
