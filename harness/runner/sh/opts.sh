# SPDX-License-Identifier: GPL-2.0
#
# Options of `dirtysuite check` and `dirtysuite unit`.  Every value is
# checked here, right after parsing, so that a bad one costs the user one
# line and exit status 2 instead of a run that fails every test.

# opt_number OPTION VALUE MIN: VALUE must be a whole number >= MIN.
opt_number()
{
	case $2 in
	''|*[!0-9]*)
		usage "$1: '$2' is not a whole number" ;;
	esac
	# Longer would overflow the shell's arithmetic.
	[ ${#2} -le 9 ] || usage "$1: '$2' is too large"
	[ "$2" -ge "$3" ] || usage "$1: '$2' is below the minimum of $3"
}

opt_set()
{
	case $1 in
	--timeout)	opt_number "$1" "$2" 1; OPT_TIMEOUT=$2
			OPT_UNIT_TIMEOUT=$2 ;;
	--minutes)	opt_number "$1" "$2" 1; OPT_MINUTES=$2 ;;
	--seed)		opt_number "$1" "$2" 0; OPT_SEED=$2 ;;
	--results)	[ -n "$2" ] || usage "$1: empty path"
			OPT_RESULTS=$2 ;;
	--inject)	[ -n "$2" ] || usage "$1: empty fault name"
			OPT_INJECT=$2 ;;
	--label)	case $2 in
			''|*[!A-Za-z0-9._-]*)
				usage "$1: '$2' must be letters, digits, '.', '_' or '-'" ;;
			esac
			OPT_LABEL=$2 ;;
	esac
}

# opt_parse MODE ARGS...: MODE is check or unit (which takes fewer).
# Patterns are kept newline-separated in OPT_PATS.
opt_parse()
{
	op_mode=$1
	shift
	OPT_UNIT= OPT_QUICK= OPT_TIMEOUT= OPT_UNIT_TIMEOUT=$DS_TIMEOUT
	OPT_MINUTES= OPT_SEED= OPT_INJECT=
	OPT_RESULTS=$DS_RESULTS
	OPT_LABEL=$op_mode
	OPT_PATS=
	[ "$op_mode" = unit ] && OPT_UNIT=1
	while [ $# -gt 0 ]; do
		case $op_mode:$1 in
		check:--unit)	OPT_UNIT=1 ;;
		check:--quick)	OPT_QUICK=1 ;;
		*:--timeout|*:--results|*:--label|\
		check:--inject|check:--minutes|check:--seed)
			[ $# -ge 2 ] || usage "$1 needs a value"
			opt_set "$1" "$2"
			shift ;;
		*:--timeout=*|*:--results=*|*:--label=*|\
		check:--inject=*|check:--minutes=*|check:--seed=*)
			opt_set "${1%%=*}" "${1#*=}" ;;
		*:-h|*:--help)
			ds_help
			exit 0 ;;
		*:--)	shift
			break ;;
		*:-*)	usage "$op_mode: unknown option '$1' (see dirtysuite help)" ;;
		*)	OPT_PATS="$OPT_PATS$1
" ;;
		esac
		shift
	done
	for op_p in "$@"; do
		OPT_PATS="$OPT_PATS$op_p
"
	done

	# A soak (--minutes) must not be cut short by the per-test timeout
	# meant for ordinary tests: it gets its minutes on top, unless the
	# timeout was given explicitly.  Unit tests keep the plain timeout.
	if [ -z "$OPT_TIMEOUT" ]; then
		OPT_TIMEOUT=$DS_TIMEOUT
		[ -n "$OPT_MINUTES" ] &&
			OPT_TIMEOUT=$((OPT_MINUTES * 60 + DS_TIMEOUT))
	fi
	return 0
}
