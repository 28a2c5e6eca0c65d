# checkpoint: incremental checkpoints at a short interval: each round has a
# small dirty budget, so the cost that matters is the fixed per-harvest one.
memory = 128M
vcpus = 2
pattern = random
dirty_pct = 0.2			# the small budget: ~65 pages per vCPU a round
rounds = 30			# frequent checkpoints: many cheap samples
warmup = 2
modes = all
clear_shift = 6			# CLEAR only the few words that have bits set
