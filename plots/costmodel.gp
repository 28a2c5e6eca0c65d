# SPDX-License-Identifier: GPL-2.0
# The cost model against the memory sweep's points: measured harvest time
# per round vs what a + b·GiB + c·pages gives, one colour a mode; on the
# diagonal the model holds.  Vars: dir modes.
load "plots/style.gp"
f = dir."/costmodel-points.tsv"
set title "Harvest cost: measured vs model a + b·GiB + c·pages"
set xlabel "model (µs)"
set ylabel "measured (µs)"
set logscale xy
plot for [md in "bitmap clear ring"] f using "model_us":(col_if("measured_us", md)) \
	with points pt 7 ps 0.8 lc rgb mode_color(md) title md, \
     x with lines dt 2 lc rgb "#888888" title "measured = model"
