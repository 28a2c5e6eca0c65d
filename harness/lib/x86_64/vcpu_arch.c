// SPDX-License-Identifier: GPL-2.0
/* The x86-64 side of vcpu_arch.h: RIP and the control registers. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include "processor.h"
#include "vcpu_arch.h"

int ds_arch_exit_regs(int fd, char *buf, size_t len)
{
	struct kvm_sregs sr;
	struct kvm_regs r;

	if (ioctl(fd, KVM_GET_REGS, &r) || ioctl(fd, KVM_GET_SREGS, &sr))
		return snprintf(buf, len, "KVM_GET_REGS/SREGS: %s", strerror(errno));
	return snprintf(buf, len, "rip %#llx rsp %#llx rflags %#llx cr0 %#llx cr2 %#llx cr3 %#llx cr4 %#llx efer %#llx",
			r.rip, r.rsp, r.rflags, sr.cr0, sr.cr2, sr.cr3, sr.cr4, sr.efer);
}

void ds_arch_pm_regs(unsigned int id, int fd)
{
	struct kvm_vcpu_events ev;
	struct kvm_sregs sr;
	struct kvm_regs r;

	if (ioctl(fd, KVM_GET_REGS, &r) || ioctl(fd, KVM_GET_SREGS, &sr)) {
		printf("# pm:   vCPU %u: KVM_GET_REGS/SREGS: %s\n", id, strerror(errno));
		return;
	}
	printf("# pm:   vCPU %u regs: rip %#llx rsp %#llx rbp %#llx rflags %#llx rax %#llx rbx %#llx rcx %#llx rdx %#llx rsi %#llx rdi %#llx\n",
	       id, r.rip, r.rsp, r.rbp, r.rflags, r.rax, r.rbx, r.rcx, r.rdx,
	       r.rsi, r.rdi);
	printf("# pm:   vCPU %u sregs: cr0 %#llx cr2 %#llx cr3 %#llx cr4 %#llx efer %#llx cs %#x/%#llx apic_base %#llx\n",
	       id, sr.cr0, sr.cr2, sr.cr3, sr.cr4, sr.efer, sr.cs.selector,
	       sr.cs.base, sr.apic_base);
	if (!ioctl(fd, KVM_GET_VCPU_EVENTS, &ev))
		printf("# pm:   vCPU %u events: exception injected %u pending %u nr %u error %#x; interrupt injected %u nr %u; nmi injected %u pending %u masked %u\n",
		       id, ev.exception.injected, ev.exception.pending,
		       ev.exception.nr, ev.exception.error_code,
		       ev.interrupt.injected, ev.interrupt.nr, ev.nmi.injected,
		       ev.nmi.pending, ev.nmi.masked);
}

uint64_t ds_arch_stack_pointer(int fd)
{
	struct kvm_regs r;

	return ioctl(fd, KVM_GET_REGS, &r) ? 0 : r.rsp;
}

bool ds_arch_pte_present(uint64_t pte)
{
	return pte & 1;
}

/* PS (bit 7) makes a PDE a 2 MiB page and a PDPTE a 1 GiB one. */
bool ds_arch_pte_leaf(uint64_t pte, int level)
{
	return level == 1 || (level < 4 && (pte & 0x80));
}

uint64_t ds_arch_pte_addr(uint64_t pte)
{
	return pte & 0x000ffffffffff000ULL;
}

void ds_arch_map_2m(struct kvm_vm *vm, uint64_t gpa, uint64_t bytes)
{
	virt_map_level(vm, gpa, gpa, bytes, PG_LEVEL_2M);
	/* virt_map_level() leaves the framework's record of mapped pages alone. */
	sparsebit_set_num(vm->vpages_mapped, gpa >> vm->page_shift,
			  bytes >> vm->page_shift);
}

/* The guest's TSC rate, which KVM may scale away from the host's. */
double ds_arch_cycles_per_ns(int vcpu_fd)
{
	int khz = ioctl(vcpu_fd, KVM_GET_TSC_KHZ, NULL);

	return khz > 0 ? khz / 1e6 : 0;
}
