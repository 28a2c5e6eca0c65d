# SPDX-License-Identifier: GPL-2.0
#
# merge_facts.awk: one table of a results folder as `dirtysuite merge`'s
# "machine<TAB>key<TAB>value" lines:
#
#   awk -F '\t' -v m=MACHINE -v kind=KIND -f merge_facts.awk TABLE
#
#   summary    summary.tsv: each conformance ID's result, and its reason
#              as why:ID where it gives one
#   env        env.txt: each kvm_cap.NAME as cap:NAME
#   crossover  crossover.tsv: crossover_dirty_pct@<N>MiB
#   latency    latency.tsv: harvest_us_median:<mode>, the mode "off" and
#              a mode with no figure (nan) left out

kind == "summary" {
	if (/^#/ || $1 == "id" || NF < 2)
		next
	if ($1 !~ /^[A-Z]+-[0-9]+$/)
		next
	print m "\t" $1 "\t" $2
	if (NF >= 3 && $3 != "-")
		print m "\twhy:" $1 "\t" $3
	next
}
# "kvm_cap.NAME: VALUE" lines, as ds-bench -C printed them into env.txt.
kind == "env" {
	if (sub(/^kvm_cap\./, "")) {
		split($0, kv, /: */)
		print m "\tcap:" kv[1] "\t" kv[2]
	}
	next
}
/^#/ { next }
# The header names the columns; crossover.tsv takes a repeated name's
# last column, latency.tsv its first.
!h { for (i = 1; i <= NF; i++) if (kind == "crossover" || !($i in c)) c[$i] = i; h = 1; next }
kind == "crossover" {
	print m "\tcrossover_dirty_pct@" $c["mem_MiB"] "MiB\t" $c["crossover_dirty_pct"]
	next
}
kind == "latency" && $c["mode"] != "off" && $c["harvest_ns_median"] != "nan" {
	printf "%s\tharvest_us_median:%s\t%.1f\n", m, $c["mode"], $c["harvest_ns_median"] / 1000
}
