# SPDX-License-Identifier: GPL-2.0
# Placement (harness/placement.c): hwloc and libnuma.  Only the programs
# that place threads or memory link them, so ds-conform stays as it was.
PLACEMENT_OBJS := $(B)/obj/harness/placement.o
PLACEMENT_LIBS := -lhwloc -lnuma

BINS += $(B)/bin/ds-placement
$(B)/bin/ds-placement: $(B)/obj/harness/placement_check.o $(PLACEMENT_OBJS) \
		$(HARNESS_OBJS) $(GUEST_OBJS)
	$(call link_kvm) $(PLACEMENT_LIBS)

# The static copy for `dirtysuite vm`: Debian ships libhwloc.a but not
# libudev.a, which hwloc only uses to name I/O devices; the stub says
# "no udev" and hwloc carries on without device names.
STATIC_BINS += $(B)/static/bin/ds-placement
$(B)/static/bin/ds-placement: $(B)/obj/harness/placement_check.o \
		$(PLACEMENT_OBJS) $(B)/obj/harness/placement_noudev.o \
		$(HARNESS_OBJS) $(GUEST_OBJS)
	$(call link_kvm,-static) $(PLACEMENT_LIBS) -lm

# The parser's unit test runs on a synthetic topology: no KVM needed.
$(B)/tests/test-placement: $(B)/obj/tests/test-placement.o $(PLACEMENT_OBJS)
	@mkdir -p $(@D)
	$(CC) $(HOST_SAN) -no-pie -pthread $^ $(PLACEMENT_LIBS) -o $@
