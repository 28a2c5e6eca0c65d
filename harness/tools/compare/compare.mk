# SPDX-License-Identifier: GPL-2.0
# ds-compare: figure-by-figure comparison of two bench results folders.
# Plain host C (no KVM): it only reads files, and takes from the library
# only the median it shares with ds-bench.
COMPARE_SRCS += harness/tools/compare/compare.c
COMPARE_SRCS += harness/tools/compare/compare_read.c
COMPARE_SRCS += harness/tools/compare/compare_stats.c
COMPARE_SRCS += harness/lib/median.c

BINS += $(B)/bin/ds-compare
$(B)/bin/ds-compare: $(COMPARE_SRCS) harness/tools/compare/compare.h harness/lib/median.h
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -Wstrict-prototypes -Iharness/lib -o $@ $(COMPARE_SRCS) -lm
