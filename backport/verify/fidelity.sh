#!/bin/sh
# fidelity.sh - compare the series' definitions in a backported tree with
# the upstream tree, token by token (whitespace and comments ignored).
#
# Usage: fidelity.sh KERNEL TREE WORK UPSTREAM OUTDIR
#   TREE      the pristine tree
#   WORK      the tree with the series applied
#   UPSTREAM  the upstream tree
#   OUTDIR    out/<kernel>, whose gen/*.meta name the rules applied
# Inputs: the items, the "// Compare:" lines of the semantic patches:
#     KIND NAME FILES                    the same definition upstream
#     KIND NAME FILES = KIND NAME FILES  compared with its upstream
#                                        counterpart (5.10's vfio-pci keeps
#                                        that code elsewhere)
#     gone KIND NAME FILES               removed, as upstream has it nowhere
#   FILES is a path, or alternatives "a|b" (the same code in another file
#   of an older layout); ZPCI_FIDELITY_ITEMS names a file of such lines
#   instead (for the tests). A definition that differs is attributed
#   to the applied rules whose "// Affects:" header names it, or, for a
#   definition the tree had before the series, to the tree itself when the
#   series changed it and every token difference left was there before.
#   Every definition the series adds, changes or removes (touched.sh; our
#   compat headers, in files neither the tree nor upstream has, aside)
#   must be an item: one that is not is "NOT COMPARED".
# Outputs: OUTDIR/fidelity.txt, one line per definition: "identical",
#   "differs: <rules>", "gone, as upstream", "absent: <rule>",
#   "UNATTRIBUTED", "MISSING" or "NOT COMPARED", with a token diff for a
#   difference; OUTDIR/fidelity.json with the same verdicts.
# Errors: exit 1 when any definition differs without an attribution, is
#   missing from the backported tree, or is touched but not compared.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=../lib/defs.sh
. "$ZB/lib/defs.sh"
[ $# -eq 5 ] || usage_die "usage: fidelity.sh KERNEL TREE WORK UPSTREAM OUTDIR"
kernel=$1 tree=$2 work=$3 upstream=$4 out=$5

# dist A B: the insert/delete edit distance between two token lists (the
# number of tokens a minimal diff removes or adds).
dist() { diff -d "$1" "$2" | grep -c '^[<>]' || true; }

# agrees BEFORE OURS: true when each hunk of the series' own change to
# this definition (BEFORE -> OURS) agrees with upstream ($tmp/up): what a
# hunk adds is found, token for token, in upstream; what it removes is not.
agrees() {
	tr '\n' ' ' < "$tmp/up" | sed 's/^/ /' > "$tmp/upline"
	diff -d "$1" "$2" | awk -v up="$tmp/upline" '
		BEGIN { getline u < up }
		function check() {
			if (add != "" && !index(u, add " ")) bad = 1
			if (del != "" && index(u, del " ")) bad = 1
			add = ""; del = ""
		}
		/^[0-9]/ { check(); next }
		/^< / { del = del " " substr($0, 3); next }
		/^> / { add = add " " substr($0, 3) }
		END { check(); exit bad }'
}

# preexisting BEFORE OURS: true when the series only moved this definition
# towards upstream, so every difference left was there before: either OURS
# lies on a shortest edit path from BEFORE (the pristine tree) to upstream,
# d(before, up) = d(before, ours) + d(ours, up), or, where repeated tokens
# make the minimal path ambiguous, each hunk of the series agrees with
# upstream.
preexisting() {
	[ "$(dist "$1" "$tmp/up")" -eq $(($(dist "$1" "$2") + $(dist "$2" "$tmp/up"))) ] ||
		agrees "$1" "$2"
}

# (a unit that ran no rule, the compat headers, says "rules: none")
rules=$(awk '/^rules:/ { for (i = 2; i <= NF; i++) if ($i != "none") print $i }' "$out"/gen/*.meta)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
report=$tmp/report
: > "$report"
printf '[' > "$tmp/json"
sep=

# record ITEM FILE VERDICT: one line of the report and of the JSON.
record() {
	printf '%-60s %s\n' "$1 ($2)" "$3" >> "$report"
	printf '%s{"item":"%s","file":"%s","verdict":"%s"}' "$sep" "$1" "$2" "$3" >> "$tmp/json"
	sep=,
}

# The items: the "// Compare:" lines of every semantic patch (a series
# unit or a lowering): "[gone] KIND NAME FILES [= KIND NAME FILES]".
if [ -n "${ZPCI_FIDELITY_ITEMS:-}" ]; then
	grep -v -E '^[[:space:]]*(#|$)' "$ZPCI_FIDELITY_ITEMS" > "$tmp/items"
else
	for r in "$ZPCI_TOP"/semantic-patches/series/*.cocci "$ZPCI_TOP"/semantic-patches/lowering/*.cocci; do
		sh "$ZB/lib/cocci-header.sh" "$r" Compare
	done | awk '!seen[$0]++' > "$tmp/items"
fi
while read -r kind name alts rest; do
	gone=
	if [ "$kind" = gone ]; then
		gone=1 kind=$name name=$alts alts=${rest%% *} rest=${rest#"$alts"}
		[ "$alts" != "$rest" ] || rest=
	fi
	item="$kind $name"
	ourfile=$(pick "$work" "$alts")
	uitem=$item ualts=$alts
	case $rest in
	"= "*)
		# shellcheck disable=SC2086 # the counterpart item: three words
		set -- ${rest#= }; uitem="$1 $2" ualts=$3 ;;
	esac
	file=$(pick "$upstream" "$ualts")
	if [ -n "$gone" ]; then
		# A definition the series removes, as upstream has it nowhere.
		if sh "$ZB/generate/extract.sh" "$upstream" "$file" "$item" > /dev/null 2>&1; then
			die "fidelity item 'gone $item' is in upstream $file; fix the rule's \"// Compare:\" line"
		fi
		if sh "$ZB/generate/extract.sh" "$work" "$ourfile" "$item" > /dev/null 2>&1; then
			record "$item" "$ourfile" "UNATTRIBUTED: still there, upstream has none"
		elif sh "$ZB/generate/extract.sh" "$tree" "$ourfile" "$item" > /dev/null 2>&1; then
			record "$item" "$ourfile" "gone, as upstream"
		else
			record "$item" "$ourfile" "not in this tree"
		fi
		continue
	fi
	if ! sh "$ZB/generate/extract.sh" "$upstream" "$file" "$uitem" 2>/dev/null | tokens > "$tmp/up"; then
		die "fidelity item '$uitem' is not in upstream $file; fix the rule's \"// Compare:\" line"
	fi
	[ "$uitem" = "$item" ] || file="$file: $uitem"
	if ! sh "$ZB/generate/extract.sh" "$work" "$ourfile" "$item" > "$tmp/raw" 2>/dev/null &&
		[ "$uitem" != "$item" ] && ! sh "$ZB/generate/extract.sh" "$tree" "$ourfile" "$item" > /dev/null 2>&1; then
		# A counterpart item for a layout this tree does not have.
		record "$item" "$ourfile" "not in this tree"
		continue
	elif ! [ -s "$tmp/raw" ]; then
		verdict="MISSING"
		# A lowering may leave a definition out on purpose (the tree
		# keeps that code elsewhere, or the feature it belongs to is not
		# backported): it says so with "// Omits: ITEM".
		for r in $rules; do
			if sh "$ZB/lib/cocci-header.sh" "$(rule_file "$r")" Omits | grep -q -x -F "$item"; then
				verdict="absent: $r"
			fi
		done
	else
		tokens < "$tmp/raw" > "$tmp/ours"
		if cmp -s "$tmp/up" "$tmp/ours"; then
			verdict=identical
		else
			by=""
			for r in $rules; do
				sh "$ZB/lib/cocci-header.sh" "$(rule_file "$r")" Affects | grep -q -x -F "$item" && by="$by $r"
			done
			if [ -n "$by" ]; then
				verdict="differs:$by"
			elif sh "$ZB/generate/extract.sh" "$tree" "$ourfile" "$item" 2>/dev/null | tokens > "$tmp/before" &&
				! cmp -s "$tmp/before" "$tmp/ours"; then
				if preexisting "$tmp/before" "$tmp/ours"; then
					verdict="differs: pre-existing in this tree"
				else
					verdict=UNATTRIBUTED
				fi
			else
				verdict=UNATTRIBUTED
			fi
		fi
	fi
	record "$item" "$file" "$verdict"
	case $verdict in
	identical | MISSING | absent:*) ;;
	*) diff "$tmp/up" "$tmp/ours" | sed 's/^/    /' >> "$report" || true ;;
	esac
done < "$tmp/items"

# Every definition the series adds, changes or removes is compared: the
# upstream backport patches' touched definitions (touched.sh), each
# covered by an item of its kind, name and file (a member also by its
# struct). Files neither the tree nor upstream has are our compat headers,
# not upstream code.
files=$(sh "$ZB/lib/series-files.sh" "$out")
# shellcheck disable=SC2086 # $files is a list of paths
sh "$ZB/verify/touched.sh" "$tree" "$work" $files |
	grep -v -E ' (EXPORT_SYMBOL[A-Z_]*|__packed|__aligned) ' > "$tmp/touched" || :
while read -r how kind name file; do
	[ -f "$tree/$file" ] || [ -f "$upstream/$file" ] || continue
	want="$kind $name"
	[ "$how" = gone ] && want="gone $want"
	struct=
	[ "$kind" != member ] || struct="struct ${name%%.*}"
	[ -z "$struct" ] || [ "$how" != gone ] || struct="gone $struct"
	if awk -v w="$want" -v st="$struct" -v f="$file" '
		{ it = $1 " " $2; alts = $3; if ($1 == "gone") { it = it " " $3; alts = $4 } }
		(it == w || (st != "" && it == st)) && index("|" alts "|", "|" f "|") { found = 1 }
		END { exit !found }' "$tmp/items"; then
		continue
	fi
	record "$want" "$file" "NOT COMPARED: the series $how it; the rule that does needs a Compare line for it"
done < "$tmp/touched"
printf ']\n' >> "$tmp/json"
jq . "$tmp/json" | atomic_write "$out/fidelity.json"
atomic_write "$out/fidelity.txt" < "$report"
bad='select(.verdict | test("^(UNATTRIBUTED|MISSING|NOT COMPARED)"))'
n=$(jq "[.[] | $bad] | length" "$out/fidelity.json")
[ "$n" -eq 0 ] || {
	jq -r ".[] | $bad"' | "\(.item) in \(.file): \(.verdict)"' "$out/fidelity.json" >&2
	die "$n definition(s) differ from upstream on $kernel without a rule to account for it (see $out/fidelity.txt)"
}
