#!/bin/sh
# cocci-header.sh - print one header field of a semantic patch.
#
# Usage: cocci-header.sh FILE.cocci FIELD
#   FIELD: a "// FIELD: value" line of the file's header, e.g. Upstream,
#   Author, Kind, Needed when, Files, Lowers, Affects, Patch-mainline.
# Outputs: the value(s), one line each, on stdout; nothing if absent.
# Errors: exit 2 when FILE does not exist.
set -eu
. "$(dirname "$0")/common.sh"
[ $# -eq 2 ] || usage_die "usage: cocci-header.sh FILE.cocci FIELD"
[ -f "$1" ] || usage_die "$1: no such semantic patch"
awk -v f="// $2: " 'index($0, f) == 1 { print substr($0, length(f) + 1) }' "$1"
