# SPDX-License-Identifier: GPL-2.0
#
# user_time.awk: report.html's headline on dirtysuite's own time in a
# harvest (user_ns: the harness's steps beyond what any consumer of the
# mode must do), as % of the harvest, per mode: the median and range of
# the fraction sweep's per-point medians, and ns per harvested page.
#
#   awk -F '\t' -f plots/median.awk -f plots/user_time.awk fraction.tsv

/^#/ { next }
!h { for (i = 1; i <= NF; i++) c[$i] = i; h = 1
	# An older or partial table: no figure rather than $0 read as one.
	if (!("user_pct_median" in c) || !("user_ns_median" in c) || !("pages_median" in c)) exit
	next }
$c["mode"] != "off" && $c["user_pct_median"] != "nan" && !("verdict" in c && $c["verdict"] == "overflow") {
	m = $c["mode"]; if (!(m in n)) order[++nm] = m; v[m, ++n[m]] = $c["user_pct_median"] + 0
	if ($c["pages_median"] > 0) { pp[m, ++np[m]] = $c["user_ns_median"] / $c["pages_median"] } }

# med(a, m, k): the median of a[m, 1..k]; lo and hi become its range.
function med(a, m, k,    i, x, r) {
	for (i = 1; i <= k; i++) x[i] = a[m, i]
	r = median(x, k)
	lo = x[1]; hi = x[k]
	return r }

END { if (!nm) exit
	print "<p>dirtysuite's own time in a harvest (user_ns: the harness's steps beyond what any consumer of the mode must do, as % of the harvest's time, get + reset; goal under 2%):</p><ul>"
	for (i = 1; i <= nm; i++) { m = order[i]; x = med(v, m, n[m]); l = lo; u = hi
		y = np[m] ? med(pp, m, np[m]) : 0
		printf "<li%s>%s: <b>%.2f%%</b> median (range %.2f..%.2f%%, %d points), %.2f ns per harvested page</li>\n",
			(u >= 2 ? " class=\"fail\"" : ""), m, x, l, u, n[m], y }
	print "</ul>" }
