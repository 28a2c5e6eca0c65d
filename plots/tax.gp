# SPDX-License-Identifier: GPL-2.0
# Tracking tax: the guest's round wall time with tracking on over the same
# round with tracking off, minus one.  Vars: dir modes mem0.
load "plots/style.gp"
f = dir."/fraction.tsv"
set title sprintf("Tracking tax per mode (%s MiB; median round time on vs off)", mem0)
set xlabel "dirty pages per round (% of guest memory)"
set ylabel "guest round time, tracking on vs off (% slower)"
set logscale x
set xzeroaxis lt -1
plot for [m in modes] f using 1:(column("mem_MiB") == mem0 + 0 ? col_if("tax_pct", m) : NaN) \
	with linespoints lw 2 pt 7 lc rgb mode_color(m) title m
