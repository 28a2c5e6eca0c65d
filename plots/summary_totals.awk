# SPDX-License-Identifier: GPL-2.0
#
# summary_totals.awk: "N pass, N fail, N skip, N error" from a check run's
# summary.tsv (its version and header lines skipped):
#
#   awk -F '\t' -f summary_totals.awk summary.tsv

!/^#/ && NR > 2 { n[$2]++ }
END { printf "%d pass, %d fail, %d skip, %d error", n["pass"], n["fail"], n["skip"], n["error"] }
