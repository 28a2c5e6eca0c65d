# idle-vm: a guest that hardly writes, like a parked VM being migrated.
# The harvest cost is then all fixed cost: walking the bitmap or finding an
# empty ring, which is what the bitmap pays per GiB whatever the guest does.
memory = 128M			# the fixed cost grows with memory; 2x default
vcpus = 2
pattern = random
dirty_pct = 0.01		# 3 pages a round per vCPU: timer ticks and logs
rounds = 20			# the rounds are cheap: more samples for p99
warmup = 2
modes = all
