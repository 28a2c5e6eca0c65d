# migration-storm: the last pre-copy rounds of a busy guest, where writes
# outrun the copy: a large dirty set every round, across several memslots
# (as QEMU splits RAM around the PCI hole) and more vCPUs than cores.
memory = 192M
vcpus = 4			# oversubscribed on purpose: stalls show up
memslots = 3			# 64 MiB each
pattern = random
dirty_pct = 30
rounds = 6			# ~1.5 s of faults a round
warmup = 1
modes = all
ring_entries = 1024		# small rings: soft-full exits every round
