/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A minimal unit-test harness: each CHECK prints one '#' line and counts a
 * failure; unit_exit() returns the kselftest code the runner expects.
 */
#ifndef DS_UNIT_H
#define DS_UNIT_H

#include <stdio.h>

static int unit_failures;

#define CHECK(cond, fmt, ...) do {					\
	if (cond) {							\
		printf("# ok: " fmt "\n", ##__VA_ARGS__);		\
	} else {							\
		printf("# FAIL %s:%d: %s: " fmt "\n", __FILE__,	\
		       __LINE__, #cond, ##__VA_ARGS__);			\
		unit_failures++;					\
	}								\
} while (0)

static inline int unit_exit(void)
{
	return unit_failures ? 1 : 0;
}

#endif /* DS_UNIT_H */
