# SPDX-License-Identifier: GPL-2.0
# Harvest cost vs guest memory size at two dirty fractions.  Vars: dir modes.
load "plots/style.gp"
f = dir."/fraction.tsv"
set title "Harvest cost vs memory size (median; solid 1% dirty, dashed 100%)"
set xlabel "guest test memory (MiB)"
set ylabel "harvest time per round (µs)"
set logscale xy 2
set format y "%g"
plot for [m in modes] f using 2:(column("dirty_pct") == 1 ? col_if("harvest_ns_median", m) / 1e3 : NaN) \
	with linespoints lw 2 pt 7 lc rgb mode_color(m) title m." 1%", \
     for [m in modes] f using 2:(column("dirty_pct") == 100 ? col_if("harvest_ns_median", m) / 1e3 : NaN) \
	with linespoints lw 2 pt 5 dt 2 lc rgb mode_color(m) title m." 100%"
