# SPDX-License-Identifier: GPL-2.0
#
# Known kernel bugs (suite/known-issues): a failing test whose evidence
# matches a listed bug on a host that meets the listed condition becomes
# an expected failure (XFAIL) with the bug named, not a silent pass.

: "${DS_KNOWN:=$DS_ROOT/suite/known-issues}"

# known_cond CONDITION: does this host meet it?
known_cond()
{
	case $1 in
	any)		return 0 ;;
	module:*)	[ -d "/sys/module/${1#module:}" ] ;;
	*)		return 1 ;;
	esac
}

# known_match ID LOG REASON: sets KN_REASON when ID's failure, with output
# LOG and runner reason REASON, is a listed bug.
known_match()
{
	KN_REASON=
	[ -r "$DS_KNOWN" ] || return 1
	while IFS='	' read -r kn_glob kn_cond kn_sig kn_reason; do
		case $kn_glob in ''|'#'*) continue ;; esac
		# shellcheck disable=SC2254 # the glob is the point
		case $1 in $kn_glob) ;; *) continue ;; esac
		known_cond "$kn_cond" || continue
		if grep -Eqa -- "$kn_sig" "$2" 2>/dev/null ||
		   printf '%s\n' "$3" | grep -Eq -- "$kn_sig"; then
			KN_REASON=$kn_reason
			return 0
		fi
	done < "$DS_KNOWN"
	return 1
}
