// SPDX-License-Identifier: GPL-2.0
/*
 * The verifier must report both kinds of error: a page the guest wrote that
 * was not harvested (lost), and one harvested that was not written (extra).
 */
#include "verify.h"
#include "unit.h"

int main(void)
{
	struct ds_set truth, harvested;
	struct ds_verdict v;
	uint64_t p;

	ds_set_init(&truth, 1000);
	ds_set_init(&harvested, 1000);
	for (p = 0; p < 1000; p += 3)
		ds_set_add(&truth, p);
	for (p = 0; p < 1000; p += 3)
		ds_set_add(&harvested, p);

	ds_verify(&harvested, &truth, &v);
	CHECK(ds_verdict_ok(&v, true), "identical sets pass the exact check");
	CHECK(v.written == 334 && v.harvested == 334, "counts %lu/%lu",
	      v.written, v.harvested);

	ds_set_del(&harvested, 999);	/* lost: written, not harvested */
	ds_set_add(&harvested, 500);	/* extra: harvested, not written */
	ds_verify(&harvested, &truth, &v);
	CHECK(v.lost == 1 && v.lost_pages[0] == 999, "lost page 999 reported (lost %lu)",
	      v.lost);
	CHECK(v.extra == 1 && v.extra_pages[0] == 500,
	      "extra page 500 reported (extra %lu)", v.extra);
	CHECK(!ds_verdict_ok(&v, false), "a lost page fails even the loose check");
	CHECK(!ds_verdict_ok(&v, true), "and the exact check");
	ds_verdict_print(stdout, "lost+extra", &v, true);

	ds_set_add(&harvested, 999);	/* only the extra page remains */
	ds_verify(&harvested, &truth, &v);
	CHECK(ds_verdict_ok(&v, false), "an over-report passes the loose check");
	CHECK(!ds_verdict_ok(&v, true), "and fails the exact one");

	/* Many lost pages: counted in full, examples capped. */
	ds_set_zero(&harvested);
	ds_verify(&harvested, &truth, &v);
	CHECK(v.lost == 334 && v.lost_pages[DS_VERIFY_EXAMPLES - 1] == 21,
	      "all 334 lost pages counted");
	ds_set_free(&truth);
	ds_set_free(&harvested);
	return unit_exit();
}
