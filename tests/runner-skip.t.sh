#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A skipping test's reason reaches its KTAP line: the text after the last
# SKIP marker on the last line that has one.

. "$(dirname "$0")/lib/t.sh"
t_setup

t_run r check FIX-SKIP
t_expect "a skip alone exits 0" "$T_RC" 0
t_grep "reason from the framework's line" "$T_TMP/r.out" \
	'^  ok 1 FIX-SKIP skips with a reason # SKIP Requirement not met: fixture skips on purpose$'
t_grep "summary row" "$DS_RESULTS/latest/summary.tsv" \
	'^FIX-SKIP	skip	Requirement not met: fixture skips on purpose	'

# A unit test's "SKIP: why" and a skip with no reason at all.
printf '#!/bin/sh\necho "SKIP: no /dev/widget"\nexit 4\n' > "$DS_TESTS/a.t.sh"
printf '#!/bin/sh\nexit 4\n' > "$DS_TESTS/b.t.sh"
t_run u unit
t_expect "unit skips exit 0" "$T_RC" 0
t_grep "SKIP: reason" "$T_TMP/u.out" '^  ok 1 a\.t\.sh # SKIP no /dev/widget$'
t_grep "bare SKIP" "$T_TMP/u.out" '^  ok 2 b\.t\.sh # SKIP$'
t_grep "all-skip group is a skip" "$T_TMP/u.out" '^ok 1 unit # SKIP'
t_ktap_valid "unit output" "$T_TMP/u.out"

t_done
