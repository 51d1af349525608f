#!/bin/sh
# initramfs.sh - the runtime gate's initramfs: our /init and the
# uAPI program (backport/gates/runtime/guest/*.c), built static for s390x against upstream's
# exported uAPI headers, packed by the kernel build's own gen_init_cpio.
#
# Usage: initramfs.sh HDR BUILD MODS DIR
#   HDR    a make headers_install directory (HDR/include)
#   BUILD  a runtime/build.sh Kbuild output (BUILD/usr/gen_init_cpio)
#   MODS   runtime/build.sh's modules directory (MODS/lib/modules/...),
#          with MODS.list next to it: the "insmod PATH [PARAM...]" lines
#          init follows
#   DIR    where the programs, their compiler logs and the list go
# Outputs: DIR/initramfs.cpio (newc) holding /dev/console, /proc, /sys,
#   /init, /zpci_uapi, /modules.list and every module it names, at its
#   path.
# Errors: exit 1 when a program does not build (-Wall -Wextra -Werror;
#   the first lines of its log) or gen_init_cpio fails; exit 2 for bad
#   arguments or no static s390x libc.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
[ $# -eq 4 ] || usage_die "usage: initramfs.sh HDR BUILD MODS DIR"
hdr=$1 build=$2 mods=$3 ird=$4
[ -f "$mods.list" ] || usage_die "no $mods.list (run runtime/build.sh)"
[ -d "$hdr/include/linux" ] || usage_die "no uAPI headers in $hdr/include"
[ -x "$build/usr/gen_init_cpio" ] || usage_die "no $build/usr/gen_init_cpio (run runtime/build.sh)"
[ -f /usr/s390x-linux-gnu/lib/libc.a ] ||
	usage_die "no static s390x C library: apt-get install libc6-dev-s390x-cross"
mkdir -p "$ird"
for p in init zpci_uapi; do
	s390x-linux-gnu-gcc -static -O2 -Wall -Wextra -Wno-format-truncation \
		-Werror -I"$hdr/include" -o "$ird/$p" "$ZPCI_TOP/backport/gates/runtime/guest/$p.c" 2> "$ird/$p.log" ||
		die "building backport/gates/runtime/guest/$p.c failed: $(head -n 3 "$ird/$p.log")"
done
cat > "$ird/list" <<EOF
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
dir /sys 0755 0 0
file /init $ird/init 0755 0 0
file /zpci_uapi $ird/zpci_uapi 0755 0 0
file /modules.list $mods.list 0644 0 0
EOF
# Each module at its path, its directories first.
awk '{ print $2 }' "$mods.list" | while read -r ko; do
	[ -f "$mods$ko" ] || die "$mods.list names $ko, which is not in $mods"
	d=$(dirname "$ko") parents=
	while [ "$d" != / ]; do parents="$d $parents"; d=$(dirname "$d"); done
	for d in $parents; do
		grep -qxF "dir $d 0755 0 0" "$ird/list" || echo "dir $d 0755 0 0" >> "$ird/list"
	done
	echo "file $ko $mods$ko 0644 0 0" >> "$ird/list"
done
"$build/usr/gen_init_cpio" "$ird/list" > "$ird/initramfs.cpio" ||
	die "gen_init_cpio failed for $ird/list"

