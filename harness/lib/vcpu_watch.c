// SPDX-License-Identifier: GPL-2.0
/* A vCPU on a watched thread: see vcpu_watch.h. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "kvm_util.h"
#include "ucall_common.h"
#include "postmortem.h"
#include "vcpu_arch.h"
#include "vcpu_watch.h"

#define WATCH_INC(x)	__atomic_add_fetch(&(x), 1, __ATOMIC_RELEASE)

static void *watch_loop(void *arg)
{
	struct ds_watch *w = arg;
	struct kvm_run *run = w->v->vcpu->run;
	struct ucall uc;

	__atomic_store_n(&w->tid, gettid(), __ATOMIC_RELEASE);
	w->v->tid = gettid();
	while (!DS_WATCH_GET(w->stop)) {
		int rc;

		ds_pm_vcpu_enter(w->v);
		rc = __vcpu_run(w->v->vcpu);
		ds_pm_vcpu_left(w->v, run->exit_reason);
		if (rc < 0) {
			TEST_ASSERT(errno == EINTR, "vCPU %u: KVM_RUN: %s", w->v->id,
				    strerror(errno));
			if (run->exit_reason == KVM_EXIT_INTR)
				WATCH_INC(w->intr_exits);
			WATCH_INC(w->eintr);
		} else if (run->exit_reason == KVM_EXIT_DIRTY_RING_FULL) {
			/* Nobody harvests here: KVM_RUN would only exit again. */
			WATCH_INC(w->ring_full);
			WATCH_INC(w->runs);
			break;
		} else {
			TEST_ASSERT(run->exit_reason == UCALL_EXIT_REASON, "vCPU %u: exit %s",
				    w->v->id, exit_reason_str(run->exit_reason));
			switch (get_ucall(w->v->vcpu, &uc)) {
			case UCALL_SYNC:
				WATCH_INC(w->syncs);
				break;
			case UCALL_ABORT:
				REPORT_GUEST_ASSERT(uc);
				break;
#ifdef GUEST_PRINTF	/* since 6.6's framework */
			case UCALL_PRINTF:
				break;
#endif
			default:
				TEST_FAIL("vCPU %u: unexpected ucall", w->v->id);
			}
		}
		WATCH_INC(w->runs);
		if (w->max_syncs && DS_WATCH_GET(w->syncs) >= w->max_syncs)
			break;
	}
	ds_pm_vcpu_state(w->v, DS_VCPU_DONE);
	__atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static void watch_on_signal(int sig)
{
}

void ds_watch_start(struct ds_watch *w, struct ds_vcpu *v, uint32_t max_syncs)
{
	struct sigaction sa = { .sa_handler = watch_on_signal };

	TEST_ASSERT(!sigaction(SIGUSR1, &sa, NULL), "sigaction");
	memset(w, 0, sizeof(*w));
	w->v = v;
	w->max_syncs = max_syncs;
	pthread_create(&w->thread, NULL, watch_loop, w);
}

void ds_watch_stop(struct ds_watch *w)
{
	__atomic_store_n(&w->stop, 1, __ATOMIC_RELEASE);
	/*
	 * immediate_exit catches a thread about to enter KVM_RUN, the signal
	 * one inside it (api.rst 5: "immediate_exit").
	 */
	WRITE_ONCE(w->v->vcpu->run->immediate_exit, 1);
	if (!DS_WATCH_GET(w->done))
		pthread_kill(w->thread, SIGUSR1);
	pthread_join(w->thread, NULL);
	WRITE_ONCE(w->v->vcpu->run->immediate_exit, 0);
}

static bool read_task_file(pid_t tid, const char *name, char *buf, size_t len)
{
	char path[64];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/self/task/%d/%s", tid, name);
	f = fopen(path, "r");
	if (!f)
		return false;
	n = fread(buf, 1, len - 1, f);
	fclose(f);
	buf[n] = 0;
	return n > 0;
}

bool ds_thread_in_run(pid_t tid, int fd)
{
	unsigned long a0, a1;
	char buf[512], *p;
	long nr;

	if (!read_task_file(tid, "stat", buf, sizeof(buf)))
		return false;
	p = strrchr(buf, ')');	/* the name in parentheses may hold anything */
	if (!p || p[1] != ' ' || p[2] != 'S')
		return false;
	/* "running" unless blocked, else "NR ARG0 ARG1 ..." (args in hex) */
	if (!read_task_file(tid, "syscall", buf, sizeof(buf)))
		return false;
	return sscanf(buf, "%ld %lx %lx", &nr, &a0, &a1) == 3 && nr == SYS_ioctl &&
	       a0 == (unsigned long)fd && a1 == KVM_RUN;
}

bool ds_watch_in_run(struct ds_watch *w)
{
	pid_t tid = DS_WATCH_GET(w->tid);

	return tid && ds_thread_in_run(tid, w->v->vcpu->fd);
}

uint64_t ds_vcpu_writes(struct ds_vcpu *v)
{
	return __atomic_load_n(&v->dvm->ctl->writes_done[v->id], __ATOMIC_RELAXED);
}

uint64_t ds_vm_writes(struct ds_vm *dvm)
{
	uint64_t n = 0;
	uint32_t i;

	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		n += ds_vcpu_writes(&dvm->vcpus[i]);
	return n;
}
