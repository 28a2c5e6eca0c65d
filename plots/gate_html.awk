# SPDX-License-Identifier: GPL-2.0
#
# gate_html.awk: kernel/gate's report.html from its gate.tsv:
#
#   awk -F '\t' -v base=OLD -v new=NEW -f gate_html.awk gate.tsv
#
# the verdict first, then every figure and capability, a regression red.

function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
/^#/ { next }
{ row[++nr] = $0; bad += $NF == "REGRESSED" }
END {
	print "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>dirtysuite kernel gate</title><style>"
	print "body { font: 14px sans-serif; margin: 2em } table { border-collapse: collapse }"
	print "td, th { border: 1px solid #bbb; padding: 2px 6px; font-size: 12px } th { background: #eee }"
	print ".REGRESSED { background: #f4b4b4 } .improved { background: #c8f0c8 }"
	print "</style></head><body><h1>dirtysuite: " esc(new) " against " esc(base) "</h1>"
	printf "<p><b>%s</b></p>\n", bad ? bad " figure(s) or capability(ies) REGRESSED" : "No regression."
	print "<table>"
	for (r = 1; r <= nr; r++) {
		nf = split(row[r], f, "\t")
		printf "<tr%s>", (r > 1 ? " class=\"" f[nf] "\"" : "")
		for (i = 1; i <= nf; i++)
			printf r == 1 ? "<th>%s</th>" : "<td>%s</td>", esc(f[i])
		print "</tr>"
	}
	print "</table><p>A figure regressed when its median grew by more than the threshold, the Mann-Whitney U test on the pooled per-round samples gave p below alpha, and it grew in every pair of boots on its own (kernel/gate --help).</p></body></html>"
}
