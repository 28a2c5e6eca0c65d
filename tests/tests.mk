# SPDX-License-Identifier: GPL-2.0
# The suite's own unit tests: the parts that need no KVM.  Each is a
# program exiting 0/1/4 that the runner reports as a KTAP line.
UNIT_TESTS += test-dirty-set
UNIT_TESTS += test-opt
UNIT_TESTS += test-placement
UNIT_TESTS += test-patterns
UNIT_TESTS += test-verify
UNIT_TESTS += test-workload
UNIT_TESTS += test-tax
UNIT_TESTS += test-gaphist
UNIT_TESTS += test-live
UNIT_BINS := $(patsubst %,$(B)/tests/%,$(UNIT_TESTS))
UNIT_HOST_OBJS = $(B)/obj/harness/lib/dirty_set.o $(B)/obj/harness/lib/verify.o \
	$(B)/obj/harness/lib/opt.o $(B)/obj/harness/lib/util.o $(B)/obj/guests/patterns.o

$(B)/obj/tests/%.o: tests/%.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(CC) $(DS_CFLAGS) $(HOST_SAN) -Itests -c $< -o $@

$(B)/tests/test-%: $(B)/obj/tests/test-%.o $(UNIT_HOST_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(HOST_SAN) -no-pie $^ $(LDLIBS_UNIT) -o $@

# The live round runs on the host as in the guest, a thread saying stop.
$(B)/tests/test-live: $(B)/obj/guests/live.o
$(B)/tests/test-live: LDLIBS_UNIT := -pthread

unit: $(UNIT_BINS)

