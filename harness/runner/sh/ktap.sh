# SPDX-License-Identifier: GPL-2.0
#
# KTAP v1 writer (Documentation/dev-tools/ktap.rst).
#
# Every line goes to stdout at once, so a person watching the run sees it
# live, and into KTAP_BUF, which the caller hands to results_append_ktap()
# after each test: the copy on disk then grows one whole test at a time.
#
# Subtests are written between ktap_push and ktap_pop, which indent by two
# spaces; the parent's result line is written after ktap_pop.

KTAP_INDENT=
KTAP_BUF=

# ktap_raw TEXT: TEXT is one or more already indented lines.
ktap_raw()
{
	printf '%s\n' "$1" 2>/dev/null
	KTAP_BUF="$KTAP_BUF$1
"
}

ktap_line()
{
	ktap_raw "$KTAP_INDENT$1"
}

ktap_header()
{
	ktap_line "KTAP version 1"
	ktap_line "1..$1"
}

ktap_diag()
{
	ktap_line "# $1"
}

# ktap_diag_file FILE MAXLINES: FILE's last MAXLINES lines as diagnostics.
# Serial consoles end lines with CR LF; the CR is dropped so that every
# diagnostic stays one clean line.
ktap_diag_file()
{
	kd_n=$(wc -l < "$1" 2>/dev/null) || return 0
	[ "$kd_n" -gt 0 ] || return 0
	if [ "$2" -gt 0 ] && [ "$kd_n" -gt "$2" ]; then
		ktap_diag "... $((kd_n - $2)) earlier lines in the test's log"
		kd_text=$(tail -n "$2" "$1" | sed -e 's/\r$//' -e "s/^/$KTAP_INDENT# /")
	else
		kd_text=$(sed -e 's/\r$//' -e "s/^/$KTAP_INDENT# /" "$1")
	fi
	ktap_raw "$kd_text"
}

# ktap_result RESULT NUM NAME REASON: RESULT is pass, fail, error, skip or
# xfail (a known kernel bug, suite/known-issues).
ktap_result()
{
	case $1 in
	pass)	kr_line="ok $2 $3" ;;
	skip)	kr_line="ok $2 $3 # SKIP${4:+ $4}" ;;
	xfail)	kr_line="not ok $2 $3 # XFAIL${4:+ $4}" ;;
	*)	kr_line="not ok $2 $3${4:+ # $4}" ;;
	esac
	ktap_line "$kr_line"
}

ktap_push()
{
	KTAP_INDENT="$KTAP_INDENT  "
}

ktap_pop()
{
	KTAP_INDENT=${KTAP_INDENT#  }
}

