# SPDX-License-Identifier: GPL-2.0
#
# matrix_text.awk: `dirtysuite merge`'s matrix.tsv as a plain-text table
# for a log (make kernel-check ends with it), columns padded to fit and a
# cell cut to 36 characters (matrix.tsv and matrix.html keep it whole):
#
#   awk -F '\t' -f matrix_text.awk matrix.tsv

BEGIN { OFS = "\t" }
/^#/ { next }
{
	for (i = 1; i <= NF; i++)
		if (length($i) > 36)
			$i = substr($i, 1, 35) "~"
	row[++nr] = $0
	for (i = 1; i <= NF; i++)
		if (length($i) > w[i])
			w[i] = length($i)
}
END {
	for (r = 1; r <= nr; r++) {
		nf = split(row[r], f, "\t")
		line = ""
		for (i = 1; i <= nf; i++)
			line = line sprintf(i < nf ? "%-" w[i] "s  " : "%s", f[i])
		print line
	}
}
