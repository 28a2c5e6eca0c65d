/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the WAITQUEUE tests share: the VM they build, and how they watch a
 * vCPU sleep in the ring's wait (waitqueue_watch.c).  The tests that end a
 * process with sleeping vCPUs live in waitqueue_exit.c.
 */
#ifndef DS_SUITE_WAITQUEUE_H
#define DS_SUITE_WAITQUEUE_H

#include "suite.h"
#include "vcpu_watch.h"

#define WQ_ENTRIES	1024	/* small: a 2048-page round fills it twice */
#define WQ_WAIT_MS	30000	/* generous: a healthy kernel answers in ms */
#define WQ_MAX_VCPUS	2

/* One look at a watched vCPU, taken after a wait, all of it after. */
struct wq_look {
	bool asleep;
	uint64_t writes;	/* the guest's write counter */
	uint64_t runs;		/* KVM_RUN returns so far */
	uint32_t used;		/* ring entries in use */
};

uint32_t wq_soft_limit(void);
bool wq_asleep(struct ds_watch *r);
void wq_nap(void);
bool wq_poll(bool (*cond)(struct ds_watch *, uint64_t), struct ds_watch *r,
	     uint64_t arg);
bool wq_wait_asleep(struct ds_watch *r);
bool wq_cond_progress(struct ds_watch *r, uint64_t w0);
bool wq_cond_returned(struct ds_watch *r, uint64_t runs);
void wq_look(struct ds_watch *r, bool asleep, struct wq_look *l);
const char *wq_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o,
		   uint32_t vcpus, uint32_t mib);
void wq_harvest(struct ds_vm *dvm, struct ds_set *got);

/* WAITQUEUE-005 and -006 (waitqueue_exit.c). */
int wq_close(const struct ds_test_opts *o);
int wq_kill(const struct ds_test_opts *o);

#endif /* DS_SUITE_WAITQUEUE_H */
