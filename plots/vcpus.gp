# SPDX-License-Identifier: GPL-2.0
# Harvest cost vs vCPU count.  Vars: dir modes.
load "plots/style.gp"
f = dir."/vcpus.tsv"
set title "Harvest cost vs vCPUs (10% dirty, median per round)"
set xlabel "vCPUs (count)"
set ylabel "harvest time per round (µs)"
set logscale y
set xtics 1
plot for [m in modes] f using 1:(col_if("harvest_ns_median", m) / 1e3) \
	with linespoints lw 2 pt 7 lc rgb mode_color(m) title m
