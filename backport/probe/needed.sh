#!/bin/sh
# needed.sh - decide from probe results whether a rule or compat piece is
# needed on a tree.
#
# Usage: needed.sh 'EXPR' PROBES.json
#   EXPR: the "// Needed when:" expression of a semantic patch, made of
#   probe names (HAVE_*), the term KABI=<mode> (true when the run's kABI
#   mode, ZPCI_KABI of make KABI=, is <mode>: a choice of the maintainer,
#   not a property of the tree), "!", "&&", "||" and parentheses; or
#   "always" (with an optional remark in parentheses after it).
# Outputs: exit 0 when EXPR is true for these probe results, 1 when false.
# Errors: exit 2 when EXPR names a probe the results do not have (a tree
#   with no or unexpected probe results never takes a guessed path).
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 2 ] || usage_die "usage: needed.sh EXPR PROBES.json"
expr=$1 probes=$2
case $expr in always | 'always ('*) exit 0 ;; esac
[ -f "$probes" ] || usage_die "no probe results at $probes; run the probe stage first"
for name in $(printf '%s\n' "$expr" | grep -o 'HAVE_[A-Z0-9_]*' | sort -u); do
	jq -e --arg n "$name" 'has($n)' "$probes" >/dev/null ||
		usage_die "probe $name, named by '$expr', has no result in $probes"
done
kabi=$(kabi_mode "${ZPCI_KABI:-}") || exit 2
for m in $(printf '%s\n' "$expr" | grep -o 'KABI=[a-z]*' | sort -u); do
	(kabi_mode "${m#KABI=}" > /dev/null 2>&1) || usage_die "'$expr' names $m, which is no kABI mode (report, preserve, strict)"
done
prog=$(printf '%s\n' "$expr" | sed -e "s/!KABI=\([a-z]*\)/((\"$kabi\" == \"\1\") | not)/g" \
	-e "s/KABI=\([a-z]*\)/(\"$kabi\" == \"\1\")/g" \
	-e 's/!\(HAVE_[A-Z0-9_]*\)/(.\1|not)/g' \
	-e 's/\([^.]\)\(HAVE_[A-Z0-9_]*\)/\1.\2/g' -e 's/^\(HAVE_\)/.\1/' \
	-e 's/&&/and/g' -e 's/||/or/g')
jq -e "$prog" "$probes" >/dev/null
