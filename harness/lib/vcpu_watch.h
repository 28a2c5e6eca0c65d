/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A vCPU on a thread of the test's own that counts every KVM_RUN return,
 * EINTR included (ds_vcpu_run_round() absorbs those), and asks the kernel
 * whether that thread sleeps inside KVM_RUN.  For tests that watch a vCPU
 * block: WAITQUEUE.
 */
#ifndef DS_VCPU_WATCH_H
#define DS_VCPU_WATCH_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "vm.h"

/* Counters are written by the thread; read them with DS_WATCH_GET(). */
struct ds_watch {
	struct ds_vcpu *v;
	pthread_t thread;
	pid_t tid;		/* set once the thread runs */
	uint32_t max_syncs;	/* leave after this many GUEST_SYNCs; 0: never */
	uint32_t stop;
	uint32_t done;		/* the thread left its loop */
	uint64_t runs;		/* KVM_RUN returns, any */
	uint64_t eintr;		/* ... -1 with EINTR */
	uint64_t intr_exits;	/* ... -1 with EINTR and exit_reason KVM_EXIT_INTR */
	uint64_t ring_full;	/* ... KVM_EXIT_DIRTY_RING_FULL: the thread leaves */
	uint64_t syncs;		/* GUEST_SYNCs */
};

#define DS_WATCH_GET(x)	__atomic_load_n(&(x), __ATOMIC_ACQUIRE)

/*
 * Start @v on its own thread (the VM must have cfg.inline_vcpus, so that
 * no harness thread runs it).  Installs an empty SIGUSR1 handler without
 * SA_RESTART: a signal makes KVM_RUN return EINTR.
 */
void ds_watch_start(struct ds_watch *w, struct ds_vcpu *v, uint32_t max_syncs);
/* Make the thread leave wherever it is (in KVM_RUN or not) and join it. */
void ds_watch_stop(struct ds_watch *w);

/*
 * Thread @tid of this process sleeps (state S in /proc/self/task/TID/stat)
 * inside ioctl(@fd, KVM_RUN) (/proc/self/task/TID/syscall, which names the
 * call and its arguments; wchan would need kallsyms to say anything).
 */
bool ds_thread_in_run(pid_t tid, int fd);
/* The same for the watched vCPU's thread. */
bool ds_watch_in_run(struct ds_watch *w);

/* The guest's write counter of @v: ds_ctl.writes_done, never goes back. */
uint64_t ds_vcpu_writes(struct ds_vcpu *v);
/* The same summed over every vCPU of @dvm. */
uint64_t ds_vm_writes(struct ds_vm *dvm);

#endif /* DS_VCPU_WATCH_H */
