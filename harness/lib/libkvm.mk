# SPDX-License-Identifier: GPL-2.0
#
# Builds the KVM selftests framework library (tools/testing/selftests/kvm/lib)
# of $(KDIR) into $(OUT)/libkvm.a.  Invoked by the top-level Makefile once
# the tree's uapi headers are installed.  The source list comes from the
# tree's own Makefile, so nothing of the kernel is copied here.

ST := $(KDIR)/tools/testing/selftests/kvm
# ARCH_DIR: the framework's folder of the target architecture (the top
# Makefile passes it: x86_64 or aarch64 in 6.12).
ARCH_DIR ?= $(if $(wildcard $(ST)/lib/x86_64),x86_64,x86)

libsrc = $(shell sed -n 's/^$(1)[[:space:]]*+=[[:space:]]*lib\//lib\//p' $(ST)/Makefile)
SRCS := $(call libsrc,LIBKVM) $(call libsrc,LIBKVM_$(ARCH_DIR))
STRING_SRC := $(call libsrc,LIBKVM_STRING)

OBJS := $(patsubst lib/%,$(OUT)/%,$(patsubst %.S,%.o,$(SRCS:.c=.o)))

# QUIET: the framework's pr_info() chatter (its own random seed, which the
# suite does not use) would otherwise land in "ds-conform list" output.
override CFLAGS += -DQUIET

all: $(OUT)/libkvm.a $(OUT)/string_override.o

$(OUT)/libkvm.a: $(OBJS)
	@rm -f $@
	ar rcs $@ $^

$(OUT)/%.o: $(ST)/lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -I$(ST)/lib -c $< -o $@

$(OUT)/%.o: $(ST)/lib/%.S
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# Freestanding, as the selftests build it, so that the compiler does not
# turn memcpy() into a call to memcpy().
$(OUT)/string_override.o: $(ST)/$(STRING_SRC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -ffreestanding -c $< -o $@

.DELETE_ON_ERROR:
