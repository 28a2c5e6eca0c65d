/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few instructions the guest payloads need that differ per
 * architecture, each behind one named helper so that guests/ keeps one
 * source for x86_64 and arm64.  They also build on the host, where the
 * unit tests run the same patterns over an ordinary buffer.
 */
#ifndef DS_ARCH_H
#define DS_ARCH_H

#include <stdint.h>

/* A spin-wait hint: PAUSE on x86, YIELD on arm64. */
static inline void ds_cpu_relax(void)
{
#if defined(__x86_64__)
	__asm__ volatile("pause" ::: "memory");
#elif defined(__aarch64__)
	__asm__ volatile("yield" ::: "memory");
#else
#error "dirtysuite: no ds_cpu_relax() for this architecture"
#endif
}

/*
 * The guest's free-running counter, read where it stands: the TSC on x86,
 * the virtual counter on arm64 (the ISB keeps the read from being done
 * early).  Its rate is the host's to find out (KVM_GET_TSC_KHZ, CNTFRQ).
 */
static inline uint64_t ds_cycles(void)
{
#if defined(__x86_64__)
	uint64_t v, hi;

	/* Joined inside the asm: RDTSC clears the upper halves, C would again. */
	__asm__ volatile("rdtsc; shl $32, %1; or %1, %0" : "=a"(v), "=d"(hi));
	return v;
#elif defined(__aarch64__)
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v) :: "memory");
	return v;
#else
#error "dirtysuite: no ds_cycles() for this architecture"
#endif
}

/*
 * Set bit @i of the bitmap at @map.  On x86 one BTS with the bit offset in
 * a register, which addresses the word itself: the write path's truth bit
 * (write.h) in one instruction instead of five, which counts where KVM
 * emulates each guest instruction.  Elsewhere the word's shift and OR.
 */
static inline void ds_arch_bit_set(uint64_t *map, uint64_t i)
{
#if defined(__x86_64__)
	__asm__ volatile("btsq %1, %0" : "+m"(*map) : "r"(i) : "cc", "memory");
#else
	map[i / 64] |= 1ULL << (i % 64);
#endif
}

#endif /* DS_ARCH_H */
