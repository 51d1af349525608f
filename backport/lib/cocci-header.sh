#!/bin/sh
# cocci-header.sh - print one header field of a semantic patch or of a
# compat header.
#
# Usage: cocci-header.sh FILE FIELD
#   FIELD: a "// FIELD: value" line of a .cocci header, e.g. Upstream,
#   Author, Kind, Needed when, Files, Affects, Patch-mainline; or a
#   " * FIELD: value" line of a C header's comment (compat/headers/*.h:
#   Needed when, Install, Included by).
# Outputs: the value(s), one line each, on stdout; nothing if absent.
# Errors: exit 2 when FILE does not exist.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 2 ] || usage_die "usage: cocci-header.sh FILE FIELD"
[ -f "$1" ] || usage_die "$1: no such file"
awk -v f="// $2: " -v c=" * $2: " '
	index($0, f) == 1 { print substr($0, length(f) + 1) }
	index($0, c) == 1 { print substr($0, length(c) + 1) }' "$1"
