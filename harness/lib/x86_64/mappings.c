// SPDX-License-Identifier: GPL-2.0
/* x86's mapping counts: KVM's VM statistics (mappings.h). */
#include "mappings.h"

bool ds_mappings_read(struct kvm_vm *vm, struct ds_mappings *m, const char **why)
{
	/* __vm_get_stat() leaves the value alone when the name is unknown. */
	m->p4k = m->p2m = m->p1g = ~0ULL;
	m->source = "KVM stats, whole VM";
	__vm_get_stat(vm, "pages_4k", &m->p4k, 1);
	__vm_get_stat(vm, "pages_2m", &m->p2m, 1);
	__vm_get_stat(vm, "pages_1g", &m->p1g, 1);
	*why = "KVM publishes no pages_2m statistic: huge mappings cannot be counted";
	return m->p2m != ~0ULL;
}
