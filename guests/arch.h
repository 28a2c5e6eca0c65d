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
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
#elif defined(__aarch64__)
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v) :: "memory");
	return v;
#else
#error "dirtysuite: no ds_cycles() for this architecture"
#endif
}

#endif /* DS_ARCH_H */
