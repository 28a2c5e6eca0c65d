# SPDX-License-Identifier: GPL-2.0
#
# tsv_table.awk: a TSV's header and rows as an HTML table, '#' lines
# skipped; a result cell (pass/fail/skip/error) gets its class for colour.
# The input is already HTML-escaped:
#
#   html_esc < FILE.tsv | awk -F '\t' -f tsv_table.awk

BEGIN { print "<table>" }
/^#/ { next }
{ tag = n++ ? "td" : "th"; printf "<tr>"
  for (i = 1; i <= NF; i++) {
	cls = ($i ~ /^(pass|fail|skip|error)$/) ? " class=\"" $i "\"" : ""
	printf "<%s%s>%s</%s>", tag, cls, $i, tag
  }
  print "</tr>" }
END { print "</table>" }
