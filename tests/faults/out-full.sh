# fault: out/<kernel>/ on a full filesystem (a tmpfs made by the test, a few KiB larger than what it holds) when the series is written again
# exit: 1
# message: No space left on device
# intact: the series and patches there before, byte for byte, and no scratch directory left
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	o=$tmp/out/$tgt
	mkdir -p "$o"
	mount -t tmpfs -o size=16m zpci-fault "$o"
	cp -R "out/$tgt/gen" "out/$tgt/series" "out/$tgt/patches" "out/$tgt/verdict.txt" "$o/"
	tree_sum "$o" > "$tmp/before"
	mount -o remount,size=$(( $(df -k --output=used "$o" | tail -n 1) + 8 ))k "$o"
	sh backport/generate/export.sh "$o"
}

fault_intact() {
	o=$tmp/out/$tgt
	left=$(find "$o" -maxdepth 1 -name '.export.tmp.*')
	[ "$(tree_sum "$o")" = "$(cat "$tmp/before")" ] || echo "$o changed"
	umount "$o" 2> /dev/null || echo "could not unmount $o"
	[ -z "$left" ] || echo "left behind: $left"
}
