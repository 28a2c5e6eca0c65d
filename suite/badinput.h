/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the BADINPUT files share: the VM they abuse and the check that it
 * survived (badinput.c), BADINPUT's raw ring mode (badinput_ring.c), and
 * the tests that the table in badinput.c lists from badinput_ring.c.
 */
#ifndef DS_SUITE_BADINPUT_H
#define DS_SUITE_BADINPUT_H

#include "suite.h"

#define BI_RING_BYTES	(4096 * sizeof(struct kvm_dirty_gfn))
#define BI_KERNEL_PTR	((void *)0xffffffff81000000ULL)
/* Below vm.mmap_min_addr (64 KiB by default): never mapped in a process. */
#define BI_UNMAPPED	((void *)0xf000ULL)

/* Two slots (4 and 2 MiB), random at 2%. */
void bi_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o);
/* A few exact rounds in every slot: the VM survived the abuse. */
bool bi_still_exact(struct ds_vm *dvm);
/* A zeroed page mapped with @prot. */
void *bi_map(int prot);

/* Why the raw ring cannot run here, or NULL. */
const char *bi_ring_missing(void);
/* A bi_cfg() VM of @vcpus vCPUs tracked by the raw ring. */
struct ds_vm *bi_ring_vm(const struct ds_test_opts *o, uint32_t vcpus);
/* 3 rounds of the raw ring, exact. */
bool bi_ring_exact(struct ds_vm *dvm);

int bi_get_log_ptrs(const struct ds_test_opts *o);	/* BADINPUT-001 */
int bi_clear_log(const struct ds_test_opts *o);		/* BADINPUT-002 */
int bi_ring_size(const struct ds_test_opts *o);		/* BADINPUT-003 */
int bi_wrong_mode(const struct ds_test_opts *o);	/* BADINPUT-004 */
int bi_ring_flags(const struct ds_test_opts *o);	/* BADINPUT-005 */

#endif /* DS_SUITE_BADINPUT_H */
