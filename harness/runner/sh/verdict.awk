# SPDX-License-Identifier: GPL-2.0
#
# verdict.awk: the one rule `dirtysuite bench --validate` judges each
# figure by, for validate.awk and validate_live.awk alike: ds-bench
# within 10 % of dirty_log_perf_test, on at least 20 samples a side
# (issue 13's check; at 4 a side three runs put the bitmap's get at
# 1.59-2.34 times the perf test's).
#
#   awk -f verdict.awk -f validate.awk ...

# verdict(r, n1, n2): "agree", "DIFFER" or "TOO FEW (n < 20)" for the
# ratio r of two figures taken over n1 and n2 samples.
function verdict(r, n1, n2) {
	if (n1 < 20 || n2 < 20)
		return "TOO FEW (n < 20)"
	return r >= 0.9 && r <= 1.1 ? "agree" : "DIFFER"
}
