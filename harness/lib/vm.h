/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A test VM: the framework's kvm_vm plus the test memslots, the vCPU
 * threads, the tracking mode and the host's view of the guest's ground
 * truth.  The life of one: ds_vm_create(), rounds of ds_vm_round() +
 * ds_harvest() + ds_round_check() (round_check.h), then ds_vm_destroy().
 */
#ifndef DS_VM_H
#define DS_VM_H

#include <pthread.h>
#include <semaphore.h>
#include <stdbool.h>

#include "kvm_util.h"
#include "guest.h"
#include "dirty_set.h"
#include "verify.h"

#define DS_MAX_SLOTS	DS_MAX_REGIONS
#define DS_TEST_GPA	(4ULL << 30)	/* test memory starts above 4 GiB */
#define DS_FIRST_SLOT	10		/* slot ids well above the framework's */

enum ds_backing { DS_BACK_ANON, DS_BACK_THP, DS_BACK_HUGETLB };

struct ds_mode;
struct ds_vm;

struct ds_vcpu;

/*
 * Lifecycle hooks of a VM, each given @arg; a NULL hook is not called.
 * mapped: the slots' host memory is mapped but not yet touched.
 * vcpu_start: in each vCPU's thread, before its first round.
 * vcpus_started: in ds_vm_create()'s caller, once the vCPU threads exist.
 */
struct ds_vm_hooks {
	void (*mapped)(struct ds_vm *dvm, void *arg);
	void (*vcpu_start)(struct ds_vcpu *v, void *arg);
	void (*vcpus_started)(struct ds_vm *dvm, void *arg);
	void *arg;
};

struct ds_mode_cfg {
	uint32_t ring_entries;	/* ring: entries per vCPU (power of two) */
	uint32_t clear_shift;	/* clear: pages per KVM_CLEAR_DIRTY_LOG = 2^shift */
	uint32_t clear_batch;	/* clear: chunks picked per batch; 0: CLEAR_BATCH */
	bool initially_set;	/* clear: KVM_DIRTY_LOG_INITIALLY_SET */
	bool acq_rel;		/* ring: use KVM_CAP_DIRTY_LOG_RING_ACQ_REL */
	bool waitqueue;		/* ring: KVM_CAP_DIRTY_LOG_RING_WAITQUEUE (kernel/patches) */
	/*
	 * ring: what a vCPU stuck on a full ring after an overflow (a kernel
	 * bug) does: false fails the process; true halts the VM (ds_vm.halted)
	 * and the caller goes on.
	 */
	bool halt_on_overflow;
};

struct ds_vm_cfg {
	uint32_t nr_vcpus;
	uint32_t nr_slots;
	uint64_t slot_pages[DS_MAX_SLOTS];	/* 4 KiB pages per slot */
	uint64_t slot_gap;		/* bytes left unmapped between slots */
	uint32_t first_slot_id;
	enum ds_backing backing;
	bool map_2m;			/* 2 MiB mappings in the guest's tables */
	bool inline_vcpus;		/* run vCPUs on the caller's thread */
	bool spin_wait;			/* rounds: threads busy-wait for each other */
	const struct ds_mode *mode;
	struct ds_mode_cfg mcfg;
	struct ds_pattern_params pat;
	struct ds_vm_hooks hooks;	/* all NULL: none */
};

struct ds_slot {
	uint32_t id;
	uint64_t gpa;
	uint64_t npages;
	uint64_t first;		/* global page number of the slot's page 0 */
	void *hva;
};

struct ds_vcpu {
	struct ds_vm *dvm;
	struct kvm_vcpu *vcpu;
	uint32_t id;
	pthread_t thread;
	pid_t tid;		/* the thread's kernel id, for placement read-back */
	sem_t go, done;
	bool finished;
	uint64_t synced_round;	/* round number of the last GUEST_SYNC */
	uint64_t round_writes;	/* writes the guest reported for it */
	uint64_t ring_full_exits;
	uint64_t stall_ns;	/* time spent handling ring-full exits */
	void *mode_priv;
	/* For the postmortem (postmortem.h), written by the vCPU's thread. */
	uint32_t state;		/* enum ds_vcpu_state */
	uint32_t last_exit;	/* exit_reason of the last KVM_RUN return */
	uint64_t runs;		/* KVM_RUN returns */
	uint64_t last_ucall;	/* UCALL_* of the last ucall, and its arg 0 */
	uint64_t last_ucall_arg;
};

/* Where a harvest's time went, accumulated over the calls that fill it. */
struct ds_htimes {
	uint64_t get_ns;	/* GET_DIRTY_LOG, or reading ring entries into the set */
	uint64_t reset_ns;	/* CLEAR_DIRTY_LOG, or KVM_RESET_DIRTY_RINGS */
	uint64_t user_ns;	/* our own work beyond what the mode needs (README) */
	uint64_t pages;		/* dirty pages reported (counted untimed) */
	uint64_t calls;		/* ioctls made */
};

struct ds_vm {
	struct kvm_vm *vm;
	struct ds_vm_cfg cfg;
	const struct ds_mode *mode;
	struct ds_vcpu *vcpus;
	struct ds_slot slots[DS_MAX_SLOTS];
	uint32_t nr_slots;
	uint64_t nr_pages;
	uint64_t round;
	struct ds_guest_ctl *ctl;	/* host view of the guest's ds_ctl */
	void *mode_priv;
	pthread_mutex_t lock;		/* harvests from vCPU threads */
	struct ds_set pending;		/* harvested by vCPU threads (ring full) */
	struct ds_htimes pending_times;
	bool threads_started;
	bool in_round;			/* ds_vm_round_begin() without its end yet */
	/*
	 * A known kernel bug the mode saw (the ring filling past its soft
	 * limit): overflows counts soft-full exits that found the ring full;
	 * halted is set when, with mcfg.halt_on_overflow, a vCPU could not go
	 * on.  A halted VM runs no more rounds; ds_vm_destroy() still works.
	 */
	uint64_t overflows;
	bool halted;
};

/* Defaults: 2 vCPUs, one 64 MiB slot, seq at 100%, anonymous memory. */
void ds_vm_cfg_default(struct ds_vm_cfg *cfg);

struct ds_vm *ds_vm_create(const struct ds_vm_cfg *cfg);
void ds_vm_destroy(struct ds_vm *dvm);

/*
 * Let every vCPU run one round of its pattern and wait until all synced;
 * on a halted VM (see ds_vm.halted) it returns with the round cut short.
 */
void ds_vm_round(struct ds_vm *dvm);

/*
 * The same in two halves, for a caller that works while the vCPUs run (a
 * live round, guest_params.h): begin releases them, end waits for every
 * one to sync.  vCPU threads only.
 */
void ds_vm_round_begin(struct ds_vm *dvm);
void ds_vm_round_end(struct ds_vm *dvm);

/* The guest cycle counter's rate (ds_cycles(), guests/arch.h), per ns. */
double ds_vm_cycles_per_ns(struct ds_vm *dvm);

/* Union of the pages the guest wrote in the last round, added to @truth. */
void ds_vm_truth(struct ds_vm *dvm, struct ds_set *truth);

/* Global page number of @slot's page @off, and the reverse lookup. */
uint64_t ds_vm_page(struct ds_vm *dvm, uint32_t slot_id, uint64_t off, bool *ok);
struct ds_slot *ds_vm_slot_by_id(struct ds_vm *dvm, uint32_t slot_id);

/* Set a test slot's KVM_MEM_* flags (e.g. toggle KVM_MEM_LOG_DIRTY_PAGES). */
void ds_vm_slot_flags(struct ds_vm *dvm, struct ds_slot *s, uint32_t flags);
/* The same for every test slot (logging on or off for the whole VM). */
void ds_vm_slots_flags(struct ds_vm *dvm, uint32_t flags);

/*
 * Delete test slot @s from KVM and create it again at the same place with
 * @flags and fresh (zeroed) host memory; the guest's mappings of it, which
 * live in the framework's slot 0, stay valid.  vCPUs must be stopped.
 */
void ds_vm_slot_recreate(struct ds_vm *dvm, struct ds_slot *s, uint32_t flags);

/* Run @v until it syncs or finishes (used by threads and by inline mode). */
void ds_vcpu_run_round(struct ds_vcpu *v);

#endif /* DS_VM_H */
