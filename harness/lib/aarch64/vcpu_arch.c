// SPDX-License-Identifier: GPL-2.0
/*
 * The arm64 side of vcpu_arch.h: the PC, PSTATE and the EL1 system
 * registers that say why a guest stopped (ESR, FAR) and on what tables
 * it ran (SCTLR, TCR, TTBR0), read one at a time with KVM_GET_ONE_REG.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include "processor.h"
#include "vcpu_arch.h"

/* PSTATE.M[0]: the guest runs on SP_ELx, not SP_EL0. */
#define PSTATE_SP_ELX	1ULL

static int arch_reg(int fd, uint64_t id, uint64_t *val)
{
	struct kvm_one_reg reg = { .id = id, .addr = (uintptr_t)val };

	*val = 0;
	return ioctl(fd, KVM_GET_ONE_REG, &reg);
}

static const struct {
	const char *name;
	uint64_t id;
} arch_exit_regs[] = {
	{ "pc",		ARM64_CORE_REG(regs.pc) },
	{ "pstate",	ARM64_CORE_REG(regs.pstate) },
	{ "sp_el1",	ARM64_CORE_REG(sp_el1) },
	{ "esr_el1",	KVM_ARM64_SYS_REG(SYS_ESR_EL1) },
	{ "far_el1",	KVM_ARM64_SYS_REG(SYS_FAR_EL1) },
	{ "elr_el1",	ARM64_CORE_REG(elr_el1) },
	{ "sctlr_el1",	KVM_ARM64_SYS_REG(SYS_SCTLR_EL1) },
	{ "tcr_el1",	KVM_ARM64_SYS_REG(SYS_TCR_EL1) },
	{ "ttbr0_el1",	KVM_ARM64_SYS_REG(SYS_TTBR0_EL1) },
};

int ds_arch_exit_regs(int fd, char *buf, size_t len)
{
	size_t i, n = 0;
	uint64_t v;

	for (i = 0; i < sizeof(arch_exit_regs) / sizeof(*arch_exit_regs) && n < len; i++) {
		if (arch_reg(fd, arch_exit_regs[i].id, &v))
			n += snprintf(buf + n, len - n, "%s%s ?(%s)", i ? " " : "",
				      arch_exit_regs[i].name, strerror(errno));
		else
			n += snprintf(buf + n, len - n, "%s%s %#lx", i ? " " : "",
				      arch_exit_regs[i].name, v);
	}
	return n;
}

void ds_arch_pm_regs(unsigned int id, int fd)
{
	char line[512];
	uint64_t x[8];
	int i;

	for (i = 0; i < 8; i++)
		if (arch_reg(fd, ARM64_CORE_REG(regs.regs[i]), &x[i])) {
			printf("# pm:   vCPU %u: KVM_GET_ONE_REG: %s\n", id, strerror(errno));
			return;
		}
	ds_arch_exit_regs(fd, line, sizeof(line));
	printf("# pm:   vCPU %u regs: %s\n", id, line);
	printf("# pm:   vCPU %u x0-x7: %#lx %#lx %#lx %#lx %#lx %#lx %#lx %#lx\n",
	       id, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
}

uint64_t ds_arch_stack_pointer(int fd)
{
	uint64_t pstate, sp;

	if (arch_reg(fd, ARM64_CORE_REG(regs.pstate), &pstate))
		return 0;
	if (arch_reg(fd, pstate & PSTATE_SP_ELX ? ARM64_CORE_REG(sp_el1) :
		     ARM64_CORE_REG(regs.sp), &sp))
		return 0;
	return sp;
}

/* Bit 0: valid. */
bool ds_arch_pte_present(uint64_t pte)
{
	return pte & 1;
}

/* Above level 1, bit 1 set is a table descriptor and clear a block. */
bool ds_arch_pte_leaf(uint64_t pte, int level)
{
	return level == 1 || !(pte & 2);
}

/* The output address, bits 47:12 (the framework's 48-bit PA layouts). */
uint64_t ds_arch_pte_addr(uint64_t pte)
{
	return pte & 0x0000fffffffff000ULL;
}

/*
 * The framework maps arm64 guests with 4 KiB pages only.  That changes
 * nothing the tests look at: the stage-2 block size is KVM's choice, from
 * the host memory behind the slot, whatever the guest's own tables say.
 */
void ds_arch_map_2m(struct kvm_vm *vm, uint64_t gpa, uint64_t bytes)
{
	virt_map(vm, gpa, gpa, bytes / vm->page_size);
}

/* The guest's virtual counter runs at the host's counter rate. */
double ds_arch_cycles_per_ns(int vcpu_fd)
{
	uint64_t hz;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(hz));
	return hz / 1e9;
}
