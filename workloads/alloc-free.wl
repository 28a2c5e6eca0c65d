# alloc-free: an allocator-heavy guest.  Pages are allocated (written) and
# half of them freed again before the harvest, with the guest publishing
# its free-page bitmap (ds_params.freemap_gva), like free page hinting.
# The report counts harvested pages that were already free at harvest
# time: copying them is wasted work a hinting-aware migration could skip.
memory = 64M
vcpus = 2
pattern = churn
dirty_pct = 5			# allocations per round
churn_pct = 50			# half the pages allocated this round are freed
rounds = 10
warmup = 2
modes = all
