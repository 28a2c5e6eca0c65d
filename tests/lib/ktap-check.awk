# SPDX-License-Identifier: GPL-2.0
#
# ktap-check.awk: check that a dirtysuite run's output is KTAP v1 as
# Documentation/dev-tools/ktap.rst has it, and that its totals add up.
#
#   awk -f ktap-check.awk ktap.txt
#
# Checks: a version line opens every level, the plan comes before the
# results and matches their count, results are numbered 1, 2, ... and
# well formed (a name; ok's only directive is SKIP), subtests are
# indented by two spaces and followed by their parent's result, and the
# "# Totals:" line and the final "N passed, N failed, N skipped" line
# both agree with the leaf results ("not ok ... # XFAIL", a known kernel
# bug, counts as xfail in Totals and with the skips on the final line).  Prints one line per problem and
# exits 1, or prints the leaf counts and exits 0.

function bad(msg) {
	printf "ktap: line %d: %s: %s\n", NR, msg, $0
	errors++
}

function close_level(d) {
	if (plan[d] < 0)
		bad("level " d " closed without a plan")
	else if (cnt[d] != plan[d])
		bad("plan 1.." plan[d] " but " cnt[d] " results")
}

BEGIN { depth = -1 }

{ sub(/\r$/, "") }

final_seen { bad("line after the final summary line"); next }

/^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$/ {
	split($0, f, /[ ,]+/)
	fin_pass = f[1]; fin_fail = f[3]; fin_skip = f[5]
	final_seen = 1
	next
}

{
	indent = match($0, /[^ ]/) - 1
	body = substr($0, indent + 1)
	if (indent < 0 || indent % 2) { bad("odd indentation"); next }
	d = indent / 2
}

body == "KTAP version 1" {
	if (depth < 0 && d == 0 && NR == 1) {
		depth = 0
	} else if (depth >= 0 && d == depth + 1 && plan[depth] >= 0) {
		parent[depth] = 1
		depth = d
	} else {
		bad("version line out of place")
		next
	}
	plan[d] = -1; cnt[d] = 0; parent[d] = 0
	next
}

depth < 0 { bad("no 'KTAP version 1' first"); depth = 0; plan[0] = -1 }

d > depth { bad("indented deeper than any open test"); next }

d < depth {
	for (; depth > d; depth--)
		close_level(depth)
	if (body !~ /^(not )?ok /)
		bad("subtests not followed by their parent's result")
}

body ~ /^1\.\.[0-9]+$/ {
	if (plan[d] >= 0 || cnt[d] > 0)
		bad("plan repeated or after results")
	plan[d] = substr(body, 4) + 0
	next
}

body ~ /^# Totals: / {
	if (d != 0) bad("Totals inside a subtest")
	if (split(body, t, /[: ]+/) != 14 || t[3] != "pass" || t[5] != "fail" ||
	    t[7] != "xfail" || t[9] != "xpass" || t[11] != "skip" ||
	    t[13] != "error")
		bad("malformed Totals line")
	tot_pass = t[4]; tot_fail = t[6]; tot_xfail = t[8]
	tot_skip = t[12]; tot_err = t[14]
	tot_seen = 1
	next
}

body ~ /^#/ { next }

body ~ /^(not )?ok / {
	if (plan[d] < 0) bad("result before the plan")
	if (!match(body, /^(not )?ok [0-9]+ [^#]*[^# ]( # .*)?$/)) {
		bad("malformed result line")
		next
	}
	n = body; sub(/^(not )?ok /, "", n); sub(/ .*/, "", n)
	if (n + 0 != cnt[d] + 1)
		bad("result number " n " where " cnt[d] + 1 " was due")
	cnt[d]++
	ok = body !~ /^not /
	dir = ""
	if (index(body, " # "))
		dir = substr(body, index(body, " # ") + 3)
	if (ok && dir != "" && dir !~ /^SKIP( |$)/)
		bad("ok with a directive other than SKIP")
	if (parent[d]) {
		parent[d] = 0
		next
	}
	if (!ok && dir ~ /^XFAIL( |$)/) leaf_xfail++
	else if (!ok) leaf_fail++
	else if (dir ~ /^SKIP/) leaf_skip++
	else leaf_pass++
	next
}

{ bad("not a KTAP line") }

END {
	for (; depth >= 0; depth--)
		close_level(depth)
	if (!tot_seen)
		bad("no Totals line")
	else if (tot_pass != leaf_pass || tot_fail + tot_err != leaf_fail ||
		 tot_skip != leaf_skip || tot_xfail != leaf_xfail)
		bad("Totals disagree with the results (pass " leaf_pass + 0 \
		    " fail " leaf_fail + 0 " skip " leaf_skip + 0 \
		    " xfail " leaf_xfail + 0 ")")
	if (!final_seen)
		bad("no final 'N passed, N failed, N skipped' line")
	else if (fin_pass != leaf_pass || fin_fail != leaf_fail ||
		 fin_skip != leaf_skip + leaf_xfail)
		bad("final line disagrees with the results")
	if (errors)
		exit 1
	printf "ktap: well formed: pass %d fail %d skip %d xfail %d\n",
		leaf_pass, leaf_fail, leaf_skip, leaf_xfail
}
