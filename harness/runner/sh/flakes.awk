# SPDX-License-Identifier: GPL-2.0
#
# flakes.awk: `dirtysuite flakes`' verdict over the summary.tsv of every
# run, one file a run:
#
#   awk -f flakes.awk SUMMARY...
#
# prints "changed<TAB>ID<TAB>result:count..." for each test whose result
# was not the same in every run (a test missing from a run counts as
# changed), "known<TAB>..." for a known kernel bug that showed on some
# runs only, then one line of totals; exit 0 all the same, 1 some
# changed, 3 a file that is not a dirtysuite-summary v1.

FNR == 1 {
	nrun++
	if ($0 != "# dirtysuite-summary v1") {
		printf "dirtysuite flakes: %s: not a dirtysuite-summary v1\n", \
			FILENAME > "/dev/stderr"
		bad = 1
		exit 3
	}
	next
}
FNR == 2 { next }
{
	split($0, f, "\t")
	id = f[1]
	if (!(id in first)) { first[id] = f[2]; order[++nid] = id }
	count[id, f[2]]++
	seen[id]++
	if (f[2] != first[id]) changed[id] = 1
	runs[id, f[2]] = runs[id, f[2]] " " nrun
	names[f[2]] = 1
}
END {
	if (bad)
		exit 3
	nbad = 0
	for (i = 1; i <= nid; i++) {
		id = order[i]
		if (!changed[id] && seen[id] == nrun)
			continue
		line = ""
		for (r in names)
			if (count[id, r])
				line = line " " r ":" count[id, r]
		if (seen[id] < nrun)
			line = line " missing:" nrun - seen[id]
		# A known kernel bug (suite/known-issues) that shows
		# on some runs only: the race is in the kernel, and
		# every run named it; listed, not counted as a flake.
		if (seen[id] == nrun &&
		    count[id, "pass"] + count[id, "xfail"] == nrun) {
			printf "known\t%s\t%s\n", id, substr(line, 2)
			nknown++
			continue
		}
		printf "changed\t%s\t%s\n", id, substr(line, 2)
		nbad++
	}
	printf "dirtysuite flakes: %d of %d tests changed over %d runs%s\n", \
		nbad, nid, nrun, nknown ? " (" nknown " known kernel bugs showed on some runs only)" : ""
	exit nbad ? 1 : 0
}
