# SPDX-License-Identifier: GPL-2.0
#
# `dirtysuite check` and `dirtysuite unit`: run the chosen tests one by
# one and write KTAP, grouped as
#
#   KTAP version 1
#   1..2
#     KTAP version 1          the unit tests (--unit)
#     1..U
#     ok 1 test-bitmap
#   ok 1 unit
#     KTAP version 1          the conformance tests
#     1..C
#     ok 1 BITMAP-001 description
#   ok 2 conformance
#   # Totals: pass:N fail:N xfail:0 xpass:0 skip:N error:N
#   N passed, N failed, N skipped
#
# The groups are there even when only one runs, so that a parser sees the
# same shape from every run.  Totals count leaf tests; errors (a test
# that could not be started) count as failed on the last line.

CK_PASS=0 CK_FAIL=0 CK_SKIP=0 CK_ERROR=0 CK_XFAIL=0
R1_SEQ=0

# ck_progress LINE: for whoever watches the run from outside (DS_PROGRESS,
# a file or a serial port: `dirtysuite vm` reads it to know which test a
# guest that stopped was running, and which are still to run).
ck_progress()
{
	[ -n "${DS_PROGRESS:-}" ] || return 0
	printf '%s\n' "$1" >> "$DS_PROGRESS" 2>/dev/null
}

# ck_group NUM NAME LIST KIND: run LIST (unit or conform lines) as
# subtest group NUM of the top level.
ck_group()
{
	cg_num=$1
	cg_name=$2
	cg_n=$(printf '%s' "$3" | grep -c .)
	cg_i=0
	cg_bad=0
	cg_good=0
	ktap_push
	ktap_header "$cg_n"
	# The lines split at newlines only, unglobbed; each test runs with
	# the caller's IFS and globbing.
	cg_ifs=$IFS
	set -f
	IFS='
'
	for cg_line in $3; do
		IFS=$cg_ifs
		set +f
		sel_split "$cg_line"
		ck_one "$4"
		ck_count "$R1_RESULT"
	done
	IFS=$cg_ifs
	set +f
	ktap_pop
	if [ $cg_bad -gt 0 ]; then
		ktap_result fail "$cg_num" "$cg_name"
	elif [ $cg_good -eq 0 ]; then
		ktap_result skip "$cg_num" "$cg_name" "no test ran"
	else
		ktap_result pass "$cg_num" "$cg_name"
	fi
	results_flush_ktap
}

# ck_one KIND: run the test of the line sel_split split (SEL_*), write its
# KTAP line and summary row.
ck_one()
{
	cg_i=$((cg_i + 1))
	R1_SEQ=$((R1_SEQ + 1))
	if [ "$1" = unit ]; then
		co_name=$SEL_ID
		co_path=$SEL_TIER
		case $co_path in
		*.t.sh)	set -- sh "$co_path" ;;
		*)	set -- "$co_path" ;;
		esac
		co_timeout=$OPT_UNIT_TIMEOUT
	else
		co_name="$SEL_ID${SEL_DESC:+ $SEL_DESC}"
		# A '#' would start a KTAP directive.
		case $co_name in *'#'*) co_name=$(printf '%s' "$co_name" | tr '#' '_') ;; esac
		set -- "$DS_CONFORM" run "$SEL_ID"
		[ -n "$OPT_INJECT" ] && set -- "$@" --inject "$OPT_INJECT"
		[ -n "$OPT_MINUTES" ] && set -- "$@" --minutes "$OPT_MINUTES"
		[ -n "$OPT_SEED" ] && set -- "$@" --seed "$OPT_SEED"
		co_timeout=$OPT_TIMEOUT
	fi
	ck_progress "running=$SEL_ID"
	run1 "$R1_SEQ" "$SEL_ID" "$co_timeout" "$@"
	ck_progress "done=$SEL_ID"
	ktap_result "$R1_RESULT" "$cg_i" "$co_name" "$R1_REASON"
	results_summary_add "$SEL_ID" "$R1_RESULT" "$R1_REASON" "$R1_MS"
	results_flush_ktap
}

# ck_count RESULT: the run's totals and the group's.
ck_count()
{
	case $1 in
	pass)	CK_PASS=$((CK_PASS + 1)); cg_good=$((cg_good + 1)) ;;
	skip)	CK_SKIP=$((CK_SKIP + 1)) ;;
	xfail)	CK_XFAIL=$((CK_XFAIL + 1)); cg_good=$((cg_good + 1)) ;;
	error)	CK_ERROR=$((CK_ERROR + 1)); cg_bad=$((cg_bad + 1)) ;;
	*)	CK_FAIL=$((CK_FAIL + 1)); cg_bad=$((cg_bad + 1)) ;;
	esac
}

# ck_stop SIGNAME STATUS: the runner was told to stop (Ctrl-C, CI job
# cancelled).  The running test goes with it; what finished is kept.
ck_stop()
{
	trap - INT TERM HUP
	run1_abort
	trace_fini
	ktap_diag "dirtysuite: stopped by SIG$1 during test $R1_SEQ; finished tests are in $RES_DIR"
	results_flush_ktap
	exit "$2"
}

check_main()
{
	CK_MODE=$1
	opt_parse "$@"

	set -f
	ck_ifs=$IFS
	IFS='
'
	set -- $OPT_PATS
	IFS=$ck_ifs
	set +f

	CK_CONF=
	CK_UNIT=
	if [ "$CK_MODE" = check ]; then
		sel_all
		sel_pick "$OPT_QUICK" "$@"
		CK_CONF=$SEL
		[ -n "$OPT_UNIT" ] && { sel_units; CK_UNIT=$SEL; }
	else
		sel_units "$@"
		[ $# -eq 0 ] || [ $SEL_N -gt 0 ] ||
			usage "no unit test matches '$*'"
		CK_UNIT=$SEL
	fi
	ck_groups=0
	[ -n "$OPT_UNIT" ] && ck_groups=$((ck_groups + 1))
	[ "$CK_MODE" = check ] && ck_groups=$((ck_groups + 1))

	results_open "$OPT_RESULTS" "$OPT_LABEL"
	results_put env.txt "$(env_text "$CK_MODE" "$@")
"
	health_init
	trace_init
	# Any way out, `exit 3` on unwritable results included, takes the
	# trace instance along (a SIGKILL leaves it to the next run).
	trap trace_fini EXIT
	# A crashing test should not drop a core into the caller's tree or
	# fill a CI disk; DS_CORES=1 keeps the system's setting.
	[ "$DS_CORES" = 1 ] || ulimit -c 0 2>/dev/null
	trap 'ck_stop INT 130' INT
	trap 'ck_stop TERM 143' TERM
	trap 'ck_stop HUP 129' HUP

	ktap_header "$ck_groups"
	ktap_diag "dirtysuite: results in $RES_DIR"
	[ $HL_DMESG_OK = 1 ] ||
		ktap_diag "dirtysuite: kernel log not readable; kernel WARNINGs not checked"
	ck_num=0
	if [ -n "$OPT_UNIT" ]; then
		ck_num=$((ck_num + 1))
		ck_group $ck_num unit "$CK_UNIT" unit
	fi
	if [ "$CK_MODE" = check ]; then
		ck_progress "plan=$(printf '%s\n' "$CK_CONF" | cut -f1 | tr '\n' ' ')"
		ck_num=$((ck_num + 1))
		ck_group $ck_num conformance "$CK_CONF" conform
	fi

	ktap_line "# Totals: pass:$CK_PASS fail:$CK_FAIL xfail:$CK_XFAIL xpass:0 skip:$CK_SKIP error:$CK_ERROR"
	# The plain line has no XFAIL column: a known kernel bug is not a
	# pass, and not a failure of this run; it is counted with the skips.
	[ $CK_XFAIL -gt 0 ] &&
		ktap_diag "$CK_XFAIL known kernel bugs (XFAIL, suite/known-issues) counted as skipped"
	ktap_line "$CK_PASS passed, $((CK_FAIL + CK_ERROR)) failed, $((CK_SKIP + CK_XFAIL)) skipped"
	results_flush_ktap
	trace_fini
	trap - INT TERM HUP
	[ $((CK_FAIL + CK_ERROR)) -eq 0 ]
}
