#!/bin/sh
# extract.sh - print one definition, or a run of adjacent definitions, of
# the upstream tree verbatim, found by kind and name with universal-ctags.
#
# Usage: extract.sh [--span] TREE FILE SPEC
#   TREE  the upstream kernel tree (read only)
#   FILE  path of the C file or header inside TREE
#   SPEC  "KIND NAME" or "KIND NAME..KIND NAME" (a run from the first to
#         the second, inclusive). KIND is a ctags C kind: function,
#         prototype, struct, union, enum, macro, typedef, variable, or
#         member, whose NAME is written STRUCT.MEMBER. The kind
#         case-to-default, NAME written LABEL@FUNCTION, is the switch arm
#         "case LABEL:" in FUNCTION up to the end of its default arm; the
#         kind switch, NAME a FUNCTION, is the first switch statement of
#         FUNCTION, from "switch (" to its closing brace.
#   --span: print "START END", the line numbers of the one definition SPEC
#   ("KIND NAME"), instead of its lines.
# Outputs: the lines on stdout, byte for byte. A struct, function or macro
#   takes the comment block directly above it along; a function takes the
#   EXPORT_SYMBOL*() line directly below it along; a member takes the
#   comment-only lines directly below it along.
# Errors: exit 1 when FILE is missing or NAME is not defined exactly once
#   with that KIND in FILE.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"

spanonly=
if [ "${1:-}" = --span ]; then spanonly=1; shift; fi
[ $# -eq 3 ] || usage_die "usage: extract.sh [--span] TREE FILE SPEC"
tree=$1 file=$2 spec=$3
src=$tree/$file
[ -f "$src" ] || die "$file: no such file in $tree"

tags=$(ctags --kinds-C=+px --fields=+neKZ --output-format=json -o - "$src" 2>/dev/null) ||
	die "ctags failed on $src"

# span KIND NAME: print "START END" of the one definition.
span() {
	case $1 in
	member)
		printf '%s\n' "$tags" | jq -r --arg s "${2%%.*}" --arg n "${2#*.}" \
			'select(.kind == "member" and .name == $n and (.scope // "") == $s) | "\(.line) \(.end // .line)"' ;;
	*)
		printf '%s\n' "$tags" | jq -r --arg k "$1" --arg n "$2" \
			'select(.kind == $k and .name == $n) | "\(.line) \(.end // .line)"' ;;
	esac
}

one() {
	s=$(span "$1" "$2")
	[ -n "$s" ] || die "$file: no $1 named $2 in the upstream tree"
	[ "$(printf '%s\n' "$s" | wc -l)" -eq 1 ] || die "$file: $1 $2 is defined more than once"
	printf '%s\n' "$s"
}

if [ -n "$spanonly" ]; then
	# shellcheck disable=SC2086 # "KIND NAME" splits into two arguments
	one $spec
	exit
fi
case $spec in
"switch "*)
	# shellcheck disable=SC2046 # "START END" splits into two arguments
	set -- $(one function "${spec#switch }")
	awk -v s="$1" -v e="$2" -v src="$src" '
		NR < s || NR > e { next }
		!on && match($0, /^[ \t]*switch \(/) { on = 1; ind = substr($0, 1, RLENGTH - 8) }
		on { print; n++ }
		on && n > 1 && $0 == ind "}" { done = 1; exit }
		END { if (!done) { print src ": no whole switch statement in the function" > "/dev/stderr"; exit 1 } }
	' "$src"
	exit
	;;
"case-to-default "*@*)
	label=${spec#* }
	fn=${label#*@}
	label=${label%@*}
	# shellcheck disable=SC2046 # "START END" splits into two arguments
	set -- $(one function "$fn")
	awk -v s="$1" -v e="$2" -v l="$label" -v src="$src" '
		NR < s || NR > e { next }
		!on && $0 ~ ("^[ \t]*case " l ":") { on = 1 }
		on && d && match($0, /^[ \t]*/) && RLENGTH <= dind { exit }
		on { print; n++ }
		on && $0 ~ /^[ \t]*default:/ { d = 1; match($0, /^[ \t]*/); dind = RLENGTH }
		END { if (!n || !d) { print src ": no case " l " up to a default arm" > "/dev/stderr"; exit 1 } }
	' "$src"
	exit
	;;
esac

first=${spec%%..*}
last=${spec#*..}
# shellcheck disable=SC2046,SC2086 # "KIND NAME" and "START END" split on purpose
set -- $(one $first) $(one $last) "${first%% *}" "${last%% *}" "${last#* }"
start=$1 end=$4 fkind=$5 lkind=$6 lname=$7
[ "$start" -le "$end" ] || die "$file: '$spec' runs backwards"

awk -v s="$start" -v e="$end" -v fk="$fkind" -v lk="$lkind" -v ln="$lname" '
	{ line[NR] = $0 }
	END {
		# The comment block right above the first definition.
		if (fk == "struct" || fk == "function" || fk == "macro" || fk == "union" || fk == "enum") {
			if (line[s - 1] ~ /\*\/[ \t]*$/) {
				for (i = s - 1; i > 0; i--)
					if (line[i] ~ /^[ \t]*\/\*/) { s = i; break }
			}
		}
		# The export right below the last function.
		if (lk == "function" && line[e + 1] ~ ("^EXPORT_SYMBOL[A-Z_]*\\(" ln "\\);"))
			e++
		# A member takes the comment-only lines right below it along
		# (such as the "End of version N" marks of uAPI structs).
		if (lk == "member")
			while (line[e + 1] ~ /^[ \t]*\/\*.*\*\/[ \t]*$/)
				e++
		for (i = s; i <= e; i++)
			print line[i]
	}' "$src"
