# fault: qemu-system-s390x hangs (the guest never powers off, QEMU never exits)
# exit: 1
# message: QEMU did not finish within 5 s
# intact: no QEMU left running, and the console log ends with the timeout line
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() {
	mkdir -p "$tmp/fake"
	# the fake QEMU: prints a line of boot, then waits forever
	printf '#!/bin/sh\necho "Linux version 0.0 (fake)"\nexec sleep 3600\n' > "$tmp/fake/qemu-system-s390x"
	chmod +x "$tmp/fake/qemu-system-s390x"
	: > "$tmp/bzImage"
	: > "$tmp/initrd"
	PATH=$tmp/fake:$PATH sh backport/gates/runtime/boot.sh "$tmp/bzImage" "$tmp/initrd" "$tmp/console.log" 5
}

fault_intact() {
	! pgrep -f "$tmp/fake/qemu-system-s390x" > /dev/null || echo "the fake QEMU still runs"
	tail -n 1 "$tmp/console.log" | grep -q '^runtime-boot: timeout' || echo "console.log does not end with the timeout line"
}
