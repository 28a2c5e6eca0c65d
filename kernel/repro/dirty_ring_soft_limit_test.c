// SPDX-License-Identifier: GPL-2.0
/*
 * dirty_ring_soft_limit_test: a vCPU whose dirty ring reaches its soft
 * limit must exit with KVM_EXIT_DIRTY_RING_FULL before the ring is full.
 *
 * kvm_dirty_ring_push() raises KVM_REQ_DIRTY_RING_SOFT_FULL once the ring
 * holds soft_limit = size - reserve entries; vcpu_enter_guest() checks the
 * request before the guest runs again, so a vCPU can push at most the
 * reserve (64 entries, plus the PML buffer on VMX) past the soft limit.  A
 * push into a full ring overwrites an unharvested entry: the page is lost,
 * and dirty_ring.c WARNs "It should never get full".
 *
 * Written, in the kernel selftests' own style and on their framework
 * alone, for the bug dirtysuite's SOFTFULL-001 found on PVM (kvm_pvm): the
 * vCPU runs batches of up to pvm_emul_batch emulated instructions without
 * checking the request, and every exit finds the ring full.  See
 * kernel/reports/pvm-dirty-ring-overflow.txt.
 *
 * Usage: dirty_ring_soft_limit_test [-e ENTRIES] [-m MIB] [-x EXITS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "kvm_util.h"
#include "processor.h"
#include "ucall_common.h"

/* Ring entries: small, so that one pass over the memory fills it often. */
#define DEFAULT_ENTRIES		1024
/* Memory the guest writes, one store a page, MiB. */
#define DEFAULT_MIB		8
/* Soft-full exits checked before the test passes. */
#define DEFAULT_EXITS		6
/* Entries KVM keeps in reserve past the soft limit (dirty_ring.h). */
#define RING_RSVD_ENTRIES	64

#define TEST_GPA		(4ULL << 30)
#define TEST_SLOT		10

static uint64_t guest_pages;

static void guest_code(void)
{
	uint64_t i;

	for (;;) {
		for (i = 0; i < guest_pages; i++)
			*(volatile uint64_t *)(TEST_GPA + i * PAGE_SIZE) = i;
		GUEST_SYNC(0);
	}
}

/* Entries in use: dirty, or harvested and not yet reset. */
static uint32_t ring_used(struct kvm_dirty_gfn *ring, uint32_t entries,
			  uint32_t *next)
{
	uint32_t used = 0, i;

	for (i = 0; i < entries; i++)
		if (READ_ONCE(ring[(*next + i) % entries].flags) & KVM_DIRTY_GFN_F_DIRTY)
			used++;
	return used;
}

/* Harvest every dirty entry (mark it for reset) and reset the ring. */
static void ring_harvest(struct kvm_vm *vm, struct kvm_dirty_gfn *ring,
			 uint32_t entries, uint32_t *next)
{
	struct kvm_dirty_gfn *e;

	for (;;) {
		e = &ring[*next % entries];
		if (!(READ_ONCE(e->flags) & KVM_DIRTY_GFN_F_DIRTY))
			break;
		WRITE_ONCE(e->flags, KVM_DIRTY_GFN_F_RESET);
		(*next)++;
	}
	kvm_vm_reset_dirty_ring(vm);
}

static void help(char *name)
{
	printf("usage: %s [-e ENTRIES] [-m MIB] [-x EXITS]\n", name);
	printf(" -e: ring entries, a power of two (default %d)\n", DEFAULT_ENTRIES);
	printf(" -m: memory the guest writes, MiB (default %d)\n", DEFAULT_MIB);
	printf(" -x: soft-full exits to check (default %d)\n", DEFAULT_EXITS);
	exit(0);
}

int main(int argc, char *argv[])
{
	uint32_t entries = DEFAULT_ENTRIES, exits = DEFAULT_EXITS, seen = 0;
	uint32_t mib = DEFAULT_MIB, next = 0, used, soft, most = 0;
	struct kvm_dirty_gfn *ring;
	struct kvm_vcpu *vcpu;
	struct kvm_vm *vm;
	int opt;

	while ((opt = getopt(argc, argv, "he:m:x:")) != -1) {
		switch (opt) {
		case 'e': entries = atoi_positive("entries", optarg); break;
		case 'm': mib = atoi_positive("MiB", optarg); break;
		case 'x': exits = atoi_positive("exits", optarg); break;
		default: help(argv[0]);
		}
	}
	TEST_REQUIRE(kvm_has_cap(KVM_CAP_DIRTY_LOG_RING));
	TEST_ASSERT(entries && !(entries & (entries - 1)) && entries > RING_RSVD_ENTRIES,
		    "entries must be a power of two above %d", RING_RSVD_ENTRIES);

	vm = vm_create(1);
	vm_enable_dirty_ring(vm, entries * sizeof(struct kvm_dirty_gfn));
	vcpu = vm_vcpu_add(vm, 0, guest_code);
	guest_pages = (uint64_t)mib << (20 - PAGE_SHIFT);
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, TEST_GPA, TEST_SLOT,
				    guest_pages, KVM_MEM_LOG_DIRTY_PAGES);
	virt_map(vm, TEST_GPA, TEST_GPA, guest_pages);
	sync_global_to_guest(vm, guest_pages);
	ring = vcpu_map_dirty_ring(vcpu);
	/* On x86 without PML the reserve is all KVM keeps back. */
	soft = entries - RING_RSVD_ENTRIES;

	while (seen < exits) {
		vcpu_run(vcpu);
		if (vcpu->run->exit_reason == KVM_EXIT_IO) {
			TEST_ASSERT(get_ucall(vcpu, NULL) == UCALL_SYNC, "guest failed");
			ring_harvest(vm, ring, entries, &next);
			continue;
		}
		TEST_ASSERT(vcpu->run->exit_reason == KVM_EXIT_DIRTY_RING_FULL,
			    "exit %s", exit_reason_str(vcpu->run->exit_reason));
		used = ring_used(ring, entries, &next);
		most = used > most ? used : most;
		TEST_ASSERT(used < entries,
			    "soft-full exit %u: %u of %u entries in use: the ring overflowed (soft limit %u)",
			    seen, used, entries, soft);
		TEST_ASSERT(used >= soft,
			    "soft-full exit %u with %u entries in use, below the soft limit %u",
			    seen, used, soft);
		ring_harvest(vm, ring, entries, &next);
		seen++;
	}
	printf("%u soft-full exits of a %u-entry ring, at most %u entries in use (soft limit %u)\n",
	       seen, entries, most, soft);
	kvm_vm_free(vm);
	return 0;
}
