#!/bin/sh
# apply-cocci.sh - run one semantic patch over a work copy, check that
# every rule changed exactly as many places as it announces, and replace
# each "ZPCI-UPSTREAM" placeholder by the upstream definition it names.
#
# Usage: apply-cocci.sh KERNEL FILE.cocci WORKDIR UPSTREAM [PROBES.json]
#   KERNEL    label of the kernel, for messages
#   WORKDIR   work copy holding (at least) the files of the "// Files:" line;
#             an entry "a|b" names alternatives, the first one the tree has
#   UPSTREAM  the upstream kernel tree the definitions are read from
#   PROBES    the tree's probe results: every probe that holds is passed to
#             spatch as a virtual rule (-D HAVE_X) the file declares, so a
#             rule can say "depends on patch && !HAVE_X"; an Expect line
#             "// Expect: KEY COUNT FILE if EXPR" counts only when EXPR holds
# Outputs: the files in WORKDIR, changed in place; spatch's log in
#   WORKDIR/../<cocci>.log.
# Errors: exit 1, naming rule, file and kernel, when spatch fails, when a
#   rule matches fewer or more places than its "// Expect:" line says (for
#   none, with drift.sh's account of where it looked and what is nearest
#   there), or when a placeholder cannot be resolved.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 4 ] || [ $# -eq 5 ] ||
	usage_die "usage: apply-cocci.sh KERNEL FILE.cocci WORKDIR UPSTREAM [PROBES.json]"
kernel=$1 cocci=$2 work=$3 upstream=$4 probes=${5:-}
rname=$(basename "$cocci")
files=$(sh "$ZB/lib/cocci-header.sh" "$cocci" Files | sh "$ZB/generate/pick-files.sh" "$work") ||
	die "$rname on $kernel: a file of its '// Files:' line is not in this tree"
[ -n "$files" ] || die "$rname: no '// Files:' line"
defs=
if [ -n "$probes" ]; then
	# shellcheck disable=SC2013 # one probe name per line, no spaces
	for v in $(sed -n 's/^virtual \(HAVE_[A-Z0-9_]*\)$/\1/p' "$cocci"); do
		rc=0; sh "$ZB/probe/needed.sh" "$v" "$probes" || rc=$?
		[ "$rc" -le 1 ] || exit 2
		[ "$rc" -eq 1 ] || defs="$defs -D $v"
	done
fi

# expected: the "// Expect:" lines that count on this tree ("KEY COUNT
# FILE"): unconditional ones, and those whose "if EXPR" holds.
expected() {
	awk '/^\/\/ Expect: / { print $3, $4, $5, ($6 == "if" ? substr($0, index($0, " if ") + 4) : "") }' "$cocci" |
	while read -r key count file cond; do
		if [ -n "$cond" ]; then
			[ -n "$probes" ] || die "$rname: '// Expect: $key' is conditional but no probe results were given"
			rc=0; sh "$ZB/probe/needed.sh" "$cond" "$probes" || rc=$?
			[ "$rc" -le 1 ] || exit 2
			[ "$rc" -eq 0 ] || continue
		fi
		printf '%s %s %s\n' "$key" "$count" "$file"
	done
}
want=$(expected)
if [ -z "$want" ]; then
	# Every rule of the file is for another kind of tree (each of its
	# Expect lines is conditional, and none holds): nothing to run.
	log "$rname on $kernel: no rule applies to this tree"
	exit 0
fi

wdir=$(cd "$(dirname "$work")" && pwd)
log=$wdir/$rname.log
cocci=$(cd "$(dirname "$cocci")" && pwd)/$rname
# shellcheck disable=SC2086 # $files is a list of paths without blanks
# shellcheck disable=SC2086 # $defs is a list of "-D NAME" words
(cd "$work" && sh "$ZB/lib/spatch.sh" "$cocci" -D patch $defs --in-place $files) > "$log" 2>&1 ||
	die "$rname on $kernel: spatch failed (see $log): $(tail -n 3 "$log")"
if grep -q -E '^(minus|plus): parse error|^Fatal error|^exception' "$log"; then
	die "$rname on $kernel: spatch reported an error (see $log)"
fi

# Every announced rule: exactly COUNT places.
printf '%s\n' "$want" | while read -r key count file; do
	n=$(awk -v k="$key" '$1 == "ZPCI-MATCH" && $2 == k' "$log" | wc -l)
	where=$(awk -v k="$key" '$1 == "ZPCI-MATCH" && $2 == k { printf " %s:%s", $3, $4 }' "$log")
	if [ "$n" -ne "$count" ]; then
		# Nothing matched: the context drifted; say where the rule looked,
		# for what, and what is nearest there.
		why=
		[ "$n" -ne 0 ] || why=": $(sh "$ZB/generate/drift.sh" "$cocci" "$key" "$work" \
			"$(echo "$file" | sh "$ZB/generate/pick-files.sh" "$work" 2>/dev/null || echo "${file%%|*}")")"
		die "rule $key of $rname matched $n place(s) in $file on kernel $kernel, expected $count${where:+ (at$where)}$why"
	fi
done

# upstream_of FILE: the upstream file of FILE, the first alternative of its
# "// Files:" entry that the upstream tree has (older trees keep the same
# code under another name).
upstream_of() {
	for entry in $(sh "$ZB/lib/cocci-header.sh" "$cocci" Files); do
		case "|$entry|" in
		*"|$1|"*)
			for a in $(printf '%s\n' "$entry" | tr '|' ' '); do
				[ -f "$upstream/$a" ] && { printf '%s\n' "$a"; return 0; }
			done ;;
		esac
	done
	printf '%s\n' "$1"
}

# Placeholders: a line holding only /* ZPCI-UPSTREAM KIND NAME[..KIND NAME] [FILE] */
for f in $files; do
	grep -q -E 'ZPCI-(UPSTREAM|SNIPPET)' "$work/$f" || continue
	tmp=$(mktemp "$work/$f.XXXXXX")
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		*'/* ZPCI-UPSTREAM '*' */')
			spec=${line#*ZPCI-UPSTREAM }
			spec=${spec% \*/}
			# spec is "KIND NAME[..KIND NAME]", then an optional upstream
			# file (a path, with a slash) when it is not the same file.
			src=$(upstream_of "$f")
			case ${spec##* } in
			*/*) src=${spec##* }; spec=${spec% *} ;;
			esac
			sh "$ZB/generate/extract.sh" "$upstream" "$src" "$spec" ||
				die "$rname on $kernel: cannot extract '$spec' from upstream $src"
			;;
		*'/* ZPCI-SNIPPET '*' */')
			snip=${line#*ZPCI-SNIPPET }
			snip=$ZPCI_TOP/compat/snippets/${snip% \*/}
			[ -f "$snip" ] || die "$rname on $kernel: no snippet $snip"
			cat "$snip"
			;;
		*ZPCI-UPSTREAM*|*ZPCI-SNIPPET*)
			die "$rname on $kernel: placeholder not on a line of its own in $f: $line" ;;
		*) printf '%s\n' "$line" ;;
		esac
	done < "$work/$f" > "$tmp"
	mv "$tmp" "$work/$f"
done
