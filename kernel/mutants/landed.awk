# SPDX-License-Identifier: GPL-2.0
#
# awk -v tree=DIR -f landed.awk MUTANT.patch DRYRUN.txt
#
# Did each hunk of a mutant land in the function its @@ line names?
# DRYRUN.txt is `patch -p1 --dry-run --verbose` of MUTANT.patch in DIR:
# its "Hunk #k succeeded at N" gives where the hunk would go.  patch
# applies a hunk at the nearest place whose context matches, and that
# need not be the function the mutant was written for: kvm_main.c has
# the same slot-id check in kvm_get_dirty_log() and in
# kvm_get_dirty_log_protect(), and once a newer 6.12 moved the lines,
# 03-getlog-slot-limit went into the one x86 never calls and survived.
# The line git names after the second @@ is the nearest line before the
# hunk that starts with a letter, _ or $; the same search in DIR must
# find a line that starts with that text.  Exit 1, naming the hunk,
# where it does not.

FNR == 1 { part++ }
part == 1 && /^\+\+\+ b\// { file = substr($0, 7) }
part == 1 && /^@@ / {
	n++
	hfile[n] = file
	c = $0
	sub(/^@@ [^@]* @@ ?/, "", c)
	ctx[n] = c
}
part == 2 && /^Hunk #[0-9]+ succeeded at [0-9]+/ {
	m++
	at[m] = $5 + 0
}
END {
	if (m != n) {
		printf "landed.awk: %d hunks in the patch, %d placed by patch\n", n, m
		exit 1
	}
	bad = 0
	for (i = 1; i <= n; i++) {
		if (ctx[i] == "")
			continue
		path = tree "/" hfile[i]
		fn = ""
		for (l = 1; l < at[i] && (getline line < path) > 0; l++)
			if (line ~ /^[A-Za-z_$]/)
				fn = line
		close(path)
		if (index(fn, ctx[i]) != 1) {
			printf "hunk %d of %s goes to line %d, inside '%s', not '%s'\n",
				i, hfile[i], at[i], fn, ctx[i]
			bad = 1
		}
	}
	exit bad
}
