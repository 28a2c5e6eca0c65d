# SPDX-License-Identifier: GPL-2.0
#
# median.awk: the median of a sample, for the awk programs that need one
# (plots/report.sh, harness/runner/sh/validate.awk): awk -f median.awk
# -f PROGRAM.  The C side has its own (harness/tools/bench/bench_stats.c); a
# dozen points do not call for more than an insertion sort here.

# median(x, n): the median of the numbers x[1..n], which are left sorted,
# so that x[1] and x[n] are the minimum and the maximum.  An even n gives
# the mean of the two middle values.
function median(x, n,    i, j, t)
{
	for (i = 2; i <= n; i++) {
		t = x[i]
		for (j = i - 1; j >= 1 && x[j] > t; j--)
			x[j + 1] = x[j]
		x[j + 1] = t
	}
	return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
}
