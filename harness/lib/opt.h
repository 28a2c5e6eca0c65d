/* SPDX-License-Identifier: GPL-2.0 */
/* Parsing numbers and sizes from options and workload files, with errors. */
#ifndef DS_OPT_H
#define DS_OPT_H

#include <stdbool.h>
#include <stdint.h>

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
