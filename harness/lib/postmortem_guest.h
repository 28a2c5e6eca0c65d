/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A test VM as the host sees it, for the postmortem (postmortem.c): what
 * a vCPU that died of a bad page walk should have read, and KVM's counters.
 */
#ifndef DS_POSTMORTEM_GUEST_H
#define DS_POSTMORTEM_GUEST_H

#include <stdint.h>

struct ds_vm;

/* Every guest page table scanned for present entries with reserved bits. */
void ds_pm_guest_tables(struct ds_vm *dvm);
/* The walk of @gva, each level's entry and the host frame of its table. */
void ds_pm_guest_walk(struct ds_vm *dvm, const char *what, uint64_t gva);
/* KVM's binary statistics of a VM or vCPU fd, the non-zero ones. */
void ds_pm_kvm_stats(const char *what, int kvm_fd);

#endif /* DS_POSTMORTEM_GUEST_H */
