# fault: the guest kernel panics during the KUnit suites; QEMU (-no-reboot) then exits 0 as after a clean power-off
# exit: 1
# message: FAIL boot.uapi_finished
# intact: the results name the panic (the log suite) and the missing uAPI run: a QEMU exit status of 0 is not taken for a pass
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() {
	mkdir -p "$tmp/fake" "$tmp/res"
	printf '%s\n' '#!/bin/sh' 'echo "zpci-runtime: modules start"' 'echo "KTAP version 1"' 'echo "1..1"' 'echo "    KTAP version 1"' \
		'echo "    # Subtest: zpci_error_store"' 'echo "    1..3"' 'echo "    ok 1 store_one"' \
		'echo "Kernel panic - not syncing: Fatal exception"' 'exit 0' > "$tmp/fake/qemu-system-s390x"
	chmod +x "$tmp/fake/qemu-system-s390x"
	: > "$tmp/bzImage"
	: > "$tmp/initrd"
	PATH=$tmp/fake:$PATH sh backport/gates/runtime/boot.sh "$tmp/bzImage" "$tmp/initrd" "$tmp/res/console.log" 30 || return 2
	console_verdict
}

fault_intact() {
	jq -e 'any(.[]; .suite == "log" and .status == "FAIL") and any(.[]; .suite == "boot" and .name == "uapi_finished" and .status == "FAIL")' \
		"$tmp/res/results.json" > /dev/null || echo "results.json does not fail the panic and the missing uAPI run: $(jq -c '[.[] | select(.status == "FAIL") | .suite + "." + .name]' "$tmp/res/results.json")"
}
