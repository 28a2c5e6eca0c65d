// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"

enum ds_num ds_num_parse(const char *text, bool suffix, uint64_t *out)
{
	unsigned long long v;
	unsigned int shift = 0;
	char *end;

	if (!text || !isdigit((unsigned char)*text))
		return DS_NUM_NAN;
	errno = 0;
	v = strtoull(text, &end, 0);
	if (suffix && *end && !end[1]) {
		switch (*end) {
		case 'k': case 'K': shift = 10; end++; break;
		case 'm': case 'M': shift = 20; end++; break;
		case 'g': case 'G': shift = 30; end++; break;
		}
	}
	if (*end)
		return DS_NUM_NAN;
	if (errno == ERANGE || (shift && v > (~0ULL >> shift)))
		return DS_NUM_BIG;
	*out = v << shift;
	return DS_NUM_OK;
}

static bool parse(const char *what, const char *text, bool suffix,
		  uint64_t min, uint64_t max, uint64_t *out)
{
	uint64_t v;

	switch (ds_num_parse(text, suffix, &v)) {
	case DS_NUM_NAN:
		fprintf(stderr, "dirtysuite: %s: '%s' is not a number%s\n", what,
			text ? text : "",
			suffix && text && isdigit((unsigned char)*text) ?
			" (sizes take K, M or G)" : "");
		return false;
	case DS_NUM_BIG:
		fprintf(stderr, "dirtysuite: %s: '%s' is too large\n", what, text);
		return false;
	case DS_NUM_OK:
		break;
	}
	if (v < min || v > max) {
		fprintf(stderr, "dirtysuite: %s: %s is out of range [%llu, %llu]\n",
			what, text, (unsigned long long)min,
			(unsigned long long)max);
		return false;
	}
	*out = v;
	return true;
}

bool ds_parse_u64(const char *what, const char *text, uint64_t min,
		  uint64_t max, uint64_t *out)
{
	return parse(what, text, false, min, max, out);
}

bool ds_parse_size(const char *what, const char *text, uint64_t min,
		   uint64_t max, uint64_t *out)
{
	return parse(what, text, true, min, max, out);
}

bool ds_parse_list(const char *what, const char *text, unsigned int max,
		   unsigned int *n, ds_list_one_fn one, void *out)
{
	char buf[512], *tok, *save;

	snprintf(buf, sizeof(buf), "%s", text);
	*n = 0;
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (*n == max) {
			fprintf(stderr, "%s: %s: more than %u values\n",
				program_invocation_short_name, what, max);
			return false;
		}
		if (!one(what, tok, out, (*n)++))
			return false;
	}
	if (!*n)
		fprintf(stderr, "%s: %s: empty list\n", program_invocation_short_name, what);
	return *n;
}

bool ds_list_mem_size(const char *what, const char *text, void *out, unsigned int i)
{
	return ds_parse_size(what, text, DS_MEM_MIN, DS_MEM_MAX, &((uint64_t *)out)[i]);
}
