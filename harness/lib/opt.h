/* SPDX-License-Identifier: GPL-2.0 */
/* Parsing numbers and sizes from options and workload files, with errors. */
#ifndef DS_OPT_H
#define DS_OPT_H

#include <stdbool.h>
#include <stdint.h>

/* What ds_num_parse() found: the callers word their own errors. */
enum ds_num { DS_NUM_OK, DS_NUM_NAN, DS_NUM_BIG };

/*
 * The one number reader: decimal or 0x hex, with a K/M/G suffix (binary
 * units) when @suffix; no range check and no message.
 */
enum ds_num ds_num_parse(const char *text, bool suffix, uint64_t *out);

/*
 * Parse an unsigned decimal (or 0x hex) number in [min, max].  On error,
 * print one line "dirtysuite: WHAT: 'TEXT' is ..." and return false.
 */
bool ds_parse_u64(const char *what, const char *text, uint64_t min,
		  uint64_t max, uint64_t *out);

/* A size with an optional K/M/G suffix (binary units), in bytes. */
bool ds_parse_size(const char *what, const char *text, uint64_t min,
		   uint64_t max, uint64_t *out);

/* Guest test memory: the sizes a workload and -M accept. */
#define DS_MEM_MIN	(2ULL << 20)
#define DS_MEM_MAX	(64ULL << 30)

/* One item of a comma list: parse @text into slot @i of @out. */
typedef bool (*ds_list_one_fn)(const char *what, const char *text, void *out,
			       unsigned int i);

/*
 * A comma list of at most @max items, each through @one, into @out; the
 * count in *@n.  False, after one message, when an item is bad, there are
 * too many, or none.
 */
bool ds_parse_list(const char *what, const char *text, unsigned int max,
		   unsigned int *n, ds_list_one_fn one, void *out);

/* A list item that is a guest memory size (uint64_t *out), in bytes. */
bool ds_list_mem_size(const char *what, const char *text, void *out, unsigned int i);

#endif /* DS_OPT_H */
