# SPDX-License-Identifier: GPL-2.0
#
# Fuzzing the suite's parsers (included from the Makefile).
#
#   make fuzz                   build the libFuzzer harnesses into build/fuzz
#                               and run each for FUZZ_SECONDS / N seconds
#   make fuzz FUZZ_SECONDS=600  a longer run
#
# Each harness tests/fuzz/fuzz-NAME.c is built twice:
#  - with clang's libFuzzer, ASan and UBSan into build/fuzz/fuzz-NAME (make
#    fuzz only: it needs clang, which an ordinary build does not);
#  - with $(CC) and replay.c into $(B)/tests/test-fuzz-NAME, a unit test
#    that replays tests/fuzz/corpus/NAME/ and tests/fuzz/regress/NAME/, so
#    every input that once found a bug is checked by `make check`, by
#    `make check SANITIZE=1` and by `make valgrind`.
#
# FUZZ_SRCS_NAME are the sources a harness tests.  The workload parser is
# fuzzed once harness/tools/bench/workload.c exists.

FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_OUT := $(BK)/fuzz

FUZZ_NAMES := opt args
FUZZ_SRCS_opt := harness/lib/opt.c
FUZZ_SRCS_args := suite/args.c harness/lib/opt.c harness/lib/inject.c
ifneq ($(wildcard harness/tools/bench/workload.c),)
FUZZ_NAMES += workload
FUZZ_SRCS_workload := harness/tools/bench/workload.c \
	harness/tools/bench/workload_file.c harness/lib/opt.c
# The pattern table is guest code: linked, never instrumented.
FUZZ_GUEST_workload := guests/patterns.c
endif

# -O1 -g: fast enough to fuzz, and stack traces that name the line.
# -fno-sanitize-recover: a UBSan finding aborts, so libFuzzer records it.
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = $(KVM_CFLAGS) -O1 -g -fno-omit-frame-pointer $(DS_INC)

FUZZ_BINS := $(patsubst %,$(FUZZ_OUT)/fuzz-%,$(FUZZ_NAMES))
FUZZ_TESTS := $(patsubst %,$(B)/tests/test-fuzz-%,$(FUZZ_NAMES))
UNIT_BINS += $(FUZZ_TESTS)
# `unit` was defined before this file added to UNIT_BINS.
unit: $(FUZZ_TESTS)

$(FUZZ_OUT)/obj/%.o: %.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_OUT)/guest/%.o: %.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

# The replay driver, once per harness: it names the corpus it replays.
$(B)/obj/tests/fuzz/replay-%.o: tests/fuzz/replay.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(CC) $(DS_CFLAGS) $(HOST_SAN) -DFUZZ_NAME='"$*"' \
		-DFUZZ_TESTS='"$(TOP)/tests"' -c $< -o $@

define fuzz_harness
$(FUZZ_OUT)/fuzz-$(1): $(FUZZ_OUT)/obj/tests/fuzz/fuzz-$(1).o \
		$(patsubst %.c,$(FUZZ_OUT)/obj/%.o,$(FUZZ_SRCS_$(1))) \
		$(patsubst %.c,$(FUZZ_OUT)/guest/%.o,$(FUZZ_GUEST_$(1)))
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -no-pie $$^ -o $$@

$(B)/tests/test-fuzz-$(1): $(B)/obj/tests/fuzz/replay-$(1).o \
		$(B)/obj/tests/fuzz/fuzz-$(1).o \
		$(patsubst %.c,$(B)/obj/%.o,$(FUZZ_SRCS_$(1)) $(FUZZ_GUEST_$(1)))
	@mkdir -p $$(dir $$@)
	$(CC) $(HOST_SAN) -no-pie $$^ -o $$@
endef
$(foreach h,$(FUZZ_NAMES),$(eval $(call fuzz_harness,$(h))))

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BINS)
fuzz: $(FUZZ_BINS)
	tests/fuzz/fuzz.sh $(FUZZ_OUT) $(FUZZ_SECONDS) $(FUZZ_NAMES)
