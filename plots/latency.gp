# SPDX-License-Identifier: GPL-2.0
# Harvest latency distribution per mode: the empirical CDF of every
# measured round of the latency run.  Vars: dir modes.
load "plots/style.gp"
f = dir."/latency-samples.tsv"
set title "Harvest latency distribution (default workload, every measured round)"
set xlabel "harvest time per round (µs)"
set ylabel "fraction of rounds at or below"
set logscale x
set yrange [0:1.05]
plot for [m in modes] f using (col_if("harvest_ns", m) / 1e3):(1) smooth cnormal \
	with steps lw 2 lc rgb mode_color(m) title m
