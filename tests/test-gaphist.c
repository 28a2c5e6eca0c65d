// SPDX-License-Identifier: GPL-2.0
/*
 * The live round's gap histogram (guests/live.h): every gap falls in the
 * bucket whose lower bound is the largest not above it, the buckets are
 * ordered and none is wider than 1/16 of its value, and the largest gap
 * a 64-bit counter can give still has a bucket.
 */
#include "live.h"
#include "unit.h"

int main(void)
{
	uint64_t v, lo, hi, worst = 0;
	uint32_t b, prev = 0;
	int bad = 0, i;

	for (b = 0; b + 1 < DS_GAP_BUCKETS; b++)
		bad += ds_gap_bucket_lo(b + 1) <= ds_gap_bucket_lo(b);
	CHECK(!bad, "bucket bounds strictly increase (%d out of order)", bad);
	for (v = 0, bad = 0; v < 100000; v++) {
		b = ds_gap_bucket(v);
		bad += b < prev || ds_gap_bucket_lo(b) > v ||
		       (b + 1 < DS_GAP_BUCKETS && ds_gap_bucket_lo(b + 1) <= v);
		prev = b;
	}
	CHECK(!bad, "gaps 0..99999 each in the bucket that bounds it (%d wrong)", bad);
	for (i = 0, bad = 0; i < 64; i++) {
		v = 1ULL << i;
		b = ds_gap_bucket(v);
		bad += ds_gap_bucket_lo(b) != v;
		bad += ds_gap_bucket(v + v / 2) != b + DS_GAP_SUB / 2 && i >= 4;
	}
	CHECK(!bad, "powers of two start buckets, their 1.5x is half an octave on (%d wrong)", bad);
	for (b = DS_GAP_SUB; b + 1 < DS_GAP_BUCKETS; b++) {
		lo = ds_gap_bucket_lo(b);
		hi = ds_gap_bucket_lo(b + 1);
		if ((hi - lo) * 1000 / lo > worst)
			worst = (hi - lo) * 1000 / lo;
	}
	CHECK(worst <= 1000 / DS_GAP_SUB, "no bucket wider than 1/16 of its value (worst %lu per mille)",
	      (unsigned long)worst);
	CHECK(ds_gap_bucket(~0ULL) == DS_GAP_BUCKETS - 1, "the largest gap is in the last bucket (%u of %u)",
	      ds_gap_bucket(~0ULL), DS_GAP_BUCKETS);
	return unit_exit();
}
