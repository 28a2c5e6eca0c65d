# SPDX-License-Identifier: GPL-2.0
#
# html_table.awk: report.html's table of the named columns of a bench
# table's rows:
#
#   awk -F '\t' -v cols="COLUMN..." -v where=FILTER -f html_table.awk FILE
#
# FILTER is "-" (every row) or tests joined by ',', each COLUMN=VALUE or
# COLUMN!=VALUE (numbers compare as numbers: dirty_pct=1 takes 1.0).
# Cells are shown for a reader (shown(), below), the raw TSV beside them.

function isnum(s) { return s ~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/ }
function same(a, b) { return isnum(a) && isnum(b) ? a + 0 == b + 0 : a == b }
# A time in ns (a harvest's, a round's) shown in µs, the unit the report's
# text uses; such a column's head says so.
function in_us(name) { return name ~ /(^|_)(harvest|get|reset|user|wall|stall)_ns(_|$)/ }
function head(name) { if (in_us(name)) sub(/_ns/, "_µs", name); gsub(/_/, "_<wbr>", name); return name }
# A cell as a reader wants it: no nan (a dash), no exponent, 4
# significant digits at most where there is a fraction.
function shown(name, v,    x) {
	if (v == "nan" || v == "")
		return "–"
	if (!isnum(v))
		return v
	x = v + 0
	if (in_us(name))
		x /= 1000
	if (x >= 10000 || x <= -10000 || x == int(x))
		return sprintf("%.0f", x)
	return sprintf("%.4g", x)
}
function wanted(    i) {
	for (i = 1; i <= nw; i++)
		if (same(col[wk[i]], wv[i]) != weq[i])
			return 0
	return 1
}
BEGIN {
	nw = where == "-" ? 0 : split(where, w, ",")
	for (i = 1; i <= nw; i++) {
		weq[i] = w[i] !~ /!=/
		wk[i] = w[i]; sub(/!?=.*/, "", wk[i])
		wv[i] = w[i]; sub(/^[^=]*=/, "", wv[i])
	}
}
/^#/ { next }
!h { for (i = 1; i <= NF; i++) idx[$i] = i; h = 1
     n = split(cols, c, " "); printf "<div class=\"tbl\"><table><tr>"
     # Long column names may break after an underscore, not overflow.
     for (i = 1; i <= n; i++) printf "<th>%s</th>", head(c[i])
     print "</tr>"; next }
{ for (k in idx) col[k] = $idx[k] }
wanted() { printf "<tr>"
     for (i = 1; i <= n; i++) {
	printf "<td>%s</td>", shown(c[i], col[c[i]]) }
     print "</tr>" }
END { print "</table></div>" }
