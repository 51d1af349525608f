#!/bin/sh
# spatch.sh - run spatch with one of our semantic patches: the one place
# that spells the spatch command line.
#
# Usage: spatch.sh FILE.cocci [SPATCH-ARG...]   (from the directory spatch
#   is to work in; the caller passes -D patch or -D report, --in-place,
#   -D HAVE_X and the files)
# Runs: spatch --very-quiet OPTIONS --sp-file EXPANDED SPATCH-ARG..., where
#   OPTIONS are the flags of the file's "// Options:" line and EXPANDED the
#   file as backport/generate/cocci-expand.sh writes it (includes inlined,
#   match-counting rules added).
# Outputs: spatch's, on stdout and stderr.
# Errors: spatch's exit status; 1 when the file cannot be expanded; 2 for
#   bad arguments.
set -eu
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"
{ [ $# -ge 1 ] && [ -f "$1" ]; } || usage_die "usage: spatch.sh FILE.cocci [SPATCH-ARG...]"
cocci=$1
shift
opts=$(sh "$ZB/lib/cocci-header.sh" "$cocci" Options | head -n 1)
exp=$(mktemp "${TMPDIR:-/tmp}/zpci-cocci.XXXXXX")
trap 'rm -f "$exp"' EXIT
sh "$ZB/generate/cocci-expand.sh" "$cocci" > "$exp"
rc=0
# shellcheck disable=SC2086 # the Options line is a list of flags
spatch --very-quiet $opts --sp-file "$exp" "$@" || rc=$?
exit "$rc"
