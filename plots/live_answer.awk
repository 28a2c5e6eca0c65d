# SPDX-License-Identifier: GPL-2.0
#
# live_answer.awk: the report's "what the guest feels", from the live
# sweep's live.tsv: per mode at each harvest period, the gaps between a
# vCPU's consecutive writes (p50, p99, p99.9, max), its write rate and
# tracking tax, and the harvester's CPU, with units, rounded to what the
# noise of a few seconds' run supports (3 significant digits).
#
#   awk -F '\t' -f live_answer.awk live.tsv

function r3(v) { return v == "nan" || v == "" ? "–" : v + 0 >= 100 ? sprintf("%.0f", v) : sprintf("%.3g", v) }
function tax(p, lo, hi, v) {
	# Below zero throughout: a bug in the measurement, not a figure.
	if (v == "tax-bug")
		return sprintf("measurement bug (%+.1f … %+.1f %%)", lo, hi)
	if (p == "nan" || p == "")
		return "–"
	return sprintf("%+.1f %% (%+.1f … %+.1f)", p, lo, hi)
}
/^#/ { next }
!h { for (i = 1; i <= NF; i++) c[$i] = i; h = 1
	print "<div class=\"tbl\"><table><tr><th>every</th><th>mode</th><th>gap p50</th><th>p99</th><th>p99.9</th><th>max</th><th>writes/s</th><th>tracking tax (95 %)</th><th>harvester CPU</th><th>soft-full exits</th><th>verdict</th></tr>"
	next }
{
	v = $c["verdict"]
	if (v == "skip")
		next
	printf "<tr><td>%s ms</td><td>%s</td><td>%s µs</td><td>%s µs</td><td>%s µs</td><td>%s µs</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
		$c["period_ms"], $c["mode"], r3($c["gap_p50_us"]), r3($c["gap_p99_us"]),
		r3($c["gap_p999_us"]), r3($c["gap_max_us"]), r3($c["writes_per_s"]),
		($c["mode"] == "off" ? "baseline" : tax($c["tax_pct"], $c["tax_lo_pct"], $c["tax_hi_pct"], v)),
		($c["mode"] == "off" ? "–" : r3($c["harvester_cpu_ms_per_s"]) " ms/s"),
		($c["mode"] == "off" ? "–" : r3($c["full_exits_per_s"]) "/s, " r3($c["full_exit_ms_per_s"]) " ms/s"),
		(v == "ok" ? "ok" : "<b class=\"fail\">" v "</b>")
}
END { if (h) print "</table></div>" }
