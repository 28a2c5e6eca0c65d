/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small seeded generator (splitmix64) that runs the same in the guest and
 * on the host, so a random pattern is reproducible from its seed and the
 * unit tests can replay what a guest did.
 */
#ifndef DS_PRNG_H
#define DS_PRNG_H

#include <stdint.h>

struct ds_prng {
	uint64_t state;
};

static inline void ds_prng_seed(struct ds_prng *r, uint64_t seed)
{
	r->state = seed;
}

static inline uint64_t ds_prng_next(struct ds_prng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0.  The modulo bias is below 2^-40 for our n. */
static inline uint64_t ds_prng_below(struct ds_prng *r, uint64_t n)
{
	return ds_prng_next(r) % n;
}

#endif /* DS_PRNG_H */
