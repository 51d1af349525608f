# fault: make CONFIG=<a directory> (the /boot of the machine, not its config-<version> file)
# exit: 2
# message: is no readable file
# intact: out/<the last target>/ as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	mkdir -p "$tmp/boot"
	tree_sum "out/$tgt" > "$tmp/before" 2> /dev/null || echo absent > "$tmp/before"
	make -s KERNELS="$tgt" CONFIG="$tmp/boot"
}

fault_intact() {
	[ "$(tree_sum "out/$tgt" 2> /dev/null || echo absent)" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
}
