# fault: in the guest, insmod of vfio-pci fails (a symbol the series should export is missing), while everything else on the console looks like a normal run
# exit: 1
# message: FAIL boot.modules_loaded
# intact: the results name the failed insmod; a console that reached power off is not taken for a pass
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() {
	mkdir -p "$tmp/res"
	ko=/lib/modules/0/kernel/drivers/vfio/pci/vfio-pci.ko
	printf '%s\n' 'zpci-runtime: modules start' \
		"zpci-runtime: insmod $ko: Unknown symbol in module" \
		'zpci-runtime: /proc/modules: vfio 49152 0 - Live 0x0' \
		'zpci-runtime: uapi start' 'zpci-runtime: uapi exit 0' \
		'zpci-runtime: power off' > "$tmp/res/console.log"
	console_verdict
}

fault_intact() {
	jq -e 'any(.[]; .suite == "boot" and .name == "modules_loaded" and .status == "FAIL" and (.message | test("vfio-pci.ko: Unknown symbol")))' \
		"$tmp/res/results.json" > /dev/null ||
		echo "results.json does not fail boot.modules_loaded naming vfio-pci.ko: $(jq -c '[.[] | select(.suite == "boot")]' "$tmp/res/results.json")"
}
