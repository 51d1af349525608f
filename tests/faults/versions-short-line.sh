# fault: a versions line with three fields (the role forgotten)
# exit: 2
# message: 3 fields, not 4
# intact: out/<the last target>/ exactly as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	tree_sum "out/$tgt" > "$tmp/before" 2>/dev/null || echo absent > "$tmp/before"
	cp versions "$tmp/versions"
	echo "extra $(versions_field "$tgt" 2) $(versions_field "$tgt" 3)" >> "$tmp/versions"
	ZPCI_VERSIONS=$tmp/versions make -s KERNELS="$tgt"
}

fault_intact() {
	now=$(tree_sum "out/$tgt" 2>/dev/null || echo absent)
	[ "$now" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
}
