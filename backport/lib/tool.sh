#!/bin/sh
# tool.sh - the path of one of our C tools, built on first use.
#
# Usage: tool.sh NAME   (backport/lib/NAME.c)
# Builds NAME.c with the host's cc (-O2 -Wall -Werror) into
#   $ZPCI_CACHE/bin/NAME-<sha256 of the source, 12 hex>, so an edited source
#   is built again and two checkouts never share a stale binary; the build
#   is written to a temporary name and renamed.
# Outputs: the binary's path on stdout.
# Errors: exit 2 when NAME.c does not exist or cc is missing; 1 when it
#   does not compile (cc's messages on stderr).
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: tool.sh NAME"
src=$ZB/lib/$1.c
[ -f "$src" ] || usage_die "no tool source $src"
command -v cc > /dev/null 2>&1 || usage_die "cc not found (run backport/provision/bootstrap.sh check)"
bin=$ZPCI_CACHE/bin/$1-$(sha256sum < "$src" | cut -c1-12)
if [ ! -x "$bin" ]; then
	mkdir -p "$ZPCI_CACHE/bin"
	cc -O2 -Wall -Werror -o "$bin.tmp.$$" "$src" || { rm -f "$bin.tmp.$$"; die "$src does not compile"; }
	mv -f "$bin.tmp.$$" "$bin"
fi
printf '%s\n' "$bin"
