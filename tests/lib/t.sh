# SPDX-License-Identifier: GPL-2.0
#
# Shared by the runner's tests (tests/*.t.sh).  A test sources this,
# calls t_setup, checks with t_expect/t_grep, and ends with t_done.  It
# prints '# ' diagnostics and exits 0 pass, 1 fail, 4 skip, like every
# test the runner runs.
#
# Each test gets a scratch folder and runs the runner against the
# fixture binary (tests/fixtures/ds-fixture), with its own empty unit
# test folders, so that `check --unit` in a test never runs the tests
# themselves again, and with a fake kernel log and meminfo so that the
# host's own kernel messages cannot make a test flaky.

T_ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
T_RUNNER=$T_ROOT/harness/runner/dirtysuite
T_KTAP_CHECK=$T_ROOT/tests/lib/ktap-check.awk
T_FAILS=0
T_TMP=
T_MOUNT=

t_diag()
{
	echo "# $*"
}

t_fail()
{
	echo "# FAIL: $*"
	T_FAILS=$((T_FAILS + 1))
}

t_skip()
{
	echo "SKIP: $*"
	t_cleanup
	exit 4
}

t_done()
{
	t_cleanup
	[ $T_FAILS -eq 0 ] || exit 1
	exit 0
}

# t_expect WHAT ACTUAL EXPECTED
t_expect()
{
	if [ "$2" = "$3" ]; then
		t_diag "ok: $1"
	else
		t_fail "$1: got '$2', expected '$3'"
	fi
}

# t_grep WHAT FILE REGEX: FILE has a line matching the extended REGEX.
t_grep()
{
	if grep -q -E -e "$3" "$2" 2>/dev/null; then
		t_diag "ok: $1"
	else
		t_fail "$1: no line matching '$3' in ${2##*/}"
		sed 's/^/#   | /' "$2" 2>/dev/null | tail -n 20
	fi
}

# t_ktap_valid WHAT FILE
t_ktap_valid()
{
	if tk_out=$(awk -f "$T_KTAP_CHECK" "$2" 2>&1); then
		t_diag "ok: $1: $tk_out"
	else
		t_fail "$1: not valid KTAP"
		printf '%s\n' "$tk_out" | sed 's/^/#   /'
	fi
}

# t_fixture: DS_CONFORM becomes the fixture; built here if `make` has
# not, so that a test can be run by hand from a fresh checkout.
t_fixture()
{
	DS_CONFORM=${DS_FIXTURE:-${DS_BUILD:-$T_ROOT/build}/tests/fixtures/ds-fixture}
	if ! [ -x "$DS_CONFORM" ]; then
		DS_CONFORM=$T_TMP/ds-fixture
		${CC:-cc} -O2 -o "$DS_CONFORM" "$T_ROOT/tests/fixtures/fixture.c" \
			2>/dev/null || t_skip "no fixture binary and no C compiler"
	fi
	export DS_CONFORM
}

t_setup()
{
	T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ds-t.XXXXXX") || exit 1
	trap t_cleanup EXIT
	trap 'exit 1' INT TERM HUP
	t_fixture
	# Every process a test starts carries T_MARK, so that t_reap can
	# find what a killed runner left behind.
	T_MARK=dst:$$:$(date +%s):
	export T_MARK
	DS_BUILD=$T_TMP/build
	DS_TESTS=$T_TMP/tests
	DS_RESULTS=$T_TMP/results
	DS_DMESG="cat $T_TMP/dmesg"
	DS_MEMINFO=$T_TMP/meminfo
	mkdir -p "$DS_BUILD/tests" "$DS_TESTS"
	: > "$T_TMP/dmesg"
	printf 'HugePages_Total:      16\nHugePages_Free:       16\n' > "$DS_MEMINFO"
	export DS_BUILD DS_TESTS DS_RESULTS DS_DMESG DS_MEMINFO
	unset DS_TIMEOUT DS_KILL_AFTER DS_DIAG_LINES DS_ROOT DS_BIN
}

# t_reap: kill whatever our runners left (their tests run in sessions
# of their own, so killing a runner does not take its test along).
t_reap()
{
	[ -n "$T_MARK" ] || return 0
	tr_pids=$(env -u T_MARK grep -l -a -F "T_MARK=$T_MARK" \
		/proc/[0-9]*/environ 2>/dev/null |
		sed -n 's,^/proc/\([0-9]*\)/environ$,\1,p' | grep -v -x "$$")
	[ -n "$tr_pids" ] && kill -KILL $tr_pids 2>/dev/null
	return 0
}

t_cleanup()
{
	t_reap
	[ -n "$T_MOUNT" ] && umount "$T_MOUNT" 2>/dev/null
	T_MOUNT=
	[ -n "$T_TMP" ] && rm -rf "$T_TMP"
	T_TMP=
}

# t_run NAME ARGS...: run the runner, stdout to $T_TMP/NAME.out, stderr
# to NAME.err; T_RC is its exit status.
t_run()
{
	tr_name=$1
	shift
	sh "$T_RUNNER" "$@" > "$T_TMP/$tr_name.out" 2> "$T_TMP/$tr_name.err"
	T_RC=$?
}

# t_one_line WHAT FILE: FILE (a stderr) is exactly one line.
t_one_line()
{
	tol_n=$(wc -l < "$2")
	if [ "$tol_n" -eq 1 ]; then
		t_diag "ok: $1: $(cat "$2")"
	else
		t_fail "$1: $tol_n lines on stderr, expected one"
		sed 's/^/#   | /' "$2"
	fi
}
