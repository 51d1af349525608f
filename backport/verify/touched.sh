#!/bin/sh
# touched.sh - list every definition a series adds, changes or removes, so
# that fidelity can prove each one is compared with upstream.
#
# Usage: touched.sh TREE WORK FILE...
#   TREE  the pristine tree
#   WORK  the same tree with the series applied
#   FILE  the tree-relative files to look at (those the series touches)
# Method: diff -U0 of each FILE gives the changed lines of both versions;
#   universal-ctags gives the definitions of both versions with their line
#   spans; a changed line belongs to the innermost definition around it
#   (a struct member rather than its struct). Lines that are blank, hold
#   only a comment, a preprocessor line or braces do not count (diff may
#   pair a new function's closing brace with its neighbour's). A definition
#   whose lines changed in WORK is "touched"; one that only the pristine
#   version has is "gone".
# Outputs: one line per definition, sorted: "touched KIND NAME FILE" or
#   "gone KIND NAME FILE", KIND a ctags kind (function, prototype,
#   struct, member, macro, ...), a member's NAME written STRUCT.MEMBER.
# Errors: exit 2 for bad arguments; 1 when ctags fails.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -ge 3 ] || usage_die "usage: touched.sh TREE WORK FILE..."
tree=$1 work=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# defs SRC OUT: "START END KIND NAME" of every definition of SRC.
defs() {
	: > "$2"
	[ -f "$1" ] || return 0
	ctags --kinds-C=+px --fields=+neKZ --output-format=json -o - "$1" 2> /dev/null |
		jq -r 'select(._type == "tag") | "\(.line) \(.end // .line) \(.kind) \(
			if .kind == "member" then "\(.scope // "?").\(.name)" else .name end)"' > "$2" ||
		die "ctags failed on $1"
}

# owners DEFS SRC LINES: for each line number of LINES (one per line) that
# holds code, the innermost definition of DEFS around it.
owners() {
	awk -v defs="$1" -v src="$2" '
		BEGIN {
			while ((getline l < defs) > 0) { n++; split(l, f, " "); s[n] = f[1]; e[n] = f[2]; k[n] = f[3] " " f[4] }
			while ((getline l < src) > 0) text[++m] = l
		}
		{
			t = text[$1]
			gsub(/^[ \t]+|[ \t]+$/, "", t)
			if (t == "" || t ~ /^(\/\*|\*|\/\/|#)/ || t ~ /^[{};]+$/) next
			best = 0
			for (i = 1; i <= n; i++)
				if (s[i] <= $1 && $1 <= e[i] && (!best || e[i] - s[i] < e[best] - s[best]))
					best = i
			if (best) print k[best]
		}' "$3"
}

for f in "$@"; do
	old=$tree/$f new=$work/$f
	[ -f "$old" ] || old=/dev/null
	[ -f "$new" ] || new=/dev/null
	defs "$old" "$tmp/old.defs"
	defs "$new" "$tmp/new.defs"
	diff -U0 "$old" "$new" | awk -v o="$tmp/old.lines" -v n="$tmp/new.lines" '
		BEGIN { printf "" > o; printf "" > n }
		/^@@ / {
			split($2, a, ","); split($3, b, ",")
			os = substr(a[1], 2); oc = (2 in a) ? a[2] : 1
			ns = substr(b[1], 2); nc = (2 in b) ? b[2] : 1
			for (i = 0; i < oc; i++) print os + i > o
			for (i = 0; i < nc; i++) print ns + i > n
		}' || :
	owners "$tmp/new.defs" "$new" "$tmp/new.lines" | sort -u > "$tmp/new.own"
	owners "$tmp/old.defs" "$old" "$tmp/old.lines" | sort -u > "$tmp/old.own"
	# Removed lines of a definition that is still there count as a change
	# of it; a definition only the pristine file has is gone.
	cut -d' ' -f3,4 "$tmp/new.defs" | sort -u > "$tmp/new.names"
	{
		sed "s|\$| $f|; s|^|touched |" "$tmp/new.own"
		comm -12 "$tmp/old.own" "$tmp/new.names" | sed "s|\$| $f|; s|^|touched |"
		comm -23 "$tmp/old.own" "$tmp/new.names" | sed "s|\$| $f|; s|^|gone |"
	} >> "$tmp/all"
done
sort -u "$tmp/all"
