# SPDX-License-Identifier: GPL-2.0
#
# gate.awk: kernel/gate's verdict table, gate.tsv on stdout, from
# ds-compare's TSV and the two kernels' capabilities (ds-bench -C):
#
#   awk -F '\t' -f gate.awk compare.tsv OLD-caps.txt NEW-caps.txt
#
# one row a figure (figure, metric, OLD and NEW medians in us, ratio, p,
# the pairs that moved that way, verdict), then one row a capability: one
# that OLD reports and NEW lacks, or reports smaller, is REGRESSED, as a
# slower figure is.  Exit 1 when any row is REGRESSED.

BEGIN { OFS = "\t" }
function header() {
	print "# dirtysuite-gate v1"
	print "figure", "metric", "old_us", "new_us", "ratio", "p", "pairs", "verdict"
}
FILENAME == ARGV[1] {
	if (/^#/ || $1 == "figure")
		next
	if (!hdr++)
		header()
	printf "%s\t%s\t%.1f\t%.1f\t%s\t%s\t%s\t%s\n", $1, $2, $3 / 1000, $4 / 1000, $5, $6, $7, $10
	bad += $10 == "REGRESSED"
	next
}
# "NAME: VALUE" lines of ds-bench -C.
{
	split($0, kv, /: */)
	if (FILENAME == ARGV[2]) {
		if (!(kv[1] in old))
			order[++n] = kv[1]
		old[kv[1]] = kv[2]
	} else {
		cur[kv[1]] = kv[2]
	}
}
END {
	if (!hdr)
		header()
	for (i = 1; i <= n; i++) {
		c = order[i]
		v = (c in cur) ? cur[c] : "absent"
		verdict = "same"
		if (old[c] + 0 > 0 && (v == "absent" || v + 0 < old[c] + 0)) {
			verdict = "REGRESSED"
			bad++
		} else if (v != old[c]) {
			verdict = "changed"
		}
		print "cap:" c, "value", old[c], v, "-", "-", "-", verdict
	}
	exit bad ? 1 : 0
}
