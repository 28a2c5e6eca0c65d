# SPDX-License-Identifier: GPL-2.0
#
# Known kernel bugs (suite/known-issues), on hosts that meet the listed
# condition, in two kinds of line:
#
#  - a test ID glob: that test's own failure, when its log or the runner's
#    reason carries the listed evidence, is an expected failure (XFAIL)
#    with the bug named, not a silent pass;
#  - kernel-log: a kernel report (WARN, BUG) whose first line matches is
#    that bug wherever it shows up, whichever test or tier was running.  A
#    WARN_ON_ONCE fires in the first run after a boot that reaches it, so
#    which test sees it depends on the boot's history, not on the test.

: "${DS_KNOWN:=$DS_ROOT/suite/known-issues}"
: "${DS_SYS_MODULE:=/sys/module}"	# where loaded modules show (tests fake it)

# known_cond CONDITION: does this host meet it?
known_cond()
{
	case $1 in
	any)		return 0 ;;
	module:*)	[ -d "$DS_SYS_MODULE/${1#module:}" ] ;;
	*)		return 1 ;;
	esac
}

# kn_lines KIND: the known-issues lines for this host, tab separated
# (glob, signature, reason); KIND test skips kernel-log lines, KIND
# kernel-log keeps only them.
kn_lines()
{
	[ -r "$DS_KNOWN" ] || return 0
	while IFS='	' read -r kn_glob kn_cond kn_sig kn_reason; do
		case $kn_glob in ''|'#'*) continue ;; esac
		if [ "$kn_glob" = kernel-log ]; then
			[ "$1" = kernel-log ] || continue
		else
			[ "$1" = test ] || continue
		fi
		known_cond "$kn_cond" || continue
		printf '%s\t%s\t%s\n' "$kn_glob" "$kn_sig" "$kn_reason"
	done < "$DS_KNOWN"
}

# known_match ID LOG REASON: sets KN_REASON when ID's own failure, with
# output LOG and runner reason REASON, is a listed bug.
known_match()
{
	KN_REASON=
	km_lines=$(kn_lines test)
	while IFS='	' read -r kn_glob kn_sig kn_reason; do
		[ -n "$kn_glob" ] || continue
		# shellcheck disable=SC2254 # the glob is the point
		case $1 in $kn_glob) ;; *) continue ;; esac
		if grep -Eqa -- "$kn_sig" "$2" 2>/dev/null ||
		   printf '%s\n' "$3" | grep -Eq -- "$kn_sig"; then
			KN_REASON=$kn_reason
			return 0
		fi
	done <<EOT
$km_lines
EOT
	return 1
}

# known_kernel REPORT: sets KN_REASON when REPORT (a kernel report's first
# line, without its timestamp) is a listed bug.
known_kernel()
{
	KN_REASON=
	kk_lines=$(kn_lines kernel-log)
	while IFS='	' read -r kn_glob kn_sig kn_reason; do
		[ -n "$kn_glob" ] || continue
		if printf '%s\n' "$1" | grep -Eq -- "$kn_sig"; then
			KN_REASON=$kn_reason
			return 0
		fi
	done <<EOT
$kk_lines
EOT
	return 1
}
