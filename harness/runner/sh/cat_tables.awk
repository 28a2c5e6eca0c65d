# SPDX-License-Identifier: GPL-2.0
#
# cat_tables.awk: several ds-bench tables of one kind (one a memory size)
# as one, in the order given: the first file whole, the others without
# their comment lines and their header.
#
#   awk -f cat_tables.awk A.tsv B.tsv ... > ALL.tsv

FNR == 1 && NR > 1 { skip = 1 }
/^#/ && skip { next }
!/^#/ && skip && !hdr[FILENAME]++ { next }
{ print }
