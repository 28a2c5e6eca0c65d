# live: the free-running sweep (ds-bench -x live, dirtysuite bench's live
# sweep).  The vCPU never stops; a harvester harvests every T ms beside
# it, and the guest records the gap between each write and the next.
#
# One vCPU: this host has two cores, one for the vCPU and one for the
# harvester, so that a long gap is tracking's doing and not the
# scheduler's.  256 MiB populated first: with the guest's instructions
# emulated here (README, Findings), populating 1 GiB alone takes 20 s.
memory = 256M
vcpus = 1
pattern = random		# every write a fresh page: each one meets the tracking
dirty_pct = 1			# a pass: 1% of the pages, then the next pass at once
populate = all			# no first touch in any measured write
modes = all
ring_entries = 4096		# KVM's usual ring: soft-full when a period dirties > ~4K pages
live_ms = 3000			# per point: 60 periods of 50 ms
