/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The verifier of a live round, where the guest writes while the host
 * harvests, so no single harvest can be compared with what the guest
 * wrote.  It plays the part of a migration's destination: after each
 * harvest (and its reset) it copies the stamp of every reported page, the
 * way a VMM sends the page; after the final harvest, with the vCPUs
 * stopped, every page the guest wrote must hold at the destination the
 * stamp it holds in guest memory.  A dropped dirty bit, a reset that did
 * not re-protect, a ring entry lost: each leaves some page's last write
 * unsent, and that page is counted lost.
 */
#ifndef DS_LIVE_CHECK_H
#define DS_LIVE_CHECK_H

#include <stdint.h>

#include "dirty_set.h"

struct ds_vm;

struct ds_live_copy {
	struct ds_live_sent {
		uint64_t round, seq;
	} *sent;		/* per page: the stamp last copied */
	uint64_t nr_pages;
};

void ds_live_copy_init(struct ds_live_copy *c, struct ds_vm *dvm);
void ds_live_copy_free(struct ds_live_copy *c);

/* Copy the stamps of @reported's pages: call after the harvest's reset. */
void ds_live_copy(struct ds_live_copy *c, struct ds_vm *dvm,
		  const struct ds_set *reported);

/*
 * With the vCPUs stopped and the final harvest copied: the pages of
 * @written whose copy is not what the guest last wrote there (the first
 * few printed as "# " lines).
 */
uint64_t ds_live_lost(const struct ds_live_copy *c, struct ds_vm *dvm,
		      const struct ds_set *written);

#endif /* DS_LIVE_CHECK_H */
