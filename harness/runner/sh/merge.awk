# SPDX-License-Identifier: GPL-2.0
#
# merge.awk: `dirtysuite merge`'s pivot, "machine<TAB>key<TAB>value" lines
# (the facts of every folder) to merge.tsv on stdout:
#
#   awk -F '\t' -v tol=PCT -f merge.awk FACTS > merge.tsv
#
# one row a machine, in the order given; one column a key, IDs first,
# then crossovers, then costs, each group in the order first seen; "-"
# where a machine has no value.  plots/merge_html.awk renders it.

function rank(k) { return k ~ /^[A-Z]+-[0-9]+$/ ? 1 : k ~ /^crossover/ ? 2 : 3 }
function cell(m, k) { return ((m, k) in val) ? val[m, k] : "-" }
!($1 in mi) { mi[$1] = ++nm; mname[nm] = $1 }
$2 == "kernel" { kern[$1] = $3; next }
# The matrix's facts (sh/matrix.awk): reasons and capabilities.
$2 ~ /^(why|cap):/ { next }
!($2 in ki) { ki[$2] = ++nk; key[nk] = $2 }
{ val[$1, $2] = $3 }
END {
	# Stable order by group, then first seen.
	n = 0
	for (g = 1; g <= 3; g++)
		for (k = 1; k <= nk; k++)
			if (rank(key[k]) == g)
				ord[++n] = key[k]
	printf "# dirtysuite-merge v1 tolerance_pct=%d\nmachine\tkernel", tol
	for (k = 1; k <= n; k++) printf "\t%s", ord[k]
	print ""
	for (m = 1; m <= nm; m++) {
		printf "%s\t%s", mname[m], kern[mname[m]]
		for (k = 1; k <= n; k++)
			printf "\t%s", cell(mname[m], ord[k])
		print ""
	}
}
