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

#endif /* DS_OPT_H */
