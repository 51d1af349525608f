# fault: a versions file with a NAME on two lines (a line copied to add a kernel, its name left as it was)
# exit: 2
# message: is the name of line
# intact: out/<the last target>/ exactly as before; versions itself never written
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	tree_sum "out/$tgt" > "$tmp/before" 2>/dev/null || echo absent > "$tmp/before"
	cp versions "$tmp/versions"
	awk -v t="$tgt" '$1 == t' versions >> "$tmp/versions"
	ZPCI_VERSIONS=$tmp/versions make -s KERNELS="$tgt"
}

fault_intact() {
	now=$(tree_sum "out/$tgt" 2>/dev/null || echo absent)
	[ "$now" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
}
