#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Bad usage costs one line on stderr, naming the option and the value,
# and exit status 2, before any test runs or any folder is made.  Good
# options reach the test binary.  `dirtysuite SUB` runs dirtysuite-SUB.

. "$(dirname "$0")/lib/t.sh"
t_setup

# usage_case WHAT WORD-EXPECTED-ON-STDERR ARGS...
usage_case()
{
	uc_what=$1
	uc_word=$2
	shift 2
	t_run bad "$@"
	t_expect "$uc_what: exit status" "$T_RC" 2
	t_one_line "$uc_what" "$T_TMP/bad.err"
	grep -q -F -e "$uc_word" "$T_TMP/bad.err" ||
		t_fail "$uc_what: stderr does not name '$uc_word'"
	[ -s "$T_TMP/bad.out" ] && t_fail "$uc_what: wrote to stdout"
}

usage_case "non-numeric timeout" "--timeout: 'abc'" check --timeout abc
usage_case "timeout=0" "--timeout: '0'" check --timeout=0
usage_case "missing value" "--timeout" check --timeout
usage_case "value is an option" "--seed: '--quick'" check --seed --quick
usage_case "non-numeric minutes" "--minutes: '1x'" check --minutes 1x
usage_case "negative seed" "--seed: '-3'" check --seed -3
usage_case "unknown option" "'--bogus'" check --bogus
usage_case "unknown test" "'NOPE-*'" check FIX-PASS 'NOPE-*'
usage_case "bad label" "--label: 'a/b'" check --label a/b
usage_case "unknown command" "'frobnicate'" frobnicate
usage_case "list: unknown test" "'NOPE'" list NOPE
usage_case "unit: option of check only" "'--seed'" unit --seed 1
DS_TIMEOUT=abc usage_case "bad DS_TIMEOUT" "DS_TIMEOUT: 'abc'" check
[ -e "$DS_RESULTS" ] && t_fail "a usage error made $DS_RESULTS"

DS_CONFORM=/nonexistent/ds-conform sh "$T_RUNNER" check \
	> "$T_TMP/nobin.out" 2> "$T_TMP/nobin.err"
t_expect "missing binary: exit status" "$?" 3
t_one_line "missing binary" "$T_TMP/nobin.err"

t_run list list
t_expect "list" "$T_RC" 0
t_expect "list: every test" "$(wc -l < "$T_TMP/list.out")" 7
t_grep "list: ID, tier, description" "$T_TMP/list.out" '^FIX-PASS	quick	passes$'
t_run list list --quick
t_expect "list --quick" "$(wc -l < "$T_TMP/list.out")" 4
t_run list list fix
t_expect "list by area, any case" "$(wc -l < "$T_TMP/list.out")" 7

t_run help help
t_expect "help: exit status" "$T_RC" 0
for o in list check unit --unit --quick --timeout --results --label \
	 --inject --minutes --seed DS_CONFORM DS_TIMEOUT; do
	grep -q -e "$o" "$T_TMP/help.out" || t_fail "help does not mention $o"
done
grep -q 'default 120' "$T_TMP/help.out" || t_fail "help does not show the timeout default"

t_run pass check --seed 42 --minutes 3 --inject drop-one FIX-PASS
t_grep "options reach the test" "$T_TMP/pass.out" '^  # inject=drop-one minutes=3 seed=42$'

# A new subcommand is a new file: dirtysuite-SUB beside the runner.
mkdir -p "$T_TMP/h"
cp -R "$T_ROOT/harness/runner/dirtysuite" "$T_ROOT/harness/runner/sh" "$T_TMP/h/"
printf '#!/bin/sh\n# summary: say hello\necho "hello $*"\n' > "$T_TMP/h/dirtysuite-hello"
chmod +x "$T_TMP/h/dirtysuite-hello"
t_expect "plugin runs" "$(sh "$T_TMP/h/dirtysuite" hello a b)" "hello a b"
sh "$T_TMP/h/dirtysuite" help | grep -q 'say hello' ||
	t_fail "help does not list the plugin"

t_done
