/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host side knows of a vCPU that differs per architecture, one
 * named helper each: harness/lib/x86_64/vcpu_arch.c and
 * harness/lib/aarch64/vcpu_arch.c (the Makefile builds the one of its
 * target).  None of them asserts: the postmortem calls them while the
 * process is already failing.
 */
#ifndef DS_VCPU_ARCH_H
#define DS_VCPU_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kvm_util.h"
#include "ucall_common.h"

/*
 * The exit a ucall makes: port I/O on x86, MMIO on arm64.  The framework
 * says so since 6.2; 6.1's (make static-lts) is x86 alone.
 */
#ifndef UCALL_EXIT_REASON
#define UCALL_EXIT_REASON	KVM_EXIT_IO
#endif

/* The registers that place an exit, "name value" pairs on one line. */
int ds_arch_exit_regs(int vcpu_fd, char *buf, size_t len);
/*
 * The postmortem's lines of vCPU @id: every general and control register
 * worth a look and the pending events, "# pm:   vCPU N ..." each.
 */
void ds_arch_pm_regs(unsigned int id, int vcpu_fd);
/* The stack pointer the guest runs on, or 0 when it cannot be read. */
uint64_t ds_arch_stack_pointer(int vcpu_fd);

/*
 * The guest's page-table entries as its MMU reads them (4 KiB granule,
 * 512 entries a table, level 1 maps pages): present, and whether an entry
 * at @level maps memory (a page or a block) rather than a next table.
 */
bool ds_arch_pte_present(uint64_t pte);
bool ds_arch_pte_leaf(uint64_t pte, int level);
uint64_t ds_arch_pte_addr(uint64_t pte);

/*
 * The rate of the guest's cycle counter (ds_cycles(), guests/arch.h) in
 * cycles per ns; 0 when it cannot be read.
 */
double ds_arch_cycles_per_ns(int vcpu_fd);

/* Identity-map [@gpa, +@bytes) with 2 MiB guest mappings where it can. */
void ds_arch_map_2m(struct kvm_vm *vm, uint64_t gpa, uint64_t bytes);

#endif /* DS_VCPU_ARCH_H */
