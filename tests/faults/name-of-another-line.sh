# fault: make KSRC=<the upstream tree> NAME=<a target line>: the label of a versions line given to another tree
# exit: 2
# message: choose another NAME for this tree
# intact: out/<that line>/ exactly as before (absent stays absent)
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

up=$(versions_names upstream | head -n 1)
tgt=$(versions_names target | tail -n 1)
upt=$(sh backport/provision/fetch.sh "$up")

fault_run() {
	tree_sum "out/$tgt" > "$tmp/before" 2>/dev/null || echo absent > "$tmp/before"
	make -s KSRC="$upt" NAME="$tgt"
}

fault_intact() {
	now=$(tree_sum "out/$tgt" 2>/dev/null || echo absent)
	[ "$now" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
}
