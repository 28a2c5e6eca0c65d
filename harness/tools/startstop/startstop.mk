# SPDX-License-Identifier: GPL-2.0
# ds-startstop: the cost of turning dirty logging on and off, per GiB, and
# how long huge mappings take to come back after.
STARTSTOP_OBJS := $(B)/obj/harness/tools/startstop/startstop_main.o \
	$(B)/obj/harness/tools/startstop/hugeback.o

BINS += $(B)/bin/ds-startstop
$(B)/bin/ds-startstop: $(STARTSTOP_OBJS) $(HOST_OBJS) $(GUEST_OBJS)
	$(call link_kvm)

# Static, for the same measurement inside `dirtysuite vm` (TDP MMU).
STATIC_BINS += $(B)/static/bin/ds-startstop
$(B)/static/bin/ds-startstop: $(STARTSTOP_OBJS) $(HOST_OBJS) $(GUEST_OBJS)
	$(call link_kvm,-static)
