// SPDX-License-Identifier: GPL-2.0
/*
 * The postmortem's view of a test VM from the host side (see
 * postmortem_guest.h): the guest's page tables read from its memory, the
 * host frames behind them, and KVM's statistics.  Nothing here asserts:
 * it runs while the process is already failing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "kvm_util.h"
#include "postmortem_guest.h"
#include "vcpu_arch.h"
#include "vm.h"

/* Host view of guest-physical @gpa, or NULL: no assertion, unlike addr_gpa2hva(). */
static uint64_t *pm_gpa2hva(struct kvm_vm *vm, uint64_t gpa)
{
	struct rb_node *node = vm->regions.gpa_tree.rb_node;

	while (node) {
		struct userspace_mem_region *r =
			container_of(node, struct userspace_mem_region, gpa_node);
		uint64_t start = r->region.guest_phys_addr;

		if (gpa >= start && gpa < start + r->region.memory_size)
			return (uint64_t *)((char *)r->host_mem + (gpa - start));
		node = gpa < start ? node->rb_left : node->rb_right;
	}
	return NULL;
}

/*
 * The host-physical frame behind @hva (/proc/self/pagemap, root only): the
 * frame KVM's stage-2 tables must map the page's gfn to, to compare with
 * what its trace events (kvm_tdp_mmu_spte_changed) say they did map.
 */
static uint64_t pm_pfn(const void *hva)
{
	uint64_t e = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd < 0)
		return 0;
	if (pread(fd, &e, 8, (uintptr_t)hva / getpagesize() * 8) != 8)
		e = 0;
	close(fd);
	return e >> 63 ? e & ((1ULL << 55) - 1) : 0;
}

/*
 * The guest's own page walk for @gva, read from its memory as the host
 * sees it: a vCPU that died of a #PF with RSVD set on a walk whose
 * entries are all sane here read different memory than the host did.
 */
void ds_pm_guest_walk(struct ds_vm *dvm, const char *what, uint64_t gva)
{
	struct kvm_vm *vm = dvm->vm;
	uint64_t rsvd = ~0ULL << vm->pa_bits & ((1ULL << 52) - 1);
	uint64_t table = vm->pgd, *e, pte = 0;
	int level, shift;

	printf("# pm:   walk of %s %#lx from the root table %#lx:", what, gva, table);
	for (level = vm->pgtable_levels; level >= 1; level--) {
		shift = 12 + 9 * (level - 1);
		e = pm_gpa2hva(vm, table + ((gva >> shift) & 511) * 8);
		if (!e) {
			printf(" L%d table %#lx not in any memslot\n", level, table);
			return;
		}
		pte = READ_ONCE(*e);
		printf(" L%d[%lu]=%#lx%s (table gfn %#lx pfn %#lx)", level,
		       (gva >> shift) & 511, pte, pte & rsvd ? " RSVD bits set" : "",
		       table >> 12, pm_pfn(e));
		if (!ds_arch_pte_present(pte) || (level > 1 && ds_arch_pte_leaf(pte, level)))
			break;
		table = ds_arch_pte_addr(pte);
	}
	if (level == 0 && (e = pm_gpa2hva(vm, table)))
		printf(" page gfn %#lx pfn %#lx", table >> 12, pm_pfn(e));
	printf("\n");
}

struct pm_scan {
	uint64_t tables, present, rsvd, missing;
	uint64_t first_bad, first_bad_at;
};

/* Every entry of the guest's page tables under @table (level @level). */
static void pm_scan_table(struct kvm_vm *vm, uint64_t table, int level,
			  uint64_t rsvd, struct pm_scan *s)
{
	uint64_t *t = pm_gpa2hva(vm, table), pte;
	int i;

	if (!t) {
		s->missing++;
		return;
	}
	s->tables++;
	for (i = 0; i < 512; i++) {
		pte = READ_ONCE(t[i]);
		if (!ds_arch_pte_present(pte))
			continue;
		s->present++;
		if (pte & rsvd) {
			if (!s->rsvd++) {
				s->first_bad = pte;
				s->first_bad_at = table + i * 8;
			}
			continue;
		}
		if (!ds_arch_pte_leaf(pte, level))
			pm_scan_table(vm, ds_arch_pte_addr(pte), level - 1, rsvd, s);
	}
}

void ds_pm_guest_tables(struct ds_vm *dvm)
{
	struct kvm_vm *vm = dvm->vm;
	uint64_t rsvd = ~0ULL << vm->pa_bits & ((1ULL << 52) - 1);
	struct pm_scan s = { 0 };

	pm_scan_table(vm, vm->pgd, vm->pgtable_levels, rsvd, &s);
	printf("# pm:   guest page tables as the host reads them: %lu tables, %lu present entries, %lu with reserved bits set",
	       s.tables, s.present, s.rsvd);
	if (s.rsvd)
		printf(" (first %#lx at gpa %#lx)", s.first_bad, s.first_bad_at);
	if (s.missing)
		printf(", %lu tables outside every memslot", s.missing);
	printf("\n");
}

/*
 * KVM's binary statistics (KVM_GET_STATS_FD, api.rst 4.133) of one VM or
 * vCPU fd, the non-zero ones on one line.  Not debugfs: a locked-down
 * host refuses reads of its per-VM files.
 */
void ds_pm_kvm_stats(const char *what, int kvm_fd)
{
	struct kvm_stats_header h;
	struct kvm_stats_desc *d;
	size_t dsz;
	uint64_t *val;
	char *descs;
	uint32_t i, j;
	int fd = ioctl(kvm_fd, KVM_GET_STATS_FD, NULL);

	if (fd < 0) {
		printf("# pm:   %s stats: KVM_GET_STATS_FD: %s\n", what, strerror(errno));
		return;
	}
	if (pread(fd, &h, sizeof(h), 0) != sizeof(h) || h.num_desc > 4096)
		goto out;
	dsz = sizeof(*d) + h.name_size;
	descs = calloc(h.num_desc, dsz);
	if (!descs)
		goto out;
	if (pread(fd, descs, h.num_desc * dsz, h.desc_offset) != (ssize_t)(h.num_desc * dsz))
		goto free;
	printf("# pm:   %s stats:", what);
	for (i = 0; i < h.num_desc; i++) {
		d = (struct kvm_stats_desc *)(descs + i * dsz);
		if (d->size > 64)
			continue;
		val = calloc(d->size ? d->size : 1, sizeof(*val));
		if (!val)
			continue;
		if (pread(fd, val, d->size * sizeof(*val), h.data_offset + d->offset) ==
		    (ssize_t)(d->size * sizeof(*val)))
			for (j = 0; j < d->size; j++) {
				if (!val[j])
					continue;
				if (d->size > 1)
					printf(" %s[%u]=%lu", d->name, j, val[j]);
				else
					printf(" %s=%lu", d->name, val[j]);
			}
		free(val);
	}
	printf(" (the rest 0)\n");
free:
	free(descs);
out:
	close(fd);
}

