# SPDX-License-Identifier: GPL-2.0
#
# crossover_side.awk: the report's table of the model's bitmap/ring
# crossover per guest size, this host's KVM beside the TDP MMU's
# (make bench-tdp), as HTML:
#
#   awk -F '\t' -f crossover_side.awk DIR/crossover-model.tsv DIR/tdp/crossover-model.tsv

FNR == 1 { f++ }
/^#/ || FNR == 2 { next }
{ x[f, $1] = $2 " (" ($4 == "extrapolation" ? "extrapolated" : "measured range") ")"; if (!($1 in seen)) { seen[$1]; g[++n] = $1 } }
END {
	print "<div class=\"tbl\"><table><tr><th>GiB</th><th>this host (shadow MMU here)</th><th>TDP MMU (stock 6.12 under dirtysuite vm)</th></tr>"
	for (i = 1; i <= n; i++)
		printf "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n", g[i],
			((1, g[i]) in x) ? x[1, g[i]] : "-", ((2, g[i]) in x) ? x[2, g[i]] : "-"
	print "</table></div>"
}
