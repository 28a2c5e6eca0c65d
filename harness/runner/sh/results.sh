# SPDX-License-Identifier: GPL-2.0
#
# The results folder of one run:
#
#   ROOT/<YYYYmmdd-HHMMSS>-<host>-<label>-<pid>/
#       ktap.txt     the KTAP stream so far
#       summary.tsv  one row a finished test (versioned header)
#       env.txt      the machine the run was made on
#       NNN-ID.log   each test's full output, with a trailer
#   ROOT/latest -> the newest run's folder
#
# Every file is written as NAME.tmp in the same folder and then renamed,
# so that a run killed at any moment (SIGKILL, power loss of the CI job)
# leaves each file either whole or absent, never cut short.  A leftover
# .tmp is only ever replaced, never read, so it cannot trip a later run.
# A write that fails (full disk, read-only mount) stops the run with exit
# status 3 rather than going on with results nobody could trust.

RES_DIR=
RES_SUMMARY_ROWS=

res_fail()
{
	die 3 "cannot write results: $1"
}

# results_open ROOT LABEL: make a folder no other run can share.  The pid
# keeps concurrent runs apart; mkdir is atomic, and a name that is taken
# anyway (another pid namespace sharing ROOT) gets a numeric suffix.
results_open()
{
	ro_err=$(mkdir -p -- "$1" 2>&1) || res_fail "$ro_err"
	ro_name=$(results_name %date %host "$2" %pid)
	ro_try=$ro_name
	ro_n=0
	while ! ro_err=$(mkdir -- "$1/$ro_try" 2>&1); do
		[ -e "$1/$ro_try" ] && [ $ro_n -lt 100 ] ||
			res_fail "$ro_err"
		ro_n=$((ro_n + 1))
		ro_try=$ro_name.$ro_n
	done
	RES_ROOT=$1
	RES_DIR=$1/$ro_try
	results_latest "$ro_try"
}

# results_latest NAME: point ROOT/latest at NAME in one rename.  The link
# is relative, so a results tree can be moved or copied whole.
results_latest()
{
	rl_tmp=$RES_ROOT/.latest.$$.tmp
	rm -f -- "$rl_tmp"
	rl_err=$(ln -s -- "$1" "$rl_tmp" 2>&1 && mv -T -- "$rl_tmp" "$RES_ROOT/latest" 2>&1) ||
		{ rm -f -- "$rl_tmp"; res_fail "$RES_ROOT/latest: $rl_err"; }
}

# results_put NAME TEXT: NAME's whole content becomes TEXT.
results_put()
{
	rp_tmp=$RES_DIR/$1.tmp
	rp_err=$(printf '%s' "$2" 2>/dev/null | cat 2>&1 >"$rp_tmp") &&
		rp_err=$(mv -f -- "$rp_tmp" "$RES_DIR/$1" 2>&1) ||
		{ rm -f -- "$rp_tmp"; res_fail "$RES_DIR/$1: $rp_err"; }
}

# results_append NAME TEXT: NAME becomes its old content followed by TEXT,
# still in one rename, so a reader never sees half of TEXT.
results_append()
{
	ra_tmp=$RES_DIR/$1.tmp
	ra_old=$RES_DIR/$1
	[ -f "$ra_old" ] || ra_old=/dev/null
	ra_err=$({ cat -- "$ra_old"; printf '%s' "$2"; } 2>/dev/null |
		cat 2>&1 >"$ra_tmp") &&
		ra_err=$(mv -f -- "$ra_tmp" "$RES_DIR/$1" 2>&1) ||
		{ rm -f -- "$ra_tmp"; res_fail "$RES_DIR/$1: $ra_err"; }
}

# results_flush_ktap: move what the KTAP writer has gathered to ktap.txt.
results_flush_ktap()
{
	[ -n "$KTAP_BUF" ] || return 0
	results_append ktap.txt "$KTAP_BUF"
	KTAP_BUF=
}

# The log of a running test is NNN-ID.log.tmp; results_log_close appends
# the runner's trailer and renames it.  The trailer is also the check that
# the disk still takes writes: a test whose own writes hit a full disk
# would otherwise leave a short log that looks complete.
results_log_open()
{
	RES_LOG=$RES_DIR/$1.log
	rlo_err=$(: 2>&1 >"$RES_LOG.tmp") || res_fail "$RES_LOG: $rlo_err"
}

results_log_close()
{
	rlc_err=$(printf "%s\n" "$1" | cat 2>&1 >>"$RES_LOG.tmp") &&
		rlc_err=$(mv -f -- "$RES_LOG.tmp" "$RES_LOG" 2>&1) ||
		{ rm -f -- "$RES_LOG.tmp"; res_fail "$RES_LOG: ${rlc_err:-write failed}"; }
}

# summary.tsv: versioned like fio's terse output, so that tools reading it
# (dirtysuite-flakes, compare) can refuse a format they do not know.
# Fields are tab separated; an empty reason is written as '-' so that
# `IFS=tab read` (which folds runs of tabs) still sees four fields.
RES_SUMMARY_HEAD='# dirtysuite-summary v1
id	result	reason	duration_ms
'

# results_summary_add ID RESULT REASON MS
results_summary_add()
{
	rs_reason=$(printf '%s' "${3:--}" | tr '\t\n' '  ')
	RES_SUMMARY_ROWS="$RES_SUMMARY_ROWS$1	$2	$rs_reason	$4
"
	results_put summary.tsv "$RES_SUMMARY_HEAD$RES_SUMMARY_ROWS"
}
