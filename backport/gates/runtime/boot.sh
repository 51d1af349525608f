#!/bin/sh
# boot.sh - boot the runtime gate's kernel under QEMU s390x (TCG)
# with one zPCI function, and keep the console.
#
# Usage: boot.sh KERNEL INITRD LOG [TIMEOUT]
#   KERNEL   arch/s390/boot/bzImage of a runtime/build.sh build
#   INITRD   the initramfs (cpio) with /init and /zpci_uapi
#   LOG      file that receives the whole console output
#   TIMEOUT  seconds before QEMU is stopped (default 150)
# The machine: qemu-system-s390x -machine s390-ccw-virtio -cpu qemu -accel
#   tcg, 1 CPU, 1 GiB, -nodefaults with the console on the SCLP line
#   console, and the function -device zpci,uid=1,fid=1,target=rng0
#   -device virtio-rng-pci,id=rng0 (0001:00:00.0 in the guest), which
#   vfio-pci claims when init loads it (ids= in /modules.list) so that
#   the KUnit suites find it bound. Our /init powers the guest off at the
#   end, so QEMU exits by itself; -no-reboot turns a panic into an exit.
# Environment: ZPCI_QEMU_APPEND adds to the kernel command line.
# Outputs: LOG; the last line is "runtime-boot: ..." with the QEMU exit
#   status, or the timeout, and the seconds the boot took.
# Errors: exit 2 for bad arguments or no qemu-system-s390x; exit 1 when
#   QEMU had to be stopped at TIMEOUT or failed to start.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
if [ $# -lt 3 ] || [ $# -gt 4 ]; then
	usage_die "usage: boot.sh KERNEL INITRD LOG [TIMEOUT]"
fi
kernel=$1 initrd=$2 logf=$3 limit=${4:-150}
[ -f "$kernel" ] || usage_die "no kernel image at $kernel (run runtime/build.sh)"
[ -f "$initrd" ] || usage_die "no initramfs at $initrd"
case $limit in '' | *[!0-9]*) usage_die "TIMEOUT must be a number of seconds, not '$limit'" ;; esac
command -v qemu-system-s390x >/dev/null 2>&1 ||
	usage_die "qemu-system-s390x not found: apt-get install qemu-system-misc"

# virtio-rng-pci: transitional (1af4:1005) or modern (1af4:1044) IDs.
append="console=ttyS0 panic=-1 ${ZPCI_QEMU_APPEND:-}"
start=$(date +%s)
rc=0
timeout -k 5 "$limit" qemu-system-s390x -nodefaults -nographic -no-reboot \
	-machine s390-ccw-virtio -cpu qemu -accel tcg -smp 1 -m 1024 \
	-serial stdio -kernel "$kernel" -initrd "$initrd" -append "$append" \
	-device zpci,uid=1,fid=1,target=rng0 -device virtio-rng-pci,id=rng0 \
	< /dev/null > "$logf" 2>&1 || rc=$?
secs=$(( $(date +%s) - start ))
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
	printf 'runtime-boot: timeout: QEMU stopped after %s s\n' "$secs" >> "$logf"
	die "QEMU did not finish within $limit s (see $logf)"
fi
printf 'runtime-boot: qemu exit %s after %s s\n' "$rc" "$secs" >> "$logf"
[ "$rc" -eq 0 ] || die "qemu-system-s390x exited with $rc (see $logf)"
