# SPDX-License-Identifier: GPL-2.0
#
# Run one test in a process of its own and classify the outcome, as
# kselftest's runner.sh does: 0 pass, 4 skip, 124 TIMEOUT, a signal death
# as exit=SIGNAME, anything else exit=N.
#
# The test runs as `setsid timeout --foreground ...`: setsid makes the
# test's process group (and session) one we can kill as a whole, since
# --foreground only ever signals the direct child.  DS_RUN_TOKEN, unique
# per test, marks every process the test starts, so that even one that
# left the group is found afterwards (health.sh).

RUN1_PID=
RUN1_TOKEN=

# ms_now: milliseconds.  GNU date has %N; busybox and POSIX date may not,
# and there /proc/uptime still gives 10 ms steps.
ms_now()
{
	mn_ns=$(date +%s%N 2>/dev/null)
	case $mn_ns in
	*[!0-9]*|"") ;;
	*)	echo $((mn_ns / 1000000)); return ;;
	esac
	read -r mn_up mn_rest < /proc/uptime 2>/dev/null &&
	case $mn_up in
	*.??) mn_up=${mn_up%.*}${mn_up#*.}
		# No leading zero: $(( )) would read it as octal.
		mn_up=${mn_up#"${mn_up%%[!0]*}"}
		echo $((mn_up * 10)); return ;;
	esac
	echo $(($(date +%s) * 1000))
}

# r1_skip_reason: the text after the last SKIP marker on the last line
# that has one ("SKIP: why" from our tests, "1..0 # SKIP - Requirement
# not met: why" from the selftests framework).
r1_skip_reason()
{
	grep -a SKIP "$1" | tail -n 1 | tr -d '\r' |
		sed -e 's/.*SKIP//' -e 's/^[ :#-]*//'
}

# r1_classify STATUS TIMEOUT ELAPSED_MS LOG: sets R1_RESULT, R1_REASON.
r1_classify()
{
	R1_REASON=
	case $1 in
	0)	R1_RESULT=pass ;;
	4)	R1_RESULT=skip
		R1_REASON=$(r1_skip_reason "$4") ;;
	124)	R1_RESULT=fail
		R1_REASON="TIMEOUT $2 seconds" ;;
	125|126|127)
		# timeout(1) itself failed, or the test could not be executed.
		R1_RESULT=error
		R1_REASON="exit=$1" ;;
	*)	R1_RESULT=fail
		R1_REASON="exit=$1"
		if [ "$1" -eq 137 ] && [ "$3" -ge $(($2 * 1000)) ]; then
			# Ignored SIGTERM, then killed by timeout -k.
			R1_REASON="TIMEOUT $2 seconds"
		elif [ "$1" -gt 128 ] && [ "$1" -le 192 ] &&
		     r1_sig=$(kill -l "$1" 2>/dev/null); then
			R1_REASON="exit=SIG${r1_sig#SIG}"
		fi ;;
	esac
}

# run1 SEQ ID TIMEOUT CMD...: run CMD as test ID, logging to NNN-ID.log.
# Sets R1_RESULT (pass, fail, skip, error), R1_REASON and R1_MS, and
# writes the test's output as KTAP diagnostics (not its result line).
run1()
{
	r1_id=$2
	r1_timeout=$3
	shift 3
	results_log_open "$(printf '%03d' "$R1_SEQ")-$(printf '%s' "$r1_id" | tr '/ ' '__')"
	RUN1_TOKEN="ds:$$:$R1_SEQ:$(date +%s):"
	health_before
	trace_arm
	r1_t0=$(ms_now)

	DS_RUN_TOKEN=$RUN1_TOKEN setsid timeout --foreground \
		-k "$DS_KILL_AFTER" "$r1_timeout" "$@" \
		< /dev/null > "$RES_LOG.tmp" 2>&1 &
	RUN1_PID=$!
	# 2>/dev/null: the shell would report a crashed test on our stderr.
	wait $RUN1_PID 2>/dev/null
	r1_status=$?
	R1_MS=$(($(ms_now) - r1_t0))

	r1_classify "$r1_status" "$r1_timeout" "$R1_MS" "$RES_LOG.tmp"
	ktap_diag_file "$RES_LOG.tmp" "$DS_DIAG_LINES"
	# The test's own failure is judged on its own evidence, before the
	# kernel's lines are added to its log: a known WARN in the same run
	# must not excuse a failure of another kind.
	if [ $R1_RESULT = fail ] && known_match "$r1_id" "$RES_LOG.tmp" "$R1_REASON"; then
		R1_RESULT=xfail
		R1_REASON="$KN_REASON (was: $R1_REASON)"
	fi
	health_after "$RUN1_TOKEN" "$RUN1_PID" "$RES_LOG.tmp"
	RUN1_PID=
	if [ -n "$HL_FAIL" ]; then
		case $R1_RESULT in
		fail|xfail)	R1_REASON="$R1_REASON; $HL_FAIL" ;;
		*)		R1_REASON=$HL_FAIL ;;
		esac
		R1_RESULT=fail
	elif [ -n "$HL_KNOWN" ] && [ $R1_RESULT != fail ] && [ $R1_RESULT != xfail ]; then
		# Passed (or skipped), but a listed kernel bug fired meanwhile.
		R1_RESULT=xfail
		R1_REASON=$HL_KNOWN
	fi
	case $R1_RESULT in fail|error|xfail) trace_tail "$RES_LOG.tmp" ;; esac
	results_log_close "# dirtysuite: $r1_id status=$r1_status result=$R1_RESULT${R1_REASON:+ ($R1_REASON)} duration_ms=$R1_MS"
}

# run1_abort: the runner is being stopped; take the running test with it.
run1_abort()
{
	[ -n "$RUN1_PID" ] || return 0
	kill -KILL -- "-$RUN1_PID" 2>/dev/null
	HF_PGID=$RUN1_PID
	r1_left=$(hl_find_leftovers "$RUN1_TOKEN")
	[ -n "$r1_left" ] && kill -KILL $r1_left 2>/dev/null
	RUN1_PID=
}
