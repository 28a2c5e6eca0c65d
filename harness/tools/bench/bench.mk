# SPDX-License-Identifier: GPL-2.0
# The benchmark engine (ds-bench) and the targets that run it.
BENCH_SRCS += harness/tools/bench/bench_live.c
BENCH_SRCS += harness/tools/bench/bench_live_out.c
BENCH_SRCS += harness/tools/bench/bench_main.c
BENCH_SRCS += harness/tools/bench/bench_out.c
BENCH_SRCS += harness/tools/bench/bench_place.c
BENCH_SRCS += harness/tools/bench/bench_run.c
BENCH_SRCS += harness/tools/bench/bench_stats.c
BENCH_SRCS += harness/tools/bench/bench_sweep.c
BENCH_SRCS += harness/tools/bench/bench_table.c
BENCH_SRCS += harness/tools/bench/bench_tax.c
BENCH_SRCS += harness/tools/bench/workload.c
BENCH_SRCS += harness/tools/bench/workload_file.c
BENCH_OBJS := $(patsubst %.c,$(B)/obj/%.o,$(BENCH_SRCS))

BINS += $(B)/bin/ds-bench
# log() and exp() for the crossover; hwloc and libnuma for the placement
# sweep (harness/tools/placement/placement.mk), which only ds-bench and ds-placement link.
$(B)/bin/ds-bench: LDLIBS_KVM += -lm
$(B)/bin/ds-bench: $(BENCH_OBJS) $(PLACEMENT_OBJS) $(HOST_OBJS) $(GUEST_OBJS)
	$(call link_kvm) $(PLACEMENT_LIBS)

# The static copy for `dirtysuite vm`: benchmarks inside a kernel under
# test, and the capabilities in each run's env.txt (ds-bench -C).
STATIC_BINS += $(B)/static/bin/ds-bench
$(B)/static/bin/ds-bench: $(BENCH_OBJS) $(PLACEMENT_OBJS) \
		$(B)/obj/harness/tools/placement/placement_noudev.o $(HOST_OBJS) $(GUEST_OBJS)
	$(call link_kvm,-static) $(PLACEMENT_LIBS) -lm

# The workload unit test needs the keys and the file reader beside the
# usual host objects.
$(B)/tests/test-workload: $(B)/obj/harness/tools/bench/workload.o \
	$(B)/obj/harness/tools/bench/workload_file.o

.PHONY: bench bench-validate
# The default set: every sweep, sized to finish in under 10 minutes here;
# FULL=1 runs everything (dirtysuite-bench --full).
bench: build
	harness/runner/dirtysuite-bench $(if $(filter 1,$(FULL)),--full) $(BENCH_ARGS)

bench-validate: build $(B)/selftests/dirty_log_perf_test
	harness/runner/dirtysuite-bench --validate $(BENCH_ARGS)

# The kernel's own dirty_log_perf_test, built out of tree from KDIR: the
# selftests Makefile wants a full output path as its target.
$(B)/selftests/dirty_log_perf_test: $(KHDR)/.installed
	@mkdir -p $(@D)
	$(MAKE) -s -C $(SELFTESTS) OUTPUT=$(B)/selftests \
		KHDR_INCLUDES="-isystem $(KHDR)/include" $@


# The tax's unit test needs the tax and the median it takes from the library.
$(B)/tests/test-tax: $(B)/obj/harness/tools/bench/bench_tax.o $(B)/obj/harness/lib/median.o

# The same dirty_log_perf_test static, from KDIR's own source on the
# library built from it, for bench --validate inside `dirtysuite vm`
# (kernel/bench-tdp), where the guest's writes fault for real.  In
# `static`, not static-suite: it is 6.12's test, like the reproducers.
$(B)/obj/kdir/dirty_log_perf_test.o: $(SELFTESTS)/dirty_log_perf_test.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(CC) $(KVM_CFLAGS) -c $< -o $@

$(B)/static/bin/dirty_log_perf_test: $(B)/obj/kdir/dirty_log_perf_test.o $(LIBKVM) $(LIBKVM_STRING)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS_KVM) -static $< $(LIBKVM_STRING) $(LIBKVM) $(LDLIBS_KVM) -o $@

static: $(B)/static/bin/dirty_log_perf_test
