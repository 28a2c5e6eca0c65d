# SPDX-License-Identifier: GPL-2.0
# What the guest feels: for each mode of the live sweep, at its first
# harvest period, the share of the gaps between a vCPU's consecutive
# writes that were at least x long (a complementary CDF on log axes, so
# the tail, the stalls, is what the eye sees).  Vars: dir lmodes period.
load "plots/style.gp"
f = dir."/live-gaps.tsv"
set title sprintf("Gaps between a vCPU's writes, harvest every %s ms (live sweep)", period)
set xlabel "gap between consecutive writes (µs)"
set ylabel "share of gaps at least this long"
set logscale xy
set format y "10^{%L}"
in_period(m) = strcol("mode") eq m && column("period_ms") == period + 0 ? column("ccdf") : NaN
plot for [m in lmodes] f using "gap_us":(in_period(m)) \
	with steps lw 2 lc rgb mode_color(m) title m
