#!/bin/sh
# distro-build.sh - build a patched tree the distribution's way: with its
# own s390x configuration (config.sh), vfio-pci and KVM as modules, and
# modpost over those modules, so that a function the series adds to the
# s390 PCI core and calls from vfio-pci without exporting it fails.
#
# Usage: distro-build.sh NAME PRISTINE TREE BUILD SERIESDIR OUT
#   NAME       the kernel's label (a line of versions, or NAME= of KSRC)
#   PRISTINE   the tree as it came (config.sh reads its line from it)
#   TREE       a tree with the series applied (apply-series.sh; read only)
#   BUILD      the Kbuild output directory for this build (O=), made here
#   SERIESDIR  directory with patches/, to list the touched .c files
#   OUT        out/<kernel>/: config.sh writes distro-config.json there
# Environment: ZPCI_CONFIG (make CONFIG=<file>), passed on to config.sh.
# What is built (lib/distro-kbuild.sh, shared with verify/kabi.sh): every
#   touched object, arch/s390/pci/, drivers/vfio/ and arch/s390/kvm/. The
#   configuration is the distribution's with these
#   changes, each for a reason: VFIO, VFIO_PCI (and VFIO_PCI_CORE,
#   VFIO_IOMMU_TYPE1 where the tree has them) and KVM =m, as distributions
#   ship them; SYSTEM_TRUSTED_KEYS and SYSTEM_REVOCATION_KEYS empty (they
#   name the distribution's certificate files, which the source package
#   does not hold); DEBUG_INFO_BTF off (pahole is not a build dependency
#   here). A fallback line (no linux-config package) starts from defconfig
#   plus compat/probes/kconfig.fragment instead.
# modpost: Kbuild's own scripts/Makefile.modpost, over the modules built,
#   with a partial vmlinux.o: the built-in objects built here (the s390 PCI
#   core as patched). Every other symbol the modules use and nothing built
#   here defines is the rest of the kernel, taken as exported (a symvers
#   input, BUILD/zpci-rest.symvers). A symbol defined here but not exported
#   stays unresolved, and modpost fails with its name and module.
# Outputs: BUILD (objects, *.ko), BUILD/Module.symvers or
#   modules-only.symvers, OUT/logs/distro-build.log, OUT/distro-build.json
#   {config, modules: [..], modpost: "pass"}.
# Errors: exit 1 when an object does not build, a required symbol does not
#   come out =m, or modpost fails (the log's cause quoted); 2 for bad use.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 6 ] || usage_die "usage: distro-build.sh NAME PRISTINE TREE BUILD SERIESDIR OUT"
name=$1 pristine=$2 tree=$3 build=$4 sdir=$5 out=$6
sh "$ZB/provision/config.sh" "$name" "$pristine" "$out"
dc=$out/distro-config.json
log=$out/logs/distro-build.log
mkdir -p "$build" "$out/logs"
: > "$log"
# shellcheck source-path=SCRIPTDIR source=../lib/distro-kbuild.sh
. "$ZB/lib/distro-kbuild.sh"
distro_configure "$tree" "$build" "$dc" "$log"
progress_note "building the touched objects, vfio and KVM with the distribution's configuration" "$log" 150
distro_compile "$tree" "$build" "$sdir" "$log"
dirs=$DISTRO_DIRS

# The partial vmlinux.o and the modules.
( cd "$build"
  rm -f vmlinux.o vmlinux.a modules.order zpci-rest.symvers vmlinux.symvers Module.symvers modules-only.symvers
  builtin=$(for d in $dirs; do [ ! -f "$d"built-in.a ] || echo "$d"built-in.a; done)
  # shellcheck disable=SC2086
  s390x-linux-gnu-ld -m elf64_s390 -r -o vmlinux.o --whole-archive $builtin
  # vmlinux.a, as Kbuild makes it (a thin archive of the built-in
  # objects): under MODVERSIONS, modpost of 6.x lists its objects to read
  # their symbol versions.
  rm -f vmlinux.a
  # shellcheck disable=SC2086
  s390x-linux-gnu-ar cDPrST vmlinux.a $builtin
  for d in $dirs; do [ ! -f "$d"modules.order ] || sed 's/\.ko$/.o/' "$d"modules.order; done |
	sed 's,^kernel/,,' > modules.order
) >> "$log" 2>&1 || die_log "linking the partial vmlinux.o" "$log"
[ -s "$build/modules.order" ] || die "no module was built under $dirs (see $log)"
mods=$(sed 's,^.*/,,; s,\.o$,,' "$build/modules.order" | paste -sd ' ' -)
# The rest of the kernel: undefined in the modules, defined nowhere here.
( cd "$build"
  # shellcheck disable=SC2046
  # module_layout: what modpost makes every module reference under
  # MODVERSIONS (until 6.x), defined in kernel/module.c.
  { s390x-linux-gnu-nm -u $(cat modules.order) | awk 'NF == 2 { print $2 }'
    ! grep -qx CONFIG_MODVERSIONS=y .config || echo module_layout; } | sort -u > .zpci-undef
  # shellcheck disable=SC2046
  s390x-linux-gnu-nm --defined-only vmlinux.o $(cat modules.order) | awk 'NF == 3 { print $3 }' | sort -u > .zpci-def
  comm -23 .zpci-undef .zpci-def | awk '{ printf "0x00000000\t%s\tvmlinux\tEXPORT_SYMBOL\t\n", $1 }' > zpci-rest.symvers
) || die "listing the modules' symbols failed (see $log)"

# modpost, the tree's own way: Makefiles that still run modpost on
# vmlinux.o in a pass of its own (MODPOST_VMLINUX) read vmlinux.symvers,
# later ones read vmlinux.o directly and take a symvers input with -i.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
rc=0
mp="-f $tree/scripts/Makefile.modpost -I $tree srctree=$tree objtree=. AR=s390x-linux-gnu-ar KBUILD_MODULES=1 MODORDER=modules.order KBUILD_MODPOST_NOFINAL=1"
if grep -q MODPOST_VMLINUX "$tree/scripts/Makefile.modpost"; then
	# shellcheck disable=SC2086
	(cd "$build" && make $mp MODPOST_VMLINUX=1 && cat zpci-rest.symvers >> vmlinux.symvers &&
		make $mp) >> "$log" 2>&1 || rc=$?
else
	printf '#!/bin/sh\nexec %s/scripts/mod/modpost -i %s/zpci-rest.symvers "$@"\n' "$build" "$build" > "$build/zpci-modpost"
	chmod +x "$build/zpci-modpost"
	# shellcheck disable=SC2086
	(cd "$build" && make $mp MODPOST="$build/zpci-modpost") >> "$log" 2>&1 || rc=$?
fi
if [ "$rc" -ne 0 ]; then
	cause=$(grep -m 3 -E 'ERROR: modpost|undefined!' "$log" | tr '\n' ' ')
	die "modpost over $mods failed: ${cause:-see $log}(the series must export every core function vfio-pci calls; $log)"
fi
jq -n --slurpfile c "$dc" --arg m "$mods" \
	'{config: $c[0], modules: ($m | split(" ") | map(select(. != ""))), modpost: "pass"}' |
	atomic_write "$out/distro-build.json"
