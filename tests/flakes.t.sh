#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# dirtysuite flakes names every test whose result changed between runs,
# and only those, and exits 1 when there is one.

. "$(dirname "$0")/lib/t.sh"
t_setup
flakes=$T_ROOT/harness/runner/dirtysuite-flakes

# summary NAME ROWS...: a summary.tsv with rows "ID RESULT".
summary()
{
	s_f=$T_TMP/$1.tsv
	shift
	printf '# dirtysuite-summary v1\nid\tresult\treason\tduration_ms\n' > "$s_f"
	for s_row; do
		printf '%s\t%s\t-\t1\n' ${s_row% *} ${s_row#* } >> "$s_f"
	done
}

summary a "A-1 pass" "A-2 fail" "A-3 skip" "A-4 pass"
summary b "A-1 pass" "A-2 fail" "A-3 skip" "A-4 fail"
summary c "A-1 pass" "A-2 fail" "A-3 skip"
sh "$flakes" --compare "$T_TMP/a.tsv" "$T_TMP/a.tsv" > "$T_TMP/o" 2>&1
t_expect "same results: exit status" "$?" 0
t_grep "same results: report" "$T_TMP/o" '0 of 4 tests changed over 2 runs'

sh "$flakes" --compare "$T_TMP/a.tsv" "$T_TMP/b.tsv" "$T_TMP/c.tsv" > "$T_TMP/o" 2>&1
t_expect "changed: exit status" "$?" 1
t_expect "changed: only A-4" "$(grep -c '^changed' "$T_TMP/o")" 1
t_grep "changed: counts" "$T_TMP/o" '^changed	A-4	.*pass:1.*missing:1'
t_grep "changed: counts" "$T_TMP/o" '^changed	A-4	.*fail:1'

printf 'something else\n' > "$T_TMP/x.tsv"
sh "$flakes" --compare "$T_TMP/a.tsv" "$T_TMP/x.tsv" > "$T_TMP/o" 2>&1
t_expect "unknown format: exit status" "$?" 3

sh "$flakes" --runs x > "$T_TMP/o" 2>&1
t_expect "bad --runs: exit status" "$?" 2
t_one_line "bad --runs" "$T_TMP/o"

# Real runs, with FIX-PASS failing every second time.
real=$DS_CONFORM
cat > "$T_TMP/conform" <<WRAP
#!/bin/sh
[ "\$1" = run ] && [ "\$2" = FIX-PASS ] && echo x >> "$T_TMP/count" &&
	[ \$((\$(wc -l < "$T_TMP/count") % 2)) = 0 ] && exit 1
exec "$real" "\$@"
WRAP
chmod +x "$T_TMP/conform"
DS_CONFORM=$T_TMP/conform sh "$flakes" --runs 3 FIX-PASS FIX-SKIP > "$T_TMP/o" 2>&1
t_expect "flaky runs: exit status" "$?" 1
t_grep "flaky test named" "$T_TMP/o" '^changed	FIX-PASS	'
t_grep "stable test not named" "$T_TMP/o" '1 of 2 tests changed over 3 runs'

t_done
