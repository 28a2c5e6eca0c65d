# SPDX-License-Identifier: GPL-2.0
#
# matrix.awk: `dirtysuite merge`'s rule x kernel view, from the same
# "machine<TAB>key<TAB>value" facts as merge.awk, to matrix.tsv on stdout:
#
#   awk -F '\t' -f matrix.awk FACTS > matrix.tsv
#
# one column a folder (kernel), in the order given; one row a rule, each
# cell its result with the reason of a skip or an xfail ("skip: kernel
# lacks ..."); then one row a capability (kvm_cap.* of env.txt).  The
# first folder is the baseline: a capability it reports that a later one
# lacks, or reports smaller, is a regression, whatever the rules said
# (a SKIP tells the truth about one kernel and hides the loss across
# two).  Such a cell reads "0 REGRESSION (BASE: 3)"; the last line of
# stdout is then "# regressions: N".

function rule(k) { return k ~ /^[A-Z]+-[0-9]+$/ }
!($1 in mi) { mi[$1] = ++nm; mname[nm] = $1 }
$2 == "kernel" { kern[$1] = $3; next }
$2 ~ /^why:/ { why[$1, substr($2, 5)] = $3; next }
!($2 in ki) && (rule($2) || $2 ~ /^cap:/) { ki[$2] = ++nk; key[nk] = $2 }
{ val[$1, $2] = $3 }
END {
	n = 0
	for (k = 1; k <= nk; k++) if (rule(key[k])) ord[++n] = key[k]
	for (k = 1; k <= nk; k++) if (!rule(key[k])) ord[++n] = key[k]
	printf "# dirtysuite-matrix v1 baseline=%s\nrule", mname[1]
	for (m = 1; m <= nm; m++) printf "\t%s", mname[m]
	printf "\nkernel"
	for (m = 1; m <= nm; m++) printf "\t%s", (mname[m] in kern) ? kern[mname[m]] : "?"
	print ""
	bad = 0
	for (k = 1; k <= n; k++) {
		printf "%s", ord[k]
		base = val[mname[1], ord[k]]
		for (m = 1; m <= nm; m++) {
			c = ((mname[m], ord[k]) in val) ? val[mname[m], ord[k]] : "-"
			if ((c == "skip" || c == "xfail") && (mname[m], ord[k]) in why)
				c = c ": " why[mname[m], ord[k]]
			if (m > 1 && ord[k] ~ /^cap:/ && base != "" && base + 0 > 0 &&
			    c != "-" && c + 0 < base + 0) {
				c = c " REGRESSION (" mname[1] ": " base ")"
				bad++
			}
			printf "\t%s", c
		}
		print ""
	}
	if (bad)
		print "# regressions: " bad
}
