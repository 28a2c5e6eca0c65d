# SPDX-License-Identifier: GPL-2.0
# The one style every dirtysuite plot shares: terminal, font, palette,
# grid.  plot.sh loads it first with `term` set to "png" or "svg" and
# `out` to the output file.  Tables are read raw: units are converted in
# each script's `using`, never in the data.
if (term eq "png") {
	set terminal pngcairo size 900,560 enhanced font "DejaVu Sans,11"
} else {
	set terminal svg size 900,560 dynamic enhanced font "DejaVu Sans,11" background rgb "white"
}
set output out
set datafile separator "\t"
set datafile columnheaders
set datafile missing "nan"
set grid xtics ytics mxtics mytics lc rgb "#dddddd"
set key outside right top box opaque samplen 2 spacing 1.1
set border lw 1.2
# One colour per mode, the same in every plot; memory sizes differ by dash.
mode_color(m) = (m eq "bitmap") ? 0x1f77b4 : (m eq "clear") ? 0x2ca02c : \
	(m eq "ring") ? 0xd62728 : (m eq "off") ? 0x7f7f7f : 0x9467bd
mem_dash(i) = i
# col_if(name, mode): column @name on rows of @mode, else NaN (skipped).
col_if(c, m) = strcol("mode") eq m ? column(c) : NaN
