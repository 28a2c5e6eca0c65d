# SPDX-License-Identifier: GPL-2.0
# Placement (placement.c, its read-back placement_report.c): hwloc and
# libnuma.  Only the programs that place threads or memory link them, so
# ds-conform stays as it was.
PLACEMENT_OBJS := $(B)/obj/harness/tools/placement/placement.o \
	$(B)/obj/harness/tools/placement/placement_report.o
PLACEMENT_LIBS := -lhwloc -lnuma

BINS += $(B)/bin/ds-placement
$(B)/bin/ds-placement: $(B)/obj/harness/tools/placement/placement_main.o $(PLACEMENT_OBJS) \
		$(HOST_OBJS) $(GUEST_OBJS)
	$(call link_kvm) $(PLACEMENT_LIBS)

# The static copy for `dirtysuite vm`: Debian ships libhwloc.a but not
# libudev.a, which hwloc only uses to name I/O devices; the stub says
# "no udev" and hwloc carries on without device names.
STATIC_BINS += $(B)/static/bin/ds-placement
$(B)/static/bin/ds-placement: $(B)/obj/harness/tools/placement/placement_main.o \
		$(PLACEMENT_OBJS) $(B)/obj/harness/tools/placement/placement_noudev.o \
		$(HOST_OBJS) $(GUEST_OBJS)
	$(call link_kvm,-static) $(PLACEMENT_LIBS) -lm

# The parser's unit test runs on a synthetic topology: no KVM needed.
$(B)/tests/test-placement: $(B)/obj/tests/test-placement.o $(PLACEMENT_OBJS)
	@mkdir -p $(@D)
	$(CC) $(HOST_SAN) -no-pie -pthread $^ $(PLACEMENT_LIBS) -o $@

# The NUMA path end to end: a 2-node guest (dirtysuite vm --numa 2), guest
# memory bound to node 1 and read back there, vCPUs and harvester on both
# nodes; then the standard harvester sweep.  Needs the stock kernel.
.PHONY: placement-vm-check
placement-vm-check: static kernel-stock
	harness/runner/dirtysuite vm --kernel $(B)/kernel/stock/bzImage --numa 2 \
		--no-build --name numa --cmd 'mkdir -p /ds/results && \
		build/bin/ds-placement --vcpu-cpus node:0/node:1 --harvest-cpu node:1 \
			--mem-node 1 --mib 16 --rounds 2 --tsv /ds/results/placement.tsv && \
		build/bin/ds-placement --sweep --mib 16 --rounds 2 \
			--tsv /ds/results/placement-sweep.tsv'
