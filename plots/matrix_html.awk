# SPDX-License-Identifier: GPL-2.0
#
# matrix_html.awk: `dirtysuite merge`'s matrix.html from its matrix.tsv:
#
#   awk -F '\t' -f matrix_html.awk matrix.tsv > matrix.html
#
# rules down, kernels across, each cell coloured by its result; a
# capability that regressed against the first (baseline) column is red.

function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
function cls(v) {
	if (v ~ /REGRESSION/) return "fail"
	sub(/:.*/, "", v)
	return v ~ /^(pass|fail|skip|xfail|error)$/ ? v : ""
}
/^# regressions:/ { nreg = $0; sub(/^# regressions: /, "", nreg); next }
/^#/ { next }
{ row[++nr] = $0 }
END {
	print "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>dirtysuite matrix</title><style>"
	print "body { font: 14px sans-serif; margin: 2em } table { border-collapse: collapse }"
	print "td, th { border: 1px solid #bbb; padding: 2px 6px; font-size: 12px } th { background: #eee }"
	print ".pass { background: #c8f0c8 } .fail, .error { background: #f4b4b4 } .skip { background: #f4e4a4 } .xfail { background: #d8d8f4 }"
	print "</style></head><body><h1>dirtysuite: rules by kernel</h1>"
	printf "<p>%s capability regression(s) against the first column.</p>\n", nreg ? nreg : "No"
	print "<table>"
	for (r = 1; r <= nr; r++) {
		nf = split(row[r], f, "\t")
		printf "<tr>"
		for (i = 1; i <= nf; i++) {
			if (r <= 2 || i == 1)
				printf "<th>%s</th>", esc(f[i])
			else
				printf "<td%s>%s</td>", cls(f[i]) ? " class=\"" cls(f[i]) "\"" : "", esc(f[i])
		}
		print "</tr>"
	}
	print "</table></body></html>"
}
