// SPDX-License-Identifier: GPL-2.0
/* The page set: membership, iteration, counting, OR-ing a kernel bitmap. */
#include "dirty_set.h"
#include "unit.h"

int main(void)
{
	uint64_t log[3] = { 0x8000000000000001ULL, 0, 0x5 };
	struct ds_set s;
	uint64_t p, n;

	ds_set_init(&s, 200);
	CHECK(ds_set_count(&s) == 0, "new set is empty");
	CHECK(ds_set_next(&s, 0) == 200, "next in empty set is nbits");
	ds_set_add(&s, 0);
	ds_set_add(&s, 63);
	ds_set_add(&s, 64);
	ds_set_add(&s, 199);
	CHECK(ds_set_count(&s) == 4, "four members");
	CHECK(ds_set_has(&s, 63) && !ds_set_has(&s, 62), "membership");
	CHECK(!ds_set_has(&s, 500), "out of range is not a member");
	for (n = 0, p = ds_set_next(&s, 0); p < s.nbits; p = ds_set_next(&s, p + 1))
		n++;
	CHECK(n == 4, "iteration visits every member once (%lu)", n);
	CHECK(ds_set_next(&s, 65) == 199, "next skips empty words");
	ds_set_del(&s, 199);
	CHECK(ds_set_next(&s, 65) == 200, "deleted member gone");

	ds_set_zero(&s);
	/* A 130-page slot placed at global page 10: bits 0, 63, 128, 130. */
	ds_set_or_bitmap(&s, 10, log, 130);
	CHECK(ds_set_has(&s, 10) && ds_set_has(&s, 73) && ds_set_has(&s, 138),
	      "bitmap bits land at base + bit");
	CHECK(!ds_set_has(&s, 140), "bits past nbits of the log are ignored");
	CHECK(ds_set_count(&s) == 3, "three pages from the log (%lu)", ds_set_count(&s));

	/* Aligned base: whole words, the tail past nbits masked off. */
	ds_set_zero(&s);
	ds_set_or_bitmap(&s, 64, log, 130);
	CHECK(ds_set_has(&s, 64) && ds_set_has(&s, 127) && ds_set_has(&s, 192),
	      "aligned: bits land at base + bit");
	CHECK(!ds_set_has(&s, 194) && ds_set_count(&s) == 3,
	      "aligned: bit 130 of a 130-bit log is dropped (%lu)", ds_set_count(&s));
	CHECK(ds_bitmap_weight(log, 130) == 3 && ds_bitmap_weight(log, 192) == 4,
	      "weight counts only the first nbits");
	ds_set_free(&s);
	return unit_exit();
}
