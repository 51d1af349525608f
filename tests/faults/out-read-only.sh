# fault: out/<kernel>/ read-only (a read-only bind mount: the tests run as root, where chmod stops nothing) when the series is written
# exit: 1
# message: Read-only file system
# intact: the series and patches there before, byte for byte
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	o=$tmp/out/$tgt
	mkdir -p "$o"
	cp -R "out/$tgt/gen" "out/$tgt/series" "out/$tgt/patches" "out/$tgt/verdict.txt" "$o/"
	tree_sum "$o" > "$tmp/before"
	mount --bind "$o" "$o"
	mount -o remount,bind,ro "$o"
	sh backport/generate/export.sh "$o"
}

fault_intact() {
	o=$tmp/out/$tgt
	umount "$o" 2> /dev/null || echo "could not unmount $o"
	[ "$(tree_sum "$o")" = "$(cat "$tmp/before")" ] || echo "$o changed"
}
