#!/bin/sh
# verdict.sh - decide, from a tree's content, which upstream commits of
# semantic-patches/commits it carries: present, absent or partial, each
# with its evidence (DESIGN.md §3).
#
# Usage: verdict.sh KERNEL TREE UPSTREAM OUTDIR [EXISTING PRISTINE]
#   KERNEL    label, for messages
#   TREE      the tree as the series will meet it (read only)
#   UPSTREAM  the upstream tree (read only)
#   OUTDIR    out/<kernel>, holding probes.json
#   EXISTING  a maintainer's quilt series directory already applied to
#             TREE (read only), and PRISTINE the tree without it: a present
#             commit is then attributed to the patch that carries it
# For each unit semantic-patches/series/NN-<id>-*.cocci, in upstream order,
#   its pieces are its "// Evidence:" lines, each one of
#     KIND NAME FILES            the definition is there as upstream, token
#                                for token
#     KIND NAME FILES: CODE      the definition holds CODE (its tokens, in
#                                a row); "!CODE": does not
#     gone KIND NAME FILES       the definition is not there
#   A lowering this tree needs that lowers the same commit may give its own
#   Evidence for a definition, which then replaces the unit's; evidence on
#   a definition a needed lowering omits ("// Omits:"), and whole-definition
#   evidence on one it changes ("// Affects:", the unit's own included), is
#   not evidence here. A "gone" or "!CODE" piece can only count against a
#   commit, never for it. Then:
#     every piece there                    -> present
#     no piece there, "// Needed when:"
#       holds                              -> absent: the series takes it
#     no piece there, it does not          -> not applicable
#     some there, some not                 -> partial
# Outputs: OUTDIR/verdict.json, an array in upstream order of {commit (12
#   hex), id, subject, unit, verdict, evidence: [..], missing: [..],
#   carried_by}; OUTDIR/verdict.txt, a line per commit (a present one
#   followed by its evidence, one indented line each). Both atomically.
# Errors: exit 1 when a commit is partial: the message lists the pieces
#   that are there and those that are not, and what to do; exit 2 for bad
#   arguments or missing probe results.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=../lib/defs.sh
. "$ZB/lib/defs.sh"
{ [ $# -eq 4 ] || [ $# -eq 6 ]; } ||
	usage_die "usage: verdict.sh KERNEL TREE UPSTREAM OUTDIR [EXISTING PRISTINE]"
kernel=$1 tree=$2 upstream=$3 out=$4 existing=${5:-} pristine=${6:-}
probes=$out/probes.json
[ -f "$probes" ] || usage_die "no probe results for $kernel at $probes"
sp=$ZPCI_TOP/semantic-patches
hdr() { sh "$ZB/lib/cocci-header.sh" "$1" "$2"; }
# holds EXPR: the probe expression EXPR is true on this tree.
holds() {
	_rc=0
	sh "$ZB/probe/needed.sh" "$1" "$probes" || _rc=$?
	[ "$_rc" -le 1 ] || exit 2
	return "$_rc"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
units=$(for u in "$sp"/series/[0-9][0-9]-*.cocci; do echo "$u"; done)

# The lowerings this tree needs: what they change on purpose ("ITEM\tRULE\t
# Affects|Omits" lines) and the commit each lowers ("COMMIT\tRULE").
: > "$tmp/lowered"
: > "$tmp/lowcommit"
for low in "$sp"/lowering/lower-*.cocci; do
	holds "$(hdr "$low" 'Needed when')" || continue
	l=$(basename "$low" .cocci)
	for rel in Affects Omits; do
		hdr "$low" "$rel" | sed "s|\$|	$l	$rel|" >> "$tmp/lowered"
	done
	printf '%s\t%s\n' "$(hdr "$low" Upstream | cut -d' ' -f1)" "$l" >> "$tmp/lowcommit"
done

# The patches of EXISTING, in series order, and their patch-ids.
: > "$tmp/existing"
epd=
if [ -n "$existing" ]; then
	series_entries "$existing" > "$tmp/existing"
	epd=$(series_dir "$existing")
fi
# patchid FILE: the patch-id of a patch, its file headers normalised (a
# diff --git line per file, a/ and b/ prefixes, no timestamps), so that a
# patch made by diff, quilt or git gives the same id for the same change.
patchid() {
	filterdiff --remove-timestamps --strip=1 --addoldprefix=a/ --addnewprefix=b/ "$1" 2>/dev/null |
		sed -e '/^--- a\//{h;s|^--- a/\(.*\)$|diff --git a/\1 b/\1|p;g;}' |
		git patch-id --stable 2>/dev/null | awk '{ print $1 }'
}
if [ -s "$tmp/existing" ]; then
	while read -r p; do
		printf '%s %s\n' "$(patchid "$epd/$p")" "$p"
	done < "$tmp/existing" > "$tmp/existing.ids"
	# Our own patch of each commit for the tree without EXISTING.
	mkdir -p "$tmp/pristine"
	cp "$probes" "$tmp/pristine/"
	if sh "$0" "$kernel" "$pristine" "$upstream" "$tmp/pristine" > /dev/null 2>&1 &&
		sh "$ZB/generate/generate.sh" "$kernel" "$pristine" "$upstream" "$tmp/pristine" > /dev/null 2>&1; then
		for m in "$tmp/pristine"/gen/*.meta; do
			[ -f "$m" ] || continue
			c=$(sed -n 's/^commit: //p' "$m")
			printf '%s %s\n' "$(patchid "${m%.meta}.diff")" "$c"
		done > "$tmp/ours.ids"
	else
		log "$kernel: no patches of our own for the tree without EXISTING: patch-ids not compared"
		: > "$tmp/ours.ids"
	fi
fi
# carried ID NAMES: the patch of EXISTING that carries commit ID (full),
# and how it was found; NAMES are the names of the commit's definitions.
carried() {
	[ -s "$tmp/existing" ] || return 0
	_s=$(printf '%s' "$1" | cut -c1-12)
	while read -r p; do
		if grep -q -i -E "^(Git-commit:[[:space:]]*|commit[[:space:]]+|.*[Uu]pstream commit[[:space:]]+|.*cherry picked from commit[[:space:]]+)$_s" \
			"$epd/$p"; then
			echo "$p (names the commit)"
			return 0
		fi
	done < "$tmp/existing"
	_id=$(awk -v c="$1" '$2 == c { print $1 }' "$tmp/ours.ids")
	if [ -n "$_id" ]; then
		_p=$(awk -v i="$_id" '$1 == i { print $2; exit }' "$tmp/existing.ids")
		[ -z "$_p" ] || { echo "$_p (patch-id $(printf '%s' "$_id" | cut -c1-12))"; return 0; }
	fi
	while read -r p; do
		for n in $2; do
			if grep -E '^(@@|[-+])' "$epd/$p" | grep -q -w -F "$n"; then
				echo "$p (changes $n)"
				return 0
			fi
		done
	done < "$tmp/existing"
}

printf '[' > "$tmp/json"
sep='' partial=''
for unit in $units; do
	c12=$(hdr "$unit" Upstream | cut -d' ' -f1)
	full=$(commit_field "$c12" id) || die "$(basename "$unit"): $c12 has no line in semantic-patches/commits"
	subject=$(commit_field "$c12" subject)
	: > "$tmp/ev"
	: > "$tmp/miss"
	: > "$tmp/info"
	: > "$tmp/names"
	# The lowerings of this commit the tree needs, and their evidence.
	lows=$(awk -F '\t' -v c="$c12" '$1 == c { print $2 }' "$tmp/lowcommit" | sort -u)
	{
		for l in $lows; do hdr "$sp/lowering/$l.cocci" Evidence; done
		repl=$(for l in $lows; do hdr "$sp/lowering/$l.cocci" Evidence; done |
			sed 's/^gone //' | awk '{ print $1, $2 }' | sort -u)
		hdr "$unit" Evidence | while IFS= read -r e; do
			ki=$(printf '%s\n' "$e" | sed 's/^gone //' | awk '{ print $1, $2 }')
			printf '%s\n' "$repl" | grep -q -x -F "$ki" || printf '%s\n' "$e"
		done
	} > "$tmp/evidence"
	own=$(hdr "$unit" Affects)
	while IFS= read -r e; do
		gone='' neg='' code=''
		case $e in gone\ *) gone=1 e=${e#gone } ;; esac
		case $e in *': '*) code=${e#*: } e=${e%%: *} ;; esac
		case $code in '!'*) neg=1 code=${code#!} ;; esac
		kind=${e%% *} rest=${e#* } name=${rest%% *} alts=${rest#* }
		printf '%s\n' "$name" >> "$tmp/names"
		where="$kind $name ($(pick "$tree" "$alts"))"
		by=$(awk -F '\t' -v i="$kind $name" '$1 == i && $3 == "Omits" { print $2; exit }' "$tmp/lowered")
		if [ -z "$by" ] && [ -z "$code" ] && [ -z "$gone" ]; then
			by=$(awk -F '\t' -v i="$kind $name" '$1 == i { print $2; exit }' "$tmp/lowered")
			[ -n "$by" ] || ! printf '%s\n' "$own" | grep -q -x -F "$kind $name" || by=$(basename "$unit" .cocci)
		fi
		if [ -n "$by" ]; then
			echo "$where: changed here by $by (not evidence)" >> "$tmp/info"
			continue
		fi
		if [ -n "$gone" ]; then
			! def_tokens "$tree" "$alts" "$kind $name" "$tmp/t" ||
				echo "$where: still there (upstream removes it)" >> "$tmp/miss"
			continue
		fi
		if ! def_tokens "$tree" "$alts" "$kind $name" "$tmp/t"; then
			[ -n "$neg" ] || echo "$where: not in the tree" >> "$tmp/miss"
			continue
		fi
		if [ -n "$code" ]; then
			printf '%s\n' "$code" | tokens | tr '\n' ' ' | sed 's/^/ /' > "$tmp/c"
			if tr '\n' ' ' < "$tmp/t" | sed 's/^/ /' | grep -q -F -f "$tmp/c"; then
				if [ -n "$neg" ]; then echo "$where: still holds '$code'" >> "$tmp/miss"
				else echo "$where: holds '$code'" >> "$tmp/ev"; fi
			elif [ -z "$neg" ]; then
				echo "$where: lacks '$code'" >> "$tmp/miss"
			fi
			continue
		fi
		def_tokens "$upstream" "$alts" "$kind $name" "$tmp/u" ||
			die "$(basename "$unit"): '$kind $name' is not in upstream $(pick "$upstream" "$alts"); fix its \"// Evidence:\" line"
		if cmp -s "$tmp/u" "$tmp/t"; then
			echo "$where: as upstream" >> "$tmp/ev"
		else
			echo "$where: differs from upstream: $(token_gist "$tmp/t" "$tmp/u")" >> "$tmp/miss"
		fi
	done < "$tmp/evidence"
	names=$(sort -u "$tmp/names" | tr '\n' ' ')
	np=$(wc -l < "$tmp/ev")
	nm=$(wc -l < "$tmp/miss")
	if [ "$np" -gt 0 ] && [ "$nm" -eq 0 ]; then
		verdict=present
	elif [ "$np" -gt 0 ]; then
		verdict=partial partial="$partial $c12"
	elif holds "$(hdr "$unit" 'Needed when')"; then
		[ "$nm" -gt 0 ] || die "$(basename "$unit"): no \"// Evidence:\" line is evidence on $kernel; every unit needs one that holds upstream"
		verdict=absent
	else
		verdict="not applicable"
		echo "probe: not ($(hdr "$unit" 'Needed when'))" >> "$tmp/info"
	fi
	by=
	[ "$verdict" != present ] || by=$(carried "$full" "$names")
	jq -n --arg c "$c12" --arg id "$full" --arg s "$subject" --arg u "$(basename "$unit")" \
		--arg v "$verdict" --rawfile ev "$tmp/ev" --rawfile miss "$tmp/miss" --rawfile info "$tmp/info" \
		--arg by "$by" \
		'{commit: $c, id: $id, subject: $s, unit: $u, verdict: $v,
		  evidence: ($ev | split("\n") | map(select(. != ""))),
		  missing: ($miss | split("\n") | map(select(. != ""))),
		  notes: ($info | split("\n") | map(select(. != ""))),
		  carried_by: (if $by == "" then null else $by end)}' > "$tmp/one"
	printf '%s' "$sep" >> "$tmp/json"
	cat "$tmp/one" >> "$tmp/json"
	sep=,
done
printf ']\n' >> "$tmp/json"
jq . "$tmp/json" | atomic_write "$out/verdict.json"
jq -r '.[] | "\(.commit) \(.verdict)" +
	(if .carried_by then ", carried by \(.carried_by)" else "" end) +
	(if .verdict == "present" then ": \(.evidence | length) piece(s) in place" +
		(.evidence | map("\n  " + .) | join(""))
	 elif .verdict == "absent" then ": \(.missing | length) piece(s) to backport"
	 elif .verdict == "partial" then ": in place: \(.evidence | join("; ")); missing: \(.missing | join("; "))"
	 else ": \(.notes | map(select(startswith("probe: "))) | join("; "))" end)' "$out/verdict.json" | atomic_write "$out/verdict.txt"

if [ -n "$partial" ]; then
	for c in $partial; do
		jq -r --arg c "$c" --arg k "$kernel" '.[] | select(.commit == $c) |
			"\(.commit) (\"\(.subject)\") is partly in the \($k) tree:",
			(.missing[] | "  missing: \(.)"),
			"  in place: \(.evidence | map(sub(": (as upstream|holds .*|gone, as upstream)$"; "")) | join(", "))"' \
			"$out/verdict.json" >&2
	done
	die "$kernel carries part of$partial: revert those pieces, or complete them, so that each commit is wholly there or wholly absent (see $out/verdict.txt)"
fi
