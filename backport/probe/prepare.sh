#!/bin/sh
# prepare.sh - prepare an out-of-tree Kbuild output directory for one
# read-only kernel tree, so external-module objects (the probes, the built
# backport) can be compiled against it.
#
# Usage: prepare.sh TREE BUILDDIR
#   TREE      an extracted kernel tree (read only; nothing is written into it)
#   BUILDDIR  the Kbuild output directory (O=) to create
# Steps (ARCH=s390, CROSS_COMPILE=s390x-linux-gnu-, CC="ccache
#   s390x-linux-gnu-gcc", ccache in $ZPCI_CACHE/ccache): defconfig; merge
#   compat/probes/kconfig.fragment with the tree's scripts/kconfig/merge_config.sh
#   -m; olddefconfig; check that CONFIG_PCI=y, CONFIG_VFIO_PCI=y and one of
#   CONFIG_VFIO_PCI_ZDEV_KVM=y / CONFIG_VFIO_PCI_ZDEV=y came out;
#   modules_prepare with -j$ZPCI_JOBS (default: nproc).
# Outputs: BUILDDIR, with BUILDDIR/prepare.log (all make output) and the
#   stamp BUILDDIR/.zpci-prepared (tree path, fragment hash, compiler
#   version). When the stamp matches, a rerun does nothing (well under a
#   second). Otherwise the work is done in BUILDDIR.tmp, which is renamed
#   to BUILDDIR only once everything succeeded, so an interrupted run never
#   leaves a BUILDDIR that looks finished. A stale BUILDDIR (other stamp) is
#   replaced. Two runs on the same BUILDDIR at once are not supported.
#   Cold (no ccache hits), on 2 busy cores: 13-20 s for 5.10 to 7.3.
# Errors: exit 2 for bad arguments, a TREE that is no kernel tree, or a
#   BUILDDIR that exists but is no build directory; exit 1 when a make step
#   fails (the last lines of the log are printed; the log stays in
#   BUILDDIR.tmp/prepare.log) or a required config symbol is not =y.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"

[ $# -eq 2 ] || usage_die "usage: prepare.sh TREE BUILDDIR"
tree=$1 build=$2
tree=$(kernel_tree "$tree") || exit 2
[ -f "$tree/scripts/kconfig/merge_config.sh" ] ||
	usage_die "$tree has no scripts/kconfig/merge_config.sh; point it at a complete kernel source tree"
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
build=${build%/}
fragment=$ZPCI_TOP/compat/probes/kconfig.fragment
[ -f "$fragment" ] || usage_die "$fragment is missing"
cross=s390x-linux-gnu-
command -v "${cross}gcc" >/dev/null 2>&1 ||
	usage_die "${cross}gcc not found (run backport/provision/bootstrap.sh)"
command -v ccache >/dev/null 2>&1 || usage_die "ccache not found (run backport/provision/bootstrap.sh)"
jobs=${ZPCI_JOBS:-$(nproc)}

stampname=.zpci-prepared
stamp=$(printf 'tree %s\nfragment %s\ncc %s\n' "$tree" \
	"$(sha256sum < "$fragment" | cut -d' ' -f1)" \
	"$("${cross}gcc" -dumpfullversion 2>/dev/null || "${cross}gcc" -dumpversion)")
if [ -f "$build/$stampname" ] && [ "$(cat "$build/$stampname")" = "$stamp" ]; then
	log "$build is prepared already"
	exit 0
fi
# Never rm -rf something that is not ours: an existing BUILDDIR must be
# empty or look like a Kbuild output directory.
if [ -e "$build" ]; then
	[ -d "$build" ] || usage_die "$build exists and is not a directory"
	if [ -n "$(ls -A "$build")" ] && [ ! -f "$build/.config" ] &&
		[ ! -f "$build/$stampname" ] && [ ! -f "$build/prepare.log" ]; then
		usage_die "$build exists and is not a build directory; remove it or pick another"
	fi
fi

mkdir -p "$(dirname "$build")"
tmp=$build.tmp
rm -rf "$tmp"
mkdir "$tmp"
logf=$tmp/prepare.log
: > "$logf"

# fail WHAT: the tail of the log, then one line naming its cause.
fail() {
	tail -n 25 "$logf" | sed 's/^/  /' >&2
	die_log "$1 for $tree" "$logf"
}
# kmake TARGET...: make in the tree with the output directory $tmp.
kmake() { sh "$ZB/lib/kbuild.sh" "$tree" "$tmp" "$@" >> "$logf" 2>&1; }

log "preparing $tmp for $tree"
kmake defconfig || fail "make defconfig"
# merge_config.sh makes its temporary files in the current directory.
(cd "$tmp" && printf '== merge_config.sh -m .config %s\n' "$fragment" &&
	ARCH=s390 CROSS_COMPILE=$cross sh "$tree/scripts/kconfig/merge_config.sh" \
		-m -O "$tmp" "$tmp/.config" "$fragment") >> "$logf" 2>&1 ||
	fail "merge_config.sh"
kmake olddefconfig || fail "make olddefconfig"

grep -qx 'CONFIG_PCI=y' "$tmp/.config" || die "CONFIG_PCI=y is missing from the $tree configuration (see $tmp/.config)"
grep -qx 'CONFIG_VFIO_PCI=y' "$tmp/.config" || die "CONFIG_VFIO_PCI=y is missing from the $tree configuration (see $tmp/.config)"
grep -qxE 'CONFIG_VFIO_PCI_ZDEV(_KVM)?=y' "$tmp/.config" ||
	die "CONFIG_VFIO_PCI_ZDEV_KVM=y (or CONFIG_VFIO_PCI_ZDEV=y before 6.0) is missing from the $tree configuration (see $tmp/.config)"

progress_note "make -j$jobs modules_prepare" "$logf" 0
kmake -j"$jobs" modules_prepare || fail "make modules_prepare"
printf '%s\n' "$stamp" > "$tmp/$stampname"

# Swap the finished directory in; only a directory holding the stamp is
# ever called BUILDDIR.
if [ -e "$build" ]; then
	rm -rf "$build.old"
	mv "$build" "$build.old"
fi
mv "$tmp" "$build"
rm -rf "$build.old"
# The generated BUILDDIR/Makefile names the output directory it was made
# in (BUILDDIR.tmp on 6.x and later); regenerate it for the final name.
sh "$ZB/lib/kbuild.sh" "$tree" "$build" outputmakefile >> "$build/prepare.log" 2>&1 ||
	log "warning: could not regenerate $build/Makefile (make -C TREE O=BUILDDIR still works)"
log "prepared $build"
