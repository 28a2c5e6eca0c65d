# SPDX-License-Identifier: GPL-2.0
#
# html_table.awk: report.html's table of the named columns of a bench
# table's rows:
#
#   awk -F '\t' -v cols="COLUMN..." -v where=FILTER -f html_table.awk FILE
#
# FILTER is "-" (every row) or tests joined by ',', each COLUMN=VALUE or
# COLUMN!=VALUE (numbers compare as numbers: dirty_pct=1 takes 1.0).  A
# number with a fraction is printed to 4 significant digits.

function isnum(s) { return s ~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/ }
function same(a, b) { return isnum(a) && isnum(b) ? a + 0 == b + 0 : a == b }
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
     for (i = 1; i <= n; i++) { t = c[i]; gsub(/_/, "_<wbr>", t); printf "<th>%s</th>", t }
     print "</tr>"; next }
{ for (k in idx) col[k] = $idx[k] }
wanted() { printf "<tr>"
     for (i = 1; i <= n; i++) {
	v = col[c[i]]
	if (v ~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/ && v != int(v)) v = sprintf("%.4g", v)
	printf "<td>%s</td>", v }
     print "</tr>" }
END { print "</table></div>" }
