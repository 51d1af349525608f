#!/bin/sh
# uapi-headers.sh - export a kernel tree's uAPI headers with its own
# `make headers_install`, once per tree, into the cache.
#
# Usage: uapi-headers.sh TREE
#   TREE  the kernel tree (read only; the build goes to a scratch O=)
# Outputs: on stdout the directory, $ZPCI_CACHE/uapi/<tree name>, whose
#   include/ holds the headers; <dir>/headers.log keeps make's output.
#   <dir>/.done marks a finished export, which later runs reuse.
# Errors: exit 1 when make headers_install fails, with the line of its log
#   that says why (headers_install of 6.x and later needs rsync); exit 2
#   for a TREE that is no kernel tree.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: uapi-headers.sh TREE"
tree=$(kernel_tree "$1") || exit 2
hdr=${ZPCI_UAPI_DIR:-$ZPCI_CACHE/uapi}/$(basename "$tree")
if [ ! -f "$hdr/.done" ]; then
	rm -rf "$hdr"
	mkdir -p "$hdr"
	progress_note "make headers_install of $(basename "$tree")"
	sh "$ZB/lib/kbuild.sh" "$tree" "$hdr/obj" INSTALL_HDR_PATH="$hdr" \
		headers_install > "$hdr/headers.log" 2>&1 ||
		die_log "make headers_install of $tree" "$hdr/headers.log"
	rm -rf "$hdr/obj"
	touch "$hdr/.done"
fi
printf '%s\n' "$hdr"
