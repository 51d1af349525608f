#!/bin/sh
# drift.sh - explain why a rule matched nowhere: where it looked, what it
# looked for, and the nearest thing that is there.
#
# Usage: drift.sh FILE.cocci KEY WORKDIR FILE
#   KEY      the rule ("a|b": the first of the alternatives)
#   WORKDIR  the work copy the rule ran on; FILE the file in it
# Reads the rule's own text: the definition it looks in (a metavariable
#   "identifier fn = NAME;", a "struct NAME@p" anchor, or a "NAME(...) {"
#   pattern), its anchor (the line of its body with a position
#   metavariable "@p", SmPL markers removed) and its metavariables.
# Outputs: one line on stdout, "looked in KIND NAME (FILE:START-END) for
#   'ANCHOR'; nearest there, line N: 'TEXT'" (backport/lib/nearest.c,
#   metavariables matching any token), or where it looked in the whole file
#   when the definition is not there.
# Errors: exit 0 always when its arguments are good (an explanation that
#   cannot be made says so); 2 for bad arguments.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 4 ] || usage_die "usage: drift.sh FILE.cocci KEY WORKDIR FILE"
cocci=$1 key=${2%%|*} work=$3 file=$4
[ -f "$cocci" ] || usage_die "$cocci: no such semantic patch"

# The rule's metavariable lines and body lines, tab-separated by part.
rule=$(awk -v k="$key" '
	$0 ~ ("^@" k "[ @]") { on = 1; part = "m"; next }
	on && part == "m" && /^@@/ { part = "b"; next }
	on && part == "b" && /^@/ { exit }
	on && !/^\/\// { print part "\t" $0 }' "$cocci")
[ -n "$rule" ] || { echo "the rule $key is not in $(basename "$cocci")"; exit 0; }
meta=$(printf '%s\n' "$rule" | sed -n 's/^m\t//p')
body=$(printf '%s\n' "$rule" | sed -n 's/^b\t//p')
# Metavariable names (not symbols): the words after the type, before "=".
wild=$(printf '%s\n' "$meta" | grep -v -E '^[[:space:]]*symbol ' |
	sed -e 's/=[^,;]*//g' -e 's/^[[:space:]]*\(identifier\|expression list\|expression\|statement\|type\|position\|constant\|declaration\|field\|idexpression\|fresh identifier\|iterator name\|iterator\)[[:space:]]//' \
		-e 's/[;,]/ /g' | tr -s ' \t' '\n' | grep -E '^[A-Za-z_][A-Za-z0-9_]*$' | sort -u | tr '\n' ' ')
anchor=$(printf '%s\n' "$body" | grep -m 1 -E '@[A-Za-z_][A-Za-z0-9_]*' |
	sed -e 's/^[-+*]//' -e 's/@[A-Za-z_][A-Za-z0-9_]*//g' -e 's/^[[:space:]]*//')
kind='' name=''
name=$(printf '%s\n' "$meta" | sed -n 's/^[[:space:]]*identifier[[:space:]]\{1,\}[A-Za-z_][A-Za-z0-9_]*[[:space:]]*=[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\)[[:space:]]*;.*/\1/p' | head -n 1)
[ -z "$name" ] || kind=function
if [ -z "$name" ]; then
	name=$(printf '%s\n' "$anchor" | sed -n 's/^struct \([A-Za-z_][A-Za-z0-9_]*\)[[:space:]]*{.*/\1/p')
	[ -z "$name" ] || kind=struct
fi
if [ -z "$name" ]; then
	name=$(printf '%s\n' "$body" | sed -n 's/^[[:space:]]\{0,1\}\([A-Za-z_][A-Za-z0-9_]*\)(.*{[[:space:]]*$/\1/p' | head -n 1)
	case " $wild " in *" $name "*) name= ;; esac
	[ -z "$name" ] || kind=function
fi
[ -n "$anchor" ] || anchor=$(printf '%s\n' "$body" | grep -m 1 -E '^[ -]' | sed -e 's/^[- ]//' -e 's/^[[:space:]]*//')

src=$work/$file
[ -f "$src" ] || { echo "$file is not in the tree"; exit 0; }
where="the whole of $file"
first=1 last=$(wc -l < "$src")
if [ -n "$name" ]; then
	if span=$(sh "$ZB/generate/extract.sh" --span "$work" "$file" "$kind $name" 2>/dev/null); then
		first=${span% *} last=${span#* }
		where="$kind $name ($file:$first-$last)"
	else
		where="the whole of $file ($kind $name is not there)"
	fi
fi
nearest=$(sh "$ZB/lib/tool.sh" nearest)
# shellcheck disable=SC2086 # the metavariables are words
near=$(awk -v s="$first" -v e="$last" 'NR >= s && NR <= e { print NR "\t" $0 }' "$src" |
	"$nearest" "$anchor" $wild) || near=
if [ -n "$near" ]; then
	line=$(printf '%s\n' "$near" | cut -f1)
	text=$(printf '%s\n' "$near" | cut -f3- | sed 's/^[[:space:]]*//')
	echo "looked in $where for '$anchor'; nearest there, line $line: '$text'"
else
	echo "looked in $where for '$anchor'; nothing there is like it"
fi
