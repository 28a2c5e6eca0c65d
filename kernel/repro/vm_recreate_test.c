// SPDX-License-Identifier: GPL-2.0
/*
 * vm_recreate_test: VMs made and destroyed back to back, each dirtying its
 * memory under dirty logging with a memslot added and deleted between
 * rounds, then logging turned off.  A vCPU must only ever leave the guest
 * for its ucalls.
 *
 * Written, in the kernel selftests' own style and on their framework
 * alone, to reproduce a failure dirtysuite met inside a nested kvm-amd
 * (QEMU TCG with NPT): in the first rounds of a new VM, one vCPU exits
 * with KVM_EXIT_SHUTDOWN, its last event a #PF with error code 0x18
 * (instruction fetch, reserved bit) while its page tables, read from the
 * host, are intact.  See kernel/README.md, "The nested SHUTDOWN".
 *
 * Usage: vm_recreate_test [-i VMS] [-v VCPUS] [-r ROUNDS] [-m MIB]
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/bitmap.h>

#include "kvm_util.h"
#include "processor.h"
#include "ucall_common.h"

/* Default number of VMs, one after the other. */
#define DEFAULT_VMS		40
/* vCPUs per VM: more than the CPUs of a small nested guest. */
#define DEFAULT_VCPUS		3
/* Rounds per VM, each: every vCPU writes its slice, host harvests. */
#define DEFAULT_ROUNDS		20
/* Test memory per VM, MiB. */
#define DEFAULT_MIB		12

#define TEST_GPA		(4ULL << 30)
#define TEST_SLOT		10
#define CHURN_SLOT		11
#define MAX_VCPUS		16

/* Shared with the guest. */
static uint64_t guest_slice_pages;
static uint64_t guest_stop;

static void guest_code(uint32_t id)
{
	uint64_t base = TEST_GPA + id * guest_slice_pages * PAGE_SIZE;
	uint64_t round = 0, i;

	while (!READ_ONCE(guest_stop)) {
		round++;
		for (i = 0; i < guest_slice_pages; i++)
			*(volatile uint64_t *)(base + i * PAGE_SIZE) = round;
		GUEST_SYNC(round);
	}
	GUEST_DONE();
}

struct vcpu_thread {
	struct kvm_vcpu *vcpu;
	pthread_t thread;
	sem_t go, done;
	uint32_t id;
	int vm_nr;
};

static bool run_until_ucall(struct vcpu_thread *t, uint64_t *cmd)
{
	struct kvm_run *run = t->vcpu->run;
	struct kvm_sregs sregs;
	struct kvm_regs regs;
	struct ucall uc;

	vcpu_run(t->vcpu);
	if (run->exit_reason == KVM_EXIT_IO) {
		*cmd = get_ucall(t->vcpu, &uc);
		TEST_ASSERT(*cmd != UCALL_ABORT, "guest assert");
		return true;
	}
	vcpu_regs_get(t->vcpu, &regs);
	vcpu_sregs_get(t->vcpu, &sregs);
	printf("VM %d vCPU %u: exit %s (%u): rip %#llx cr0 %#llx cr3 %#llx\n",
	       t->vm_nr, t->id, exit_reason_str(run->exit_reason),
	       run->exit_reason, regs.rip, sregs.cr0, sregs.cr3);
	return false;
}

static void *vcpu_worker(void *arg)
{
	struct vcpu_thread *t = arg;
	uint64_t cmd;

	for (;;) {
		sem_wait(&t->go);
		if (!run_until_ucall(t, &cmd))
			exit(KSFT_FAIL);
		sem_post(&t->done);
		if (cmd == UCALL_DONE)
			return NULL;
	}
}

static void rounds(struct vcpu_thread *t, int nr_vcpus, int nr)
{
	int r, i;

	for (r = 0; r < nr; r++) {
		for (i = 0; i < nr_vcpus; i++)
			sem_post(&t[i].go);
		for (i = 0; i < nr_vcpus; i++)
			sem_wait(&t[i].done);
	}
}

static void run_vm(int vm_nr, int nr_vcpus, int nr_rounds, uint64_t pages)
{
	struct kvm_vcpu *vcpus[MAX_VCPUS];
	struct vcpu_thread t[MAX_VCPUS];
	uint64_t churn_gpa = TEST_GPA + pages * PAGE_SIZE + (2 << 20);
	unsigned long *bitmap = bitmap_zalloc(pages);
	struct kvm_vm *vm;
	int r, i;

	vm = vm_create_with_vcpus(nr_vcpus, guest_code, vcpus);
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, TEST_GPA, TEST_SLOT,
				    pages, KVM_MEM_LOG_DIRTY_PAGES);
	virt_map(vm, TEST_GPA, TEST_GPA, pages);
	guest_slice_pages = pages / nr_vcpus;
	guest_stop = 0;
	sync_global_to_guest(vm, guest_slice_pages);
	sync_global_to_guest(vm, guest_stop);

	for (i = 0; i < nr_vcpus; i++) {
		t[i] = (struct vcpu_thread){ .vcpu = vcpus[i], .id = i, .vm_nr = vm_nr };
		vcpu_args_set(vcpus[i], 1, i);
		sem_init(&t[i].go, 0, 0);
		sem_init(&t[i].done, 0, 0);
		pthread_create(&t[i].thread, NULL, vcpu_worker, &t[i]);
	}

	for (r = 0; r < nr_rounds; r++) {
		rounds(t, nr_vcpus, 1);
		kvm_vm_get_dirty_log(vm, TEST_SLOT, bitmap);
		/* A memslot added or deleted: KVM rebuilds and zaps. */
		if (r & 1)
			vm_mem_region_delete(vm, CHURN_SLOT);
		else
			vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS,
						    churn_gpa, CHURN_SLOT, 512,
						    KVM_MEM_LOG_DIRTY_PAGES);
	}
	/* Logging off: KVM zaps collapsible SPTEs; the guest keeps writing. */
	vm_mem_region_set_flags(vm, TEST_SLOT, 0);
	rounds(t, nr_vcpus, 2);

	guest_stop = 1;
	sync_global_to_guest(vm, guest_stop);
	rounds(t, nr_vcpus, 1);
	for (i = 0; i < nr_vcpus; i++)
		pthread_join(t[i].thread, NULL);
	free(bitmap);
	kvm_vm_free(vm);
}

static void help(char *name)
{
	printf("usage: %s [-i VMS] [-v VCPUS] [-r ROUNDS] [-m MIB]\n", name);
	printf(" -i: VMs made one after the other (default %d)\n", DEFAULT_VMS);
	printf(" -v: vCPUs per VM, 1..%d (default %d)\n", MAX_VCPUS, DEFAULT_VCPUS);
	printf(" -r: rounds per VM (default %d)\n", DEFAULT_ROUNDS);
	printf(" -m: test memory per VM in MiB (default %d)\n", DEFAULT_MIB);
	exit(0);
}

int main(int argc, char *argv[])
{
	int vms = DEFAULT_VMS, vcpus = DEFAULT_VCPUS, nr_rounds = DEFAULT_ROUNDS;
	int mib = DEFAULT_MIB, opt, i;

	while ((opt = getopt(argc, argv, "hi:v:r:m:")) != -1) {
		switch (opt) {
		case 'i': vms = atoi_positive("VMs", optarg); break;
		case 'v': vcpus = atoi_positive("vCPUs", optarg); break;
		case 'r': nr_rounds = atoi_positive("rounds", optarg); break;
		case 'm': mib = atoi_positive("MiB", optarg); break;
		default: help(argv[0]);
		}
	}
	TEST_ASSERT(vcpus <= MAX_VCPUS, "at most %d vCPUs", MAX_VCPUS);

	for (i = 0; i < vms; i++)
		run_vm(i, vcpus, nr_rounds, (uint64_t)mib << (20 - PAGE_SHIFT));
	printf("%d VMs of %d vCPUs, %d rounds each: no unexpected exit\n",
	       vms, vcpus, nr_rounds);
	return 0;
}
