// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dirty_set.h"
#include "util.h"

/*
 * Set bits in @w, without a popcnt instruction: built for plain x86-64,
 * gcc turns __builtin_popcountll() into a call to libgcc's table-driven
 * __popcountdi2, ~10 ns a word here, which made counting a harvested log
 * cost more than a fifth of the GET_DIRTY_LOG it follows.
 */
static inline uint64_t word_weight(uint64_t w)
{
	w -= (w >> 1) & 0x5555555555555555ULL;
	w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (w * 0x0101010101010101ULL) >> 56;
}

/*
 * Page-aligned, so that a set spans as few pages as its size needs.  On a
 * nested host the first touch of a page after a round costs about 1 us,
 * and the 2 KiB set of a 64 MiB guest, where calloc() put it (at 0xf70
 * in its page), straddled two: KVM_GET_DIRTY_LOG into it paid twice
 * where dirty_log_perf_test's bitmap, inside one page, paid once.
 */
void ds_set_init(struct ds_set *s, uint64_t nbits)
{
	size_t len = ((nbits + 63) / 64 + 1) * sizeof(uint64_t);

	s->nbits = nbits;
	if (posix_memalign((void **)&s->bits, 4096, len)) {
		fprintf(stderr, "dirtysuite: out of memory (a set of %zu bytes)\n", len);
		exit(1);
	}
	ds_set_zero(s);
	s->bits[len / sizeof(uint64_t) - 1] = 0;
}

void ds_set_free(struct ds_set *s)
{
	free(s->bits);
	s->bits = NULL;
	s->nbits = 0;
}

/*
 * Word stores, not memset(): the selftests framework replaces memset with a
 * byte loop (string_override.c, for guest code), which cleared the 8 KiB
 * set of a 256 MiB VM one byte at a time.
 */
void ds_set_zero(struct ds_set *s)
{
	uint64_t i, n = (s->nbits + 63) / 64, *w = s->bits;

	for (i = 0; i < n; i++)
		w[i] = 0;
}

uint64_t ds_set_count(const struct ds_set *s)
{
	uint64_t i, n = 0;

	for (i = 0; i < (s->nbits + 63) / 64; i++)
		if (s->bits[i])
			n += word_weight(s->bits[i]);
	return n;
}

void ds_set_add(struct ds_set *s, uint64_t page)
{
	s->bits[page / 64] |= 1ULL << (page % 64);
}

void ds_set_del(struct ds_set *s, uint64_t page)
{
	s->bits[page / 64] &= ~(1ULL << (page % 64));
}

bool ds_set_has(const struct ds_set *s, uint64_t page)
{
	return page < s->nbits && (s->bits[page / 64] >> (page % 64)) & 1;
}

uint64_t ds_set_next(const struct ds_set *s, uint64_t from)
{
	uint64_t w, i;

	if (from >= s->nbits)
		return s->nbits;
	i = from / 64;
	w = s->bits[i] & (~0ULL << (from % 64));
	for (;;) {
		if (w) {
			uint64_t b = i * 64 + __builtin_ctzll(w);

			return b < s->nbits ? b : s->nbits;
		}
		if (++i >= (s->nbits + 63) / 64)
			return s->nbits;
		w = s->bits[i];
	}
}

uint64_t ds_set_or_bitmap(struct ds_set *s, uint64_t base, const uint64_t *map,
			  uint64_t nbits)
{
	uint64_t i, w, n = 0;

	/*
	 * Slots start on 64-page boundaries (their sizes are whole 2 MiB), so
	 * the kernel's words land on ours whole: OR them, masking the tail,
	 * and count them in the same pass.  Each round's truth comes through
	 * here, so a sparse bitmap's zero words cost one test each.
	 */
	if (base % 64 == 0) {
		uint64_t *dst = s->bits + base / 64, words = nbits / 64;

		for (i = 0; i < words; i++) {
			w = map[i];
			if (!w)
				continue;
			dst[i] |= w;
			n += word_weight(w);
		}
		if (nbits % 64) {
			w = map[words] & ((1ULL << (nbits % 64)) - 1);
			dst[words] |= w;
			n += word_weight(w);
		}
		return n;
	}
	/* Bit at a time otherwise. */
	for (i = 0; i < (nbits + 63) / 64; i++) {
		w = map[i];
		if (i == nbits / 64)
			w &= (1ULL << (nbits % 64)) - 1;
		n += word_weight(w);
		while (w) {
			ds_set_add(s, base + i * 64 + __builtin_ctzll(w));
			w &= w - 1;
		}
	}
	return n;
}

uint64_t ds_bitmap_weight(const uint64_t *map, uint64_t nbits)
{
	uint64_t i, n = 0;

	for (i = 0; i < nbits / 64; i++)
		if (map[i])
			n += word_weight(map[i]);
	if (nbits % 64)
		n += word_weight(map[i] & ((1ULL << (nbits % 64)) - 1));
	return n;
}
