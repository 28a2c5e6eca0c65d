# SPDX-License-Identifier: GPL-2.0
#
# What every dirtysuite command shares.  The caller sets DS_HARNESS (the
# folder it lives in, harness/runner/) and sources this file from
# "$DS_HARNESS/sh/"; the repository is two folders up.

: "${DS_ROOT:=$(CDPATH= cd -- "$DS_HARNESS/../.." && pwd)}"
: "${DS_BUILD:=$DS_ROOT/build}"
: "${DS_BIN:=$DS_BUILD/bin}"
: "${DS_RESULTS:=$DS_ROOT/results}"

# help_text FILE: FILE's --help, the comment lines after its "# [help]"
# line to the end of that comment, without the "# ".  A marker, not line
# numbers, so that editing the header cannot cut the help short.
help_text()
{
	awk '/^# \[help\]$/ { on = 1; next }
		on && !/^#/ { exit }
		on { sub(/^# ?/, ""); print }' "$1"
}

# html_esc: stdin to stdout with &, < and > escaped for HTML.
html_esc()
{
	sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g'
}

# DS_PROG is the name every message of the command starts with
# ("dirtysuite bench"); the command sets it before sourcing this file.
: "${DS_PROG:=dirtysuite}"

# note MESSAGE: a line for the person running the command, on stderr.
note()
{
	echo "$DS_PROG: $*" >&2
}

# die STATUS MESSAGE: note MESSAGE and exit with STATUS (see each
# command's "Exit status").
die()
{
	dd_status=$1
	shift
	note "$*"
	exit "$dd_status"
}

# usage MESSAGE: bad usage, exit status 2 in every command.
usage()
{
	die 2 "$*"
}

# ds_host: this machine's name, fit for a folder name.
ds_host()
{
	dh_name=$(uname -n 2>/dev/null | tr -c 'A-Za-z0-9._\n-' '_')
	echo "${dh_name:-localhost}"
}

# results_name WORD...: a results folder's name, the WORDs joined by '-',
# with %date the time of day (YYYYmmdd-HHMMSS: sorts as it happened),
# %host ds_host and %pid this shell's pid.  Each command keeps the word
# order its help and its readers (README, merge, flakes) already name:
#   check, unit   %date %host LABEL %pid
#   bench         %date %host LABEL
#   qualify       %date %host LABEL
#   merge         %date merge
#   flakes        flakes %date %pid
#   vm            NAME %date
results_name()
{
	rn_name=
	rn_date=$(date +%Y%m%d-%H%M%S)
	for rn_w; do
		case $rn_w in
		%date)	rn_w=$rn_date ;;
		%host)	rn_w=$(ds_host) ;;
		%pid)	rn_w=$$ ;;
		esac
		rn_name=$rn_name${rn_name:+-}$rn_w
	done
	echo "$rn_name"
}
