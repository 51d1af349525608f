#!/bin/sh
# build.sh - build the runtime gate's s390x kernel for one tree: the
# tree, its generated series (if any) and our own test patches, configured
# from the tree's KUnit s390 configuration (qemu_configs/s390.py, or
# backport/gates/runtime/base.config where there is none) plus
# backport/gates/runtime/runtime.config.
#
# Usage: build.sh TREE SDIR WORK [PROBES]
#   TREE  pristine kernel tree (read only; nothing is written into it)
#   SDIR  for a backport, a directory with series + patches/ (the
#         generated quilt series). Without a series file only our test
#         code goes on (the upstream tree, the oracle).
#   PROBES the tree's probe results (default SDIR/probes.json): they
#         choose the vfio-pci adapter of our test code (runtime/test-patch.sh)
#   WORK  work directory: WORK/series (the combined quilt series),
#         WORK/src (a cp -al copy of TREE; the files a series touches are
#         real copies), WORK/build (the Kbuild output directory, O=)
# Environment: ZPCI_JOBS (make -j, default 2), ZPCI_CACHE (ccache lives in
#   $ZPCI_CACHE/ccache; its hits need the same WORK path, because Kbuild
#   puts the absolute source path into every command line).
# Outputs: WORK/build/arch/s390/boot/bzImage and WORK/build/usr/gen_init_cpio;
#   WORK/modules: the modules, installed by make modules_install (whose
#   depmod writes modules.dep), and WORK/modules.list: what the guest's
#   init loads, in order, one "insmod PATH [PARAM...]" line each as kmod's
#   modprobe --show-depends prints it, PATH as in the guest;
#   WORK/build.log (make output); WORK/build.time (seconds spent in make).
#   Reapplying is skipped while TREE and the combined series are unchanged
#   (WORK/src/.zpci-runtime-applied holds their key), so a rerun only runs
#   make, which finds nothing to do. The make step runs under nice -n 10.
#   Measured on 2 cores: cold (no ccache hits) 231 s for 7.3 on idle cores;
#   shared with other builds (load 2-4) 346 s (6.1), 441 s (7.2), 450 s
#   (6.12), 197 s (5.10), 783 s (7.3 at load 4-5). After a one-line change
#   of the series 12-17 s (a change of asm/pci.h: 105 s); with nothing
#   changed 3-7 s.
# Errors: exit 2 for bad arguments, a TREE that is no kernel tree or
#   missing tools; exit 3 (skipped, the reason on stderr) when no adapter
#   of our test code fits the tree's probes; exit 1 when the series
#   does not apply, the configuration lacks a required symbol or the build
#   fails (with the last lines of the log).
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
{ [ $# -eq 3 ] || [ $# -eq 4 ]; } || usage_die "usage: build.sh TREE SDIR WORK [PROBES]"
tree=$1 sdir=$2 work=$3 probes=${4:-$2/probes.json}
tree=$(kernel_tree "$tree") || exit 2
[ -d "$sdir" ] || usage_die "$sdir is not a directory (give out/<kernel>)"
sdir=$(cd "$sdir" && pwd)
[ -f "$probes" ] ||
	usage_die "$probes is missing; run the probe stage first (backport/pipeline/run-kernel.sh NAME)"
probes=$(cd "$(dirname "$probes")" && pwd)/$(basename "$probes")
case $work in /*) ;; *) work=$(pwd)/$work ;; esac
fragment=$ZPCI_TOP/backport/gates/runtime/runtime.config
[ -f "$fragment" ] || usage_die "$fragment is missing"
for t in s390x-linux-gnu-gcc ccache quilt lsdiff jq /sbin/depmod /sbin/modprobe; do
	command -v "$t" >/dev/null 2>&1 || usage_die "$t not found (run backport/provision/bootstrap.sh check)"
done
jobs=${ZPCI_JOBS:-2}

# The combined series: the generated one, then our test code
# (runtime/test-patch.sh; exit 3 when no adapter fits this tree).
mkdir -p "$work"
comb=$work/series
rm -rf "$comb.tmp"
mkdir -p "$comb.tmp/patches"
: > "$comb.tmp/series"
for p in $(series_entries "$sdir"); do
	cp "$(series_dir "$sdir")/$p" "$comb.tmp/patches/$p"
	printf '%s\n' "$p" >> "$comb.tmp/series"
done
tp=zz-zpci-backport-test-hooks.patch
[ ! -e "$comb.tmp/patches/$tp" ] || usage_die "patch name $tp is in the generated series"
rc=0
adapter=$(sh "$ZB/gates/runtime/test-patch.sh" "$tree" "$sdir" "$probes" "$comb.tmp/patches/$tp") || rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
printf '%s\n' "$tp" >> "$comb.tmp/series"
log "test code: patches/zpci-error-test with the $adapter adapter"
rm -rf "$comb"
mv "$comb.tmp" "$comb"

src=$work/src build=$work/build
key=$(sh "$ZB/pipeline/inputs-key.sh" "tree:$tree" "$comb")
if [ -f "$src/.zpci-runtime-applied" ] && [ "$(cat "$src/.zpci-runtime-applied")" = "$key" ]; then
	log "series unchanged in $src"
else
	# Files the previous series touched but this one does not go back to
	# the pristine inodes, whose old times would hide the change from
	# make: give them inodes of their own and a new time.
	old=
	[ ! -f "$work/src.files" ] || old=$(cat "$work/src.files")
	sh "$ZB/verify/apply-series.sh" "$tree" "$comb" "$src" "$work/apply.log" >&2 ||
		die "the combined series does not apply to $tree (see $work/apply.log)"
	sh "$ZB/lib/series-files.sh" "$comb" > "$work/src.files"
	for f in $old; do
		grep -qxF "$f" "$work/src.files" && continue
		[ -f "$src/$f" ] || continue
		cp -p "$src/$f" "$src/$f.zpci-tmp" && mv -f "$src/$f.zpci-tmp" "$src/$f"
		chmod u+w "$src/$f"
		touch "$src/$f"
	done
	printf '%s\n' "$key" > "$src/.zpci-runtime-applied"
fi

mkdir -p "$build"
logf=$work/build.log
: > "$logf"
kmake() { sh "$ZB/lib/kbuild.sh" "$src" "$build" "$@" >> "$logf" 2>&1; }
# fail WHAT: the tail of the log, then one line naming its cause.
fail() {
	tail -n 25 "$logf" | sed 's/^/  /' >&2
	die_log "$1 for $tree" "$logf"
}

# The configuration: the tree's KUnit s390 base (the kconfig of its
# qemu_configs/s390.py, read by importing that module as kunit.py does; or
# backport/gates/runtime/base.config when the tree has none), then our fragment,
# into an empty .config, the rest at its defaults. The result is the same
# on every run, so make rebuilds nothing for it.
if [ -f "$tree/tools/testing/kunit/qemu_configs/s390.py" ]; then
	(cd "$tree/tools/testing" && PYTHONDONTWRITEBYTECODE=1 python3 -c \
		'import importlib; print(importlib.import_module("kunit.qemu_configs.s390").QEMU_ARCH.kconfig)') \
		> "$build/.config.new" ||
		usage_die "cannot read the kconfig of $tree/tools/testing/kunit/qemu_configs/s390.py"
else
	cp "$ZPCI_TOP/backport/gates/runtime/base.config" "$build/.config.new"
fi
cat "$fragment" >> "$build/.config.new"
if ! cmp -s "$build/.config.new" "$build/.config.fragment" 2>/dev/null || [ ! -f "$build/.config" ]; then
	cp "$build/.config.new" "$build/.config"
	kmake olddefconfig || fail "make olddefconfig"
	cp "$build/.config.new" "$build/.config.fragment"
fi
rm -f "$build/.config.new"
required=$(sed -n 's/^# required: //p' "$fragment")
modules=$(sed -n 's/^# modules: //p' "$fragment")
for s in $required; do
	grep -qx "CONFIG_$s=y" "$build/.config" ||
		die "CONFIG_$s=y is missing from the runtime configuration of $tree (see $build/.config; it depends on something $fragment does not set)"
done
for s in $modules; do
	grep -qx "CONFIG_$s=m" "$build/.config" ||
		die "CONFIG_$s=m (a module) did not come out in the runtime configuration of $tree (see $build/.config)"
done
grep -qxE 'CONFIG_VFIO_PCI_ZDEV(_KVM)?=y' "$build/.config" ||
	die "neither CONFIG_VFIO_PCI_ZDEV_KVM=y nor CONFIG_VFIO_PCI_ZDEV=y came out for $tree (see $build/.config)"
grep -qx 'CONFIG_ZPCI_ERROR_TEST=y' "$build/.config" ||
	die "CONFIG_ZPCI_ERROR_TEST=y did not come out for $tree: the $adapter adapter's Kconfig line must hold; see $build/.config"

start=$(date +%s)
log "building $build (make -j$jobs under nice)"
# Objects expected: as many as the last build of this directory made,
# or an estimate from the configuration.
expected=$(cat "$build/.zpci-objects" 2>/dev/null ||
	sh "$ZB/lib/kbuild-estimate.sh" "$src" "$build/.config")
progress_note "building the kernel, make -j$jobs" "$logf" "$expected"
nice -n 10 sh "$ZB/lib/kbuild.sh" "$src" "$build" -j"$jobs" bzImage modules >> "$logf" 2>&1 ||
	fail "the kernel build"
# The modules as a distro installs them; depmod (kmod) writes modules.dep.
mods=$work/modules
rm -rf "$mods"
kmake INSTALL_MOD_PATH="$mods" DEPMOD=/sbin/depmod modules_install ||
	fail "make modules_install"
kver=$(cat "$build/include/config/kernel.release")
[ -f "$mods/lib/modules/$kver/modules.dep" ] || die "no modules.dep in $mods/lib/modules/$kver after make modules_install"
# What init loads: kmod's order for each module the gate needs (vfio-pci
# with the IDs of the guest's function, virtio-rng-pci's transitional
# and modern ones), each module once. -C /dev/null: the host's
# modprobe.d (options, install commands, blacklists) is not the guest's.
# KVM is built as a module and goes
# through modpost, but is not loaded: under TCG there is no SIE, and its
# init fails with ENODEV ("kvm-s390: SIE is not available").
: > "$work/modules.list.tmp"
for m in vfio_iommu_type1 "vfio_pci ids=1af4:1005,1af4:1044" zpci_error_kunit; do
	# shellcheck disable=SC2086 # the module name and its parameters
	/sbin/modprobe -C /dev/null -d "$mods" -S "$kver" --show-depends $m > "$work/modprobe.out" 2>&1 ||
		die "modprobe --show-depends $m found no module in $mods: $(head -n 1 "$work/modprobe.out")"
	# ("builtin NAME" lines: built in, nothing to load)
	sed -n "s|^insmod $mods/\(.*[^ ]\) *\$|insmod /\1|p" "$work/modprobe.out" >> "$work/modules.list.tmp"
done
# Each module once, at its first place (where its parameters are given).
awk '!seen[$2]++' "$work/modules.list.tmp" > "$work/modules.list.new"
mv "$work/modules.list.new" "$work/modules.list.tmp"
grep -q '^insmod /lib/modules/' "$work/modules.list.tmp" ||
	die "modprobe --show-depends printed no insmod line (see $work/modprobe.out)"
mv "$work/modules.list.tmp" "$work/modules.list"
echo $(( $(date +%s) - start )) > "$work/build.time"
find "$build" -name '*.o' -type f | wc -l > "$build/.zpci-objects"
[ -f "$build/arch/s390/boot/bzImage" ] || die "no $build/arch/s390/boot/bzImage after the build"
[ -x "$build/usr/gen_init_cpio" ] || die "no $build/usr/gen_init_cpio after the build (CONFIG_BLK_DEV_INITRD)"
log "built $build/arch/s390/boot/bzImage in $(cat "$work/build.time") s"
