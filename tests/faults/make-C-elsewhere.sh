# fault: make -C <checkout> from another directory (a packaging script's working directory is its own)
# exit: 0
# message: ""
# intact: the series of out/<the last target>/ as before, and nothing written into the directory make was started from
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
top=$(pwd)

fault_run() {
	main_out "$tgt"
	tree_sum "out/$tgt/patches" > "$tmp/before"
	mkdir -p "$tmp/elsewhere"
	(cd "$tmp/elsewhere" && make -s -C "$top" KERNELS="$tgt")
}

fault_intact() {
	[ "$(tree_sum "out/$tgt/patches")" = "$(cat "$tmp/before")" ] || echo "out/$tgt/patches changed"
	[ -z "$(find "$tmp/elsewhere" -mindepth 1 | head -n 3)" ] || echo "$tmp/elsewhere holds files: $(find "$tmp/elsewhere" -mindepth 1 | head -n 3 | tr "\n" " ")"
}
