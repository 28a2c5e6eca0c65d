// SPDX-License-Identifier: GPL-2.0
/* The live round's verifier (live_check.h). */
#include <stdio.h>
#include <stdlib.h>

#include "live_check.h"
#include "round_check.h"
#include "util.h"
#include "vm.h"

void ds_live_copy_init(struct ds_live_copy *c, struct ds_vm *dvm)
{
	c->nr_pages = dvm->nr_pages;
	/* Nothing sent yet: round 0 is no round the guest ever stamps. */
	c->sent = ds_calloc(dvm->nr_pages, sizeof(*c->sent));
}

void ds_live_copy_free(struct ds_live_copy *c)
{
	free(c->sent);
	c->sent = NULL;
}

void ds_live_copy(struct ds_live_copy *c, struct ds_vm *dvm,
		  const struct ds_set *reported)
{
	const volatile struct ds_stamp *st;
	uint64_t p;

	for (p = ds_set_next(reported, 0); p < reported->nbits;
	     p = ds_set_next(reported, p + 1)) {
		st = ds_vm_page_stamp(dvm, p);
		if (!st)
			continue;
		/*
		 * The guest may be writing this stamp now; a torn copy is
		 * fine, since that write faulted after the reset and the page
		 * will be reported again.
		 */
		c->sent[p].round = st->round;
		c->sent[p].seq = st->seq;
	}
}

uint64_t ds_live_lost(const struct ds_live_copy *c, struct ds_vm *dvm,
		      const struct ds_set *written)
{
	const struct ds_stamp *st;
	uint64_t p, lost = 0;

	for (p = ds_set_next(written, 0); p < written->nbits;
	     p = ds_set_next(written, p + 1)) {
		st = ds_vm_page_stamp(dvm, p);
		if (st && st->round == c->sent[p].round && st->seq == c->sent[p].seq)
			continue;
		if (lost++ < 4)
			printf("# page %lu lost: guest wrote round %lu write %lu, last sent round %lu write %lu\n",
			       (unsigned long)p, st ? (unsigned long)st->round : 0,
			       st ? (unsigned long)st->seq : 0,
			       (unsigned long)c->sent[p].round,
			       (unsigned long)c->sent[p].seq);
	}
	return lost;
}
