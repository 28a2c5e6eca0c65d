/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A set of test pages, as a bitmap over the global page numbers that the
 * guest patterns use (all test memslots, one after another).
 */
#ifndef DS_DIRTY_SET_H
#define DS_DIRTY_SET_H

#include <stdbool.h>
#include <stdint.h>

struct ds_set {
	uint64_t nbits;
	uint64_t *bits;
};

void ds_set_init(struct ds_set *s, uint64_t nbits);
void ds_set_free(struct ds_set *s);
void ds_set_zero(struct ds_set *s);
uint64_t ds_set_count(const struct ds_set *s);
void ds_set_add(struct ds_set *s, uint64_t page);
void ds_set_del(struct ds_set *s, uint64_t page);
bool ds_set_has(const struct ds_set *s, uint64_t page);
/* Lowest member at or above @from, or s->nbits if none. */
uint64_t ds_set_next(const struct ds_set *s, uint64_t from);
/* Number of set bits among the first @nbits of @map. */
uint64_t ds_bitmap_weight(const uint64_t *map, uint64_t nbits);
/*
 * OR @nbits bits of a little-endian bitmap into @s starting at @base;
 * returns how many of them were set (the log's weight), counted on the way.
 */
uint64_t ds_set_or_bitmap(struct ds_set *s, uint64_t base, const uint64_t *map,
			  uint64_t nbits);

#endif /* DS_DIRTY_SET_H */
