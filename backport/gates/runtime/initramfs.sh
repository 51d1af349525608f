#!/bin/sh
# initramfs.sh - the runtime gate's initramfs: our /init and the
# uAPI program (backport/gates/runtime/guest/*.c), built static for s390x against upstream's
# exported uAPI headers, packed by the kernel build's own gen_init_cpio.
#
# Usage: initramfs.sh HDR BUILD DIR
#   HDR    a make headers_install directory (HDR/include)
#   BUILD  a runtime/build.sh Kbuild output (BUILD/usr/gen_init_cpio)
#   DIR    where the programs, their compiler logs and the list go
# Outputs: DIR/initramfs.cpio (newc) holding /dev/console, /proc, /sys,
#   /init and /zpci_uapi.
# Errors: exit 1 when a program does not build (-Wall -Wextra -Werror;
#   the first lines of its log) or gen_init_cpio fails; exit 2 for bad
#   arguments or no static s390x libc.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
[ $# -eq 3 ] || usage_die "usage: initramfs.sh HDR BUILD DIR"
hdr=$1 build=$2 ird=$3
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
EOF
"$build/usr/gen_init_cpio" "$ird/list" > "$ird/initramfs.cpio" ||
	die "gen_init_cpio failed for $ird/list"

