#!/bin/sh
# test-patch.sh - write the quilt patch that adds our kernel test
# code (patches/zpci-error-test/) to a tree that has its series applied:
# the runtime gate's test hooks and KUnit suites, never for a shipped
# kernel.
#
# Usage: test-patch.sh TREE SERIESDIR PROBES OUT
#   TREE       the pristine tree (read only)
#   SERIESDIR  its generated series (series + patches/), or a directory
#              without a series file (the upstream tree: nothing applied)
#   PROBES     the tree's probes.json: the vfio-pci adapter is the first
#              patches/zpci-error-test/vfio-*.h whose "Needed when" holds
#   OUT        the patch to write
# The patch adds, next to the code they test:
#   arch/s390/pci/zpci_error_test.c  (store_test.c), included at the end
#     of arch/s390/pci/pci_event.c to reach its static functions;
#   drivers/vfio/pci/zpci_error_feature_test.c (feature_test.c) and
#     zpci_error_test_vfio.h (the adapter), included at the end of the
#     adapter's "Included by" file;
#   arch/s390/include/asm/zpci_error_test.h (zpci_error_test.h), what
#     the core's test hooks export to the test code in modules;
#   the test module drivers/vfio/pci/zpci_error_kunit.c (kunit_module.c),
#     which runs both suites when it is loaded, with its line in
#     drivers/vfio/pci/Makefile;
#   the ZPCI_ERROR_TEST and ZPCI_ERROR_KUNIT entries
#     (patches/zpci-error-test/Kconfig plus the adapter's "Kconfig:" line)
#     at the end of arch/s390/Kconfig.debug.
#   Its context is the tree as the series leaves it (the series is
#   applied to a scratch copy of the files with patch --fuzz=0).
# Outputs: OUT; on stdout the adapter's name (vfio-core, vfio-legacy).
# Errors: exit 3 when no adapter fits the probes (the runtime gate then
#   skips the tree, saying why); 1 when the series does not apply to the
#   scratch copy; 2 for bad arguments.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
[ $# -eq 4 ] || usage_die "usage: test-patch.sh TREE SERIESDIR PROBES OUT"
tree=$(kernel_tree "$1") || exit 2
sdir=$2 probes=$3 out=$4
src=$ZPCI_TOP/patches/zpci-error-test
hdr() { sh "$ZB/lib/cocci-header.sh" "$1" "$2"; }

adapter=
for a in "$src"/vfio-*.h; do
	rc=0; sh "$ZB/probe/needed.sh" "$(hdr "$a" 'Needed when')" "$probes" || rc=$?
	[ "$rc" -ne 2 ] || exit 2
	if [ "$rc" -eq 0 ]; then adapter=$a; break; fi
done
if [ -z "$adapter" ]; then
	log "no vfio-pci adapter of patches/zpci-error-test fits the probes in $probes: the runtime gate cannot run on this tree (add an adapter for its layout)"
	exit 3
fi
host=$(hdr "$adapter" 'Included by')
kdep=$(hdr "$adapter" Kconfig)
{ [ -n "$host" ] && [ -n "$kdep" ]; } || die "$adapter has no 'Included by' or 'Kconfig' line"
event=arch/s390/pci/pci_event.c kconfig=arch/s390/Kconfig.debug
vmake=drivers/vfio/pci/Makefile

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The files as the series leaves them.
files="$event $host $kconfig $vmake"
[ -z "$(series_entries "$sdir")" ] || files="$files $(sh "$ZB/lib/series-files.sh" "$sdir")"
for f in $files; do
	[ -f "$tree/$f" ] || continue
	mkdir -p "$(dirname "$tmp/a/$f")"
	cp "$tree/$f" "$tmp/a/$f"
done
for p in $(series_entries "$sdir"); do
	patch -p1 -s --fuzz=0 --no-backup-if-mismatch -d "$tmp/a" < "$(series_dir "$sdir")/$p" ||
		die "patch $p of $sdir does not apply to a copy of $tree"
done
for f in $event $host $kconfig $vmake; do
	[ -f "$tmp/a/$f" ] || die "$f is not in $tree"
	mkdir -p "$(dirname "$tmp/b/$f")"
	cp "$tmp/a/$f" "$tmp/b/$f"
done
# include FILE TARGET: FILE ends by including TARGET under the test option.
include() {
	printf '\n#if IS_ENABLED(CONFIG_ZPCI_ERROR_TEST)\n#include "%s"\n#endif\n' "$2" >> "$tmp/b/$1"
}
include "$event" zpci_error_test.c
include "$host" zpci_error_feature_test.c
awk -v dep="	$kdep" '{ print } /^\tdepends on / && !done { print dep; done = 1 }' \
	"$src/Kconfig" >> "$tmp/b/$kconfig"
# shellcheck disable=SC2016 # a make variable, for the Makefile
printf '\nobj-$(CONFIG_ZPCI_ERROR_KUNIT) += zpci_error_kunit.o\n' >> "$tmp/b/$vmake"
mkdir -p "$tmp/b/drivers/vfio/pci"
cp "$src/store_test.c" "$tmp/b/arch/s390/pci/zpci_error_test.c"
cp "$src/feature_test.c" "$tmp/b/drivers/vfio/pci/zpci_error_feature_test.c"
cp "$adapter" "$tmp/b/drivers/vfio/pci/zpci_error_test_vfio.h"
cp "$src/kunit_module.c" "$tmp/b/drivers/vfio/pci/zpci_error_kunit.c"
mkdir -p "$tmp/b/arch/s390/include/asm"
cp "$src/zpci_error_test.h" "$tmp/b/arch/s390/include/asm/zpci_error_test.h"

{
	printf 'From: zpci-backport <zpci-backport@invalid>\n'
	printf 'Subject: [PATCH] zpci-backport: test hooks and KUnit suites (test only)\n\n'
	printf 'Test only, for the runtime gate of zpci-backport; never for\n'
	printf 'production kernels. Made from patches/zpci-error-test/ with the\n'
	printf '%s adapter.\n' "$(basename "$adapter" .h)"
	printf '\nSigned-off-by: zpci-backport <zpci-backport@invalid>\n---\n'
	for f in $kconfig arch/s390/include/asm/zpci_error_test.h arch/s390/pci/zpci_error_test.c $event \
		drivers/vfio/pci/zpci_error_feature_test.c drivers/vfio/pci/zpci_error_test_vfio.h $host \
		drivers/vfio/pci/zpci_error_kunit.c $vmake; do
		old=$tmp/a/$f
		[ -f "$old" ] || old=/dev/null
		diff -u --label "a/$f" --label "b/$f" "$old" "$tmp/b/$f" || :
	done
} | atomic_write "$out"
basename "$adapter" .h
