# SPDX-License-Identifier: GPL-2.0
#
# merge_html.awk: `dirtysuite merge`'s report.html from its merge.tsv:
#
#   awk -F '\t' -v tol=PCT -f merge_html.awk merge.tsv > report.html
#
# the same table; a column whose machines disagree is marked, and each
# cell that differs from the first machine that has a value is
# highlighted (numbers: by more than tol percent); "-" is no data, never
# a difference.

function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
function num(s) { return s ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ }
function differs(a, b) {
	if (a == "-" || b == "-")	# no data on one side is not a difference
		return 0
	if (num(a) && num(b))
		return (a + 0 == 0 && b + 0 == 0) ? 0 : \
		       (a - b < 0 ? b - a : a - b) * 100 > tol * (a < 0 ? -a : a)
	return a != b
}
FNR == 1 { next }	# the version line
!h { for (k = 3; k <= NF; k++) ord[k - 2] = $k; n = NF - 2; h = 1; next }
{ mname[++nm] = $1; kern[$1] = $2; for (k = 3; k <= NF; k++) val[nm, k - 2] = $k }
END {
	for (k = 1; k <= n; k++) {
		diff[k] = 0
		ref[k] = "-"
		for (m = 1; m <= nm; m++)
			if (ref[k] == "-")
				ref[k] = val[m, k]
			else if (differs(ref[k], val[m, k]))
				diff[k] = 1
		ndiff += diff[k]
	}
	print "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>dirtysuite merge</title><style>"
	print "body { font: 14px sans-serif; margin: 2em } table { border-collapse: collapse }"
	print "td, th { border: 1px solid #bbb; padding: 2px 6px } th { background: #eee; font-size: 12px }"
	print ".pass { background: #c8f0c8 } .fail, .error { background: #f4b4b4 } .skip { background: #f4e4a4 }"
	print "th.diff { background: #fc8; } td.diff { outline: 3px solid #e60; font-weight: bold }"
	print "</style></head><body><h1>dirtysuite: " nm " machines side by side</h1>"
	printf "<p>%d of %d columns differ between machines (marked; a highlighted cell differs from the first machine with a value%s).</p>\n", \
		ndiff, n, tol ? ", numbers by more than " tol "%" : ""
	printf "<table><tr><th>machine</th><th>kernel</th>"
	for (k = 1; k <= n; k++)
		printf "<th%s>%s</th>", diff[k] ? " class=\"diff\"" : "", esc(ord[k])
	print "</tr>"
	for (m = 1; m <= nm; m++) {
		printf "<tr><th>%s</th><td>%s</td>", esc(mname[m]), esc(kern[mname[m]])
		for (k = 1; k <= n; k++) {
			v = val[m, k]
			cls = v ~ /^(pass|fail|skip|error)$/ ? v : ""
			if (v != ref[k] && differs(ref[k], v))
				cls = cls " diff"
			printf "<td%s>%s</td>", cls ? " class=\"" cls "\"" : "", esc(v)
		}
		print "</tr>"
	}
	print "</table><p>Costs: median harvest time per mode (us) from each latency.tsv; crossover: the dirty % where the ring gets cheaper than the bitmap (nan: none).</p></body></html>"
}
