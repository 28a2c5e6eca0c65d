// SPDX-License-Identifier: GPL-2.0
/* Number and size parsing: good values, and one clear error for each bad. */
#include "opt.h"
#include "unit.h"

int main(void)
{
	uint64_t v = 0;

	CHECK(ds_parse_u64("n", "42", 0, 100, &v) && v == 42, "decimal");
	CHECK(ds_parse_u64("n", "0x10", 0, 100, &v) && v == 16, "hex");
	CHECK(!ds_parse_u64("n", "", 0, 100, &v), "empty rejected");
	CHECK(!ds_parse_u64("n", "abc", 0, 100, &v), "non-numeric rejected");
	CHECK(!ds_parse_u64("n", "12x", 0, 100, &v), "trailing junk rejected");
	CHECK(!ds_parse_u64("n", "-1", 0, 100, &v), "negative rejected");
	CHECK(!ds_parse_u64("n", "101", 0, 100, &v), "above max rejected");
	CHECK(!ds_parse_u64("n", "99999999999999999999999", 0, ~0ULL, &v),
	      "overflow rejected");
	CHECK(ds_parse_size("s", "64M", 0, ~0ULL, &v) && v == 64ULL << 20, "64M");
	CHECK(ds_parse_size("s", "2g", 0, ~0ULL, &v) && v == 2ULL << 30, "2g");
	CHECK(ds_parse_size("s", "4096", 0, ~0ULL, &v) && v == 4096, "plain bytes");
	CHECK(!ds_parse_size("s", "64MB", 0, ~0ULL, &v), "64MB rejected");
	CHECK(!ds_parse_size("s", "99999999999G", 0, ~0ULL, &v), "shift overflow rejected");
	CHECK(!ds_parse_u64("n", "64M", 0, ~0ULL, &v), "suffix only for sizes");
	return unit_exit();
}
