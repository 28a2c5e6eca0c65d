# SPDX-License-Identifier: GPL-2.0
#
# Minimal reproducers of kernel (or emulator) bugs dirtysuite found, each
# one selftests-style C file on the KVM selftests framework alone, built
# static so that `dirtysuite vm --add` can take it into a guest.
#
#   make repro     build/static/bin/<name> for each kernel/repro/*.c

REPRO_SRCS := $(wildcard kernel/repro/*.c)
REPRO_BINS := $(patsubst kernel/repro/%.c,$(B)/static/bin/%,$(REPRO_SRCS))

$(B)/obj/kernel/repro/%.o: kernel/repro/%.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(CC) $(KVM_CFLAGS) -MD -MP -c $< -o $@

$(B)/static/bin/%: $(B)/obj/kernel/repro/%.o $(LIBKVM) $(LIBKVM_STRING)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS_KVM) -static $< $(LIBKVM_STRING) $(LIBKVM) $(LDLIBS_KVM) -o $@

.PHONY: repro
repro: $(REPRO_BINS)
# Both reproducers are of x86 bugs (nested SVM, PVM's ring): no arm64 copy.
ifneq ($(ARCH),arm64)
static: $(REPRO_BINS)
endif
