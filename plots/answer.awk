# SPDX-License-Identifier: GPL-2.0
#
# answer.awk: the report's first section, the answer a reader came for:
# for a guest of X GiB dirtying Y pages/s, harvested every T ms, which
# mode costs the harvester less, and by how much.  It comes from the
# memory sweep's cost model (costmodel.tsv: per harvest, a + b·GiB +
# c·pages µs), so it holds where the model does; sizes past the largest
# measured (gmax) are an extrapolation and marked so.
#
#   awk -F '\t' -v gmax=GIB -f answer.awk costmodel.tsv
#
# Prints HTML: a small calculator (inline script, no network: the report
# reads offline) and the same answer as a fixed grid for readers without
# script.  The cost of a harvest of P pages, per second of guest time, is
# (a + b·G + c·P) / T; P = Y·T, at most every page of the guest.

function cost(m, G, Y, T,    P) {	# ms of harvest per second of guest time
	P = Y * T / 1000
	if (P > G * 262144)
		P = G * 262144
	return (A[m] + B[m] * G + C[m] * P) / T
}
function ms(v) { return v >= 10 ? sprintf("%.0f", v) : v >= 1 ? sprintf("%.1f", v) : sprintf("%.2g", v) }
function times(v) { return v >= 10 ? sprintf("%.0f×", v) : sprintf("%.1f×", v) }
# The cheapest mode at (G, Y, T) and, against the next one, how much.
function verdict(G, Y, T,    i, best, second, cb, cs, c) {
	best = ""; second = ""
	for (i = 1; i <= n; i++) {
		c = cost(md[i], G, Y, T)
		if (best == "" || c < cb) { second = best; cs = cb; best = md[i]; cb = c }
		else if (second == "" || c < cs) { second = md[i]; cs = c }
	}
	if (second == "" || cb <= 0)
		return "<b>" best "</b> " ms(cb) " ms/s"
	# Closer than the two models' error: no answer the fit can give.
	if (cs / cb < 1 + (E[best] > E[second] ? E[best] : E[second]))
		return sprintf("%s &asymp; %s, %s ms/s (within the error of the model)", best, second, ms(cb))
	return sprintf("<b>%s</b> %s ms/s, %s less than %s", best, ms(cb), times(cs / cb), second)
}
/^#/ { next }
!h { for (i = 1; i <= NF; i++) col[$i] = i; h = 1; next }
$col["mode"] != "" {
	m = $col["mode"]
	md[++n] = m
	# µs per harvest over ms between harvests: ms per second.
	A[m] = $col["a_us"]; B[m] = $col["b_us_per_GiB"]; C[m] = $col["c_us_per_page"]
	E[m] = $col["rms_resid_pct"] / 100	# the model's own error, as a fraction
}
END {
	if (!n) {
		print "<p>No memory sweep: no cost model to answer from.</p>"
		exit 0
	}
	print "<div class=\"answer\"><form onsubmit=\"return false\">For a guest of"
	print " <input id=\"g\" type=\"number\" value=\"16\" min=\"0.0625\" step=\"any\" size=\"6\"> GiB"
	print " dirtying <input id=\"y\" type=\"number\" value=\"10000\" min=\"1\" step=\"any\" size=\"8\"> pages/s,"
	print " harvested every <input id=\"t\" type=\"number\" value=\"50\" min=\"1\" step=\"any\" size=\"5\"> ms:"
	print " <output id=\"ans\"><i>(needs script; the grid below has the same answer)</i></output></form></div>"
	printf "<script>\nconst M = {"
	for (i = 1; i <= n; i++)
		printf "%s\"%s\": [%.6g, %.6g, %.9g, %.3g]", (i > 1 ? ", " : ""), md[i], A[md[i]], B[md[i]], C[md[i]], E[md[i]]
	printf "};\nconst GMAX = %g;\n", gmax
	print "function answer() {"
	print "  const g = +document.getElementById('g').value, y = +document.getElementById('y').value,"
	print "        t = +document.getElementById('t').value;"
	print "  const p = Math.min(y * t / 1000, g * 262144);"
	print "  const c = Object.keys(M).map(m => [m, (M[m][0] + M[m][1] * g + M[m][2] * p) / t]).sort((a, b) => a[1] - b[1]);"
	print "  const f = v => v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2);"
	print "  let s = '<b>' + c[0][0] + '</b> costs the harvester ' + f(c[0][1]) + ' ms per second';"
	print "  const e = c.length > 1 ? Math.max(M[c[0][0]][3], M[c[1][0]][3]) : 0;"
	print "  if (c.length > 1 && c[0][1] > 0 && c[1][1] / c[0][1] < 1 + e)"
	print "    s = c[0][0] + ' and ' + c[1][0] + ' cost the same, within the error of the model (' + (100 * e).toFixed(0) + ' %)';"
	print "  else if (c.length > 1 && c[0][1] > 0)"
	print "    s += ', ' + f(c[1][1] / c[0][1]) + '× less than ' + c[1][0] + ' (' + f(c[1][1]) + ' ms/s)';"
	print "  s += ' (' + c.map(e => e[0] + ' ' + f(e[1])).join(', ') + ' ms/s)';"
	print "  if (g > GMAX) s += ' <i>— extrapolated: the largest guest measured is ' + GMAX + ' GiB</i>';"
	print "  document.getElementById('ans').innerHTML = s;"
	print "}"
	print "for (const id of ['g', 'y', 't']) document.getElementById(id).addEventListener('input', answer);"
	print "answer();\n</script>"
	split("1 4 16 64 256 1024", gs, " ")
	split("1000 10000 100000", ys, " ")
	print "<p>The same at a harvest every 50 ms: the cheapest mode, its harvest time per second of guest time, and how much less it costs than the next mode.</p>"
	print "<div class=\"tbl\"><table><tr><th>guest</th>"
	for (j = 1; j <= 3; j++)
		printf "<th>%s pages/s</th>", (ys[j] >= 1000 ? ys[j] / 1000 "k" : ys[j])
	print "</tr>"
	for (i = 1; i <= 6; i++) {
		printf "<tr><th>%s GiB%s</th>", gs[i], (gs[i] > gmax * 1.0001 ? " <i>(extrapolated)</i>" : "")
		for (j = 1; j <= 3; j++)
			printf "<td>%s</td>", verdict(gs[i], ys[j], 50)
		print "</tr>"
	}
	print "</table></div>"
}
