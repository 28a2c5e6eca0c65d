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
