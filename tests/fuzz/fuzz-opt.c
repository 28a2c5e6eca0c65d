// SPDX-License-Identifier: GPL-2.0
/*
 * ds_parse_u64() and ds_parse_size(): the first byte picks a range, the
 * rest is the text.  Whatever the text, a parse either fails (after one
 * message) or gives a value inside the range; a size without a suffix is
 * the same number ds_parse_u64() reads, and with one it is that number
 * shifted, never wrapped.
 */
#include <string.h>

#include "fuzz.h"
#include "opt.h"

static const struct { uint64_t min, max; } ranges[] = {
	{ 0, ~0ULL }, { 0, 100 }, { 1, 24 * 60 }, { 2 << 20, 4ULL << 30 },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t min, max, u = 0xdead, s = 0xdead;
	bool u_ok, s_ok;
	size_t len;
	char *text;

	if (!size)
		return 0;
	min = ranges[data[0] % 4].min;
	max = ranges[data[0] % 4].max;
	text = fuzz_strdup(data + 1, size - 1);
	len = strlen(text);

	u_ok = ds_parse_u64("fuzz", text, min, max, &u);
	s_ok = ds_parse_size("fuzz", text, min, max, &s);
	if (u_ok)
		fuzz_assert(u >= min && u <= max);
	else
		fuzz_assert(u == 0xdead);	/* no partial result on error */
	if (s_ok)
		fuzz_assert(s >= min && s <= max);
	else
		fuzz_assert(s == 0xdead);
	/* Every number is a size too, and means the same. */
	if (u_ok)
		fuzz_assert(s_ok && s == u);
	/* A suffix is the last character and scales, without wrapping. */
	if (s_ok && !u_ok && len > 1) {
		char c = text[len - 1] | 0x20;
		unsigned int shift = c == 'k' ? 10 : c == 'm' ? 20 : c == 'g' ? 30 : 0;
		uint64_t n;

		fuzz_assert(shift);
		text[len - 1] = 0;
		fuzz_assert(ds_parse_u64("fuzz", text, 0, ~0ULL, &n));
		fuzz_assert(n <= (~0ULL >> shift) && n << shift == s);
	}
	free(text);
	return 0;
}
