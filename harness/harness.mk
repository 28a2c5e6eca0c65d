# SPDX-License-Identifier: GPL-2.0
# The host harness library: VMs, modes, harvesting, verification.
HARNESS_SRCS += harness/dirty_set.c
HARNESS_SRCS += harness/inject.c
HARNESS_SRCS += harness/mode_bitmap.c
HARNESS_SRCS += harness/mode_clear.c
HARNESS_SRCS += harness/mode_log.c
HARNESS_SRCS += harness/mode_ring.c
HARNESS_SRCS += harness/modes.c
HARNESS_SRCS += harness/opt.c
HARNESS_SRCS += harness/postmortem.c
HARNESS_SRCS += harness/postmortem_guest.c
HARNESS_SRCS += harness/util.c
HARNESS_SRCS += harness/vcpu_watch.c
HARNESS_SRCS += harness/verify.c
HARNESS_SRCS += harness/vm.c
HARNESS_OBJS := $(patsubst %.c,$(B)/obj/%.o,$(HARNESS_SRCS))

$(B)/obj/harness/%.o: harness/%.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(CC) $(DS_CFLAGS) $(HOST_SAN) -c $< -o $@

# Link a KVM program: our objects, the framework, its string overrides.
define link_kvm
	@mkdir -p $(dir $@)
	$(CC) $(HOST_SAN) $(LDFLAGS_KVM) $(1) $^ $(LIBKVM_STRING) $(LIBKVM) $(LDLIBS_KVM) -o $@
endef

-include harness/runner.mk
