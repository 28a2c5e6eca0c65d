/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the fuzz harnesses share.  Each fuzz-NAME.c defines
 * LLVMFuzzerTestOneInput(); linked with libFuzzer it is fuzzed (make fuzz),
 * linked with replay.c it is the unit test test-fuzz-NAME, which feeds it
 * the committed seed corpus and every saved regression input.
 *
 * A harness checks what must hold for every input, and calls fuzz_fail()
 * when it does not: abort() is what both libFuzzer and the unit test see
 * as a finding.
 */
#ifndef DS_FUZZ_H
#define DS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define fuzz_fail(fmt, ...) do {					\
	fprintf(stderr, "fuzz: %s:%d: " fmt "\n", __FILE__, __LINE__,	\
		##__VA_ARGS__);						\
	abort();							\
} while (0)

#define fuzz_assert(cond) do {						\
	if (!(cond))							\
		fuzz_fail("%s", #cond);					\
} while (0)

/* @data as a NUL-terminated string (cut at its first NUL); free() it. */
static inline char *fuzz_strdup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	for (size_t i = 0; i < size; i++)
		s[i] = data[i];
	s[size] = 0;
	return s;
}

#endif /* DS_FUZZ_H */
