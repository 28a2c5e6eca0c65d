# SPDX-License-Identifier: GPL-2.0
# The KVM test-VM library (harness/lib/): VMs and vCPU threads, the dirty
# set, the verifiers (verify, round_check, live_check), fault injection, option
# parsing, the postmortem.
# Every KVM program links it with the modes (harness/modes/); nothing in
# it knows the benchmark or placement, which hook in from harness/tools/.
LIB_SRCS += harness/lib/dirty_set.c
LIB_SRCS += harness/lib/hugepages.c
LIB_SRCS += harness/lib/inject.c
LIB_SRCS += harness/lib/live_check.c
LIB_SRCS += harness/lib/median.c
LIB_SRCS += harness/lib/opt.c
LIB_SRCS += harness/lib/postmortem.c
LIB_SRCS += harness/lib/postmortem_guest.c
LIB_SRCS += harness/lib/postmortem_host.c
LIB_SRCS += harness/lib/round_check.c
LIB_SRCS += harness/lib/util.c
LIB_SRCS += harness/lib/vcpu_watch.c
LIB_SRCS += harness/lib/verify.c
LIB_SRCS += harness/lib/vm.c
# What differs per architecture (vcpu_arch.h): one folder each.
LIB_SRCS += harness/lib/$(DS_ARCH)/mappings.c
LIB_SRCS += harness/lib/$(DS_ARCH)/vcpu_arch.c
LIB_OBJS := $(patsubst %.c,$(B)/obj/%.o,$(LIB_SRCS))

# Link a KVM program: our objects, the framework, its string overrides.
define link_kvm
	@mkdir -p $(dir $@)
	$(CC) $(HOST_SAN) $(LDFLAGS_KVM) $(1) $^ $(LIBKVM_STRING) $(LIBKVM) $(LDLIBS_KVM) -o $@
endef
