#!/bin/sh
# check-patchhdr.sh - check patch headers against the rules of openSUSE
# kernel-source's header checker (scripts/check-patchhdr there, which Debian
# does not package): what a patches.suse/ file must carry to be accepted.
#
# Usage: check-patchhdr.sh PATCH...
# Rules (the header is the lines before the first blank line):
#   from            a From: line, "Name <e-mail>"
#   subject         a non-empty Subject: line
#   mainline        a Patch-mainline: line, one of: a tag (v7.3-rc1,
#                   v6.16), "Never, <reason>", "No, <reason>",
#                   "Submitted, <where>", "Queued in subsystem maintainer
#                   repository" (then a Git-repo: line)
#   git-commit      with a tag, a Git-commit: line; with Never or No, none
#   git-commit-full every Git-commit: is a full 40-hex id, optionally
#                   followed by " (partial)"
#   references      a non-empty References: line
#   acked-by        every Acked-by: line is "Name <e-mail>"
# Outputs: for each broken rule one line "PATCH: RULE: what is wrong".
# Errors: exit 1 when a rule is broken, 2 for a missing file or no
#   argument.
set -eu
[ $# -gt 0 ] || { echo "usage: check-patchhdr.sh PATCH..." >&2; exit 2; }
rc=0
for p in "$@"; do
	[ -f "$p" ] || { echo "check-patchhdr.sh: $p: no such file" >&2; exit 2; }
	awk -v f="$p" '
		# full ID: a 40-hex id, " (partial)" after it allowed (no
		# regex intervals: mawk has none).
		function full(id) { sub(/ \(partial\)$/, "", id); return length(id) == 40 && id ~ /^[0-9a-f]+$/ }
		/^$/ { exit }
		{ k = $0; sub(/:.*/, "", k); v = $0; sub(/^[^:]*:[ \t]*/, "", v) }
		k == "From" { from = v; nfrom++ }
		k == "Subject" { subj = v }
		k == "Patch-mainline" { ml = v; nml++ }
		k == "Git-commit" { gc[++ngc] = v }
		k == "Git-repo" { repo = v }
		k == "References" { refs = v; nrefs++ }
		k == "Acked-by" { ack[++nack] = v }
		END {
			e = 0
			if (!nfrom || from !~ /^[^<>]+ <[^<>@ ]+@[^<>@ ]+>$/) { print f ": from: no From: line of the form \"Name <e-mail>\"" ; e = 1 }
			if (subj == "") { print f ": subject: no Subject: line, or an empty one"; e = 1 }
			tag = ml ~ /^v[0-9]+\.[0-9]+(\.[0-9]+)?(-rc[0-9]+)?$/
			never = ml ~ /^(Never|No),[ \t]*[^ \t]/
			if (!nml) { print f ": mainline: no Patch-mainline: line"; e = 1 }
			else if (!tag && !never && ml !~ /^Submitted,[ \t]*[^ \t]/ &&
				!(ml ~ /^Queued in subsystem maintainer repository$/ && repo != "")) {
				print f ": mainline: Patch-mainline: \"" ml "\" is not a tag, \"Never, <reason>\", \"No, <reason>\", \"Submitted, <where>\" or Queued with a Git-repo:"; e = 1 }
			if (tag && !ngc) { print f ": git-commit: Patch-mainline: " ml " needs a Git-commit: line"; e = 1 }
			if (never && ngc) { print f ": git-commit: Patch-mainline: " ml " takes no Git-commit: line"; e = 1 }
			for (i = 1; i <= ngc; i++) if (!full(gc[i])) {
				print f ": git-commit-full: Git-commit: \"" gc[i] "\" is not a full 40-hex id"; e = 1 }
			if (!nrefs || refs == "") { print f ": references: no References: line, or an empty one"; e = 1 }
			for (i = 1; i <= nack; i++) if (ack[i] !~ /^[^<>]+ <[^<>@ ]+@[^<>@ ]+>$/) {
				print f ": acked-by: Acked-by: \"" ack[i] "\" is not \"Name <e-mail>\""; e = 1 }
			exit e
		}' "$p" || rc=1
done
exit "$rc"
