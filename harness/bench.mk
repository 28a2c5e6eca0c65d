# SPDX-License-Identifier: GPL-2.0
# The benchmark engine (ds-bench), the comparison tool (ds-compare) and
# the targets that run them.  Included once from the top-level Makefile.
BENCH_SRCS += harness/bench_main.c
BENCH_SRCS += harness/bench_out.c
BENCH_SRCS += harness/bench_place.c
BENCH_SRCS += harness/bench_run.c
BENCH_SRCS += harness/bench_stats.c
BENCH_SRCS += harness/bench_sweep.c
BENCH_SRCS += harness/median.c
BENCH_SRCS += harness/workload.c
BENCH_OBJS := $(patsubst %.c,$(B)/obj/%.o,$(BENCH_SRCS))

BINS += $(B)/bin/ds-bench
# log() and exp() for the crossover; hwloc and libnuma for the placement
# sweep (placement.mk), which only ds-bench and ds-placement link.
$(B)/bin/ds-bench: LDLIBS_KVM += -lm
$(B)/bin/ds-bench: $(BENCH_OBJS) $(PLACEMENT_OBJS) $(HARNESS_OBJS) $(GUEST_OBJS)
	$(call link_kvm) $(PLACEMENT_LIBS)

# The workload unit test needs the parser beside the usual host objects.
$(B)/tests/test-workload: $(B)/obj/harness/workload.o

.PHONY: bench bench-validate
# The default set: every sweep, sized to finish in under 10 minutes here.
bench: build
	harness/dirtysuite-bench $(BENCH_ARGS)

bench-validate: build $(B)/selftests/dirty_log_perf_test
	harness/dirtysuite-bench --validate $(BENCH_ARGS)

# The kernel's own dirty_log_perf_test, built out of tree from KDIR: the
# selftests Makefile wants a full output path as its target.
$(B)/selftests/dirty_log_perf_test: $(KHDR)/.installed
	@mkdir -p $(@D)
	$(MAKE) -s -C $(SELFTESTS) OUTPUT=$(B)/selftests \
		KHDR_INCLUDES="-isystem $(KHDR)/include" $@

# ds-compare is plain host C (no KVM): it reads two results folders.
BINS += $(B)/bin/ds-compare
$(B)/bin/ds-compare: harness/compare.c harness/compare_stats.c harness/compare.h \
		harness/median.c harness/median.h
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -Wstrict-prototypes -o $@ harness/compare.c \
		harness/compare_stats.c harness/median.c -lm
