# SPDX-License-Identifier: GPL-2.0
#
# Which tests a run covers.
#
# Conformance tests come from `$DS_CONFORM list`, one a line:
# ID<TAB>tier<TAB>description.  A PATTERN picks tests by a shell glob on
# the ID (RING-*) or by area, the ID's part before the first '-' (ring,
# RING).  A pattern that picks nothing is an error, not an empty run: a
# typo in CI must not turn into a green result.
#
# Unit tests are the executables $DS_BUILD/tests/test-* and the shell
# tests $DS_TESTS/*.t.sh, each one line: name<TAB>path.
#
# What is picked is SEL, one line a test, and SEL_N; the runner (check.sh)
# walks SEL with sel_split and keeps its own counts.

# sel_all: SEL_ALL becomes the full list, or the run stops with status 3.
sel_all()
{
	[ -f "$DS_CONFORM" ] && [ -x "$DS_CONFORM" ] ||
		die 3 "$DS_CONFORM: no such executable (run make, or set DS_CONFORM)"
	SEL_ALL=$("$DS_CONFORM" list) || die 3 "'$DS_CONFORM list' failed"
}

# sel_split LINE: SEL_ID, SEL_TIER, SEL_DESC.
sel_split()
{
	SEL_ID=${1%%	*}
	SEL_TIER=
	SEL_DESC=
	case $1 in
	*"	"*)	ss_rest=${1#*	}
		SEL_TIER=${ss_rest%%	*}
		case $ss_rest in *"	"*) SEL_DESC=${ss_rest#*	} ;; esac ;;
	esac
}

# sel_match ID PATTERN
sel_match()
{
	case $1 in
	$2)	return 0 ;;
	esac
	[ "${1%%-*}" = "$(printf '%s' "$2" | tr a-z A-Z)" ]
}

# sel_pick QUICK PATTERN...: SEL becomes the chosen lines of SEL_ALL, in
# list order; SEL_N their count.
sel_pick()
{
	sp_quick=$1
	shift
	SEL=
	SEL_N=0
	for sp_pat in "$@"; do
		sp_hit=
		sel_each "$SEL_ALL" sp_probe "$sp_pat"
		[ -n "$sp_hit" ] ||
			usage "no test matches '$sp_pat' (dirtysuite list shows them all)"
	done
	sel_each "$SEL_ALL" sp_keep "$@"
	[ $SEL_N -gt 0 ] || usage "no test to run${1:+ matches '$*'}${sp_quick:+ in the quick tier}"
}

sp_probe()
{
	sel_match "$SEL_ID" "$1" && sp_hit=1
	return 0
}

sp_keep()
{
	[ -z "$sp_quick" ] || [ "$SEL_TIER" = quick ] || return 0
	if [ $# -gt 0 ]; then
		sk_hit=
		for sk_pat in "$@"; do
			sel_match "$SEL_ID" "$sk_pat" && { sk_hit=1; break; }
		done
		[ -n "$sk_hit" ] || return 0
	fi
	SEL="$SEL$SEL_LINE
"
	SEL_N=$((SEL_N + 1))
}

# sel_each LIST FUNC ARGS...: FUNC ARGS for each line of LIST, with
# SEL_LINE, SEL_ID, SEL_TIER and SEL_DESC set; FUNC is one of this
# file's (sp_probe, sp_keep).  Lines are split with IFS and globbing off,
# then both are put back before FUNC runs.
sel_each()
{
	se_list=$1
	se_func=$2
	shift 2
	se_ifs=$IFS
	set -f
	IFS='
'
	for SEL_LINE in $se_list; do
		IFS=$se_ifs
		set +f
		sel_split "$SEL_LINE"
		"$se_func" "$@"
	done
	IFS=$se_ifs
	set +f
}

# sel_units PATTERN...: SEL becomes the unit tests (name<TAB>path).
sel_units()
{
	SEL=
	SEL_N=0
	for su_f in "$DS_BUILD"/tests/test-* "$DS_TESTS"/*.t.sh; do
		[ -f "$su_f" ] || continue
		su_name=${su_f##*/}
		case $su_name in
		*.t.sh)	;;
		*)	[ -x "$su_f" ] || continue ;;
		esac
		if [ $# -gt 0 ]; then
			for su_pat in "$@"; do
				case $su_name in $su_pat) su_pat=; break ;; esac
			done
			[ -z "$su_pat" ] || continue
		fi
		SEL="$SEL$su_name	$su_f
"
		SEL_N=$((SEL_N + 1))
	done
	return 0
}
