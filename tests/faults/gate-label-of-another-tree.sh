# fault: make gate on one tree, then on another with the same (default) label: the label's state belongs to the first tree
# exit: 2
# message: holds the gate results of another tree
# intact: the label's results as the first tree's run left them
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

up=$(versions_names upstream | head -n 1)
tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	# what the first tree's run left under the label (its results, its .tree)
	o=$tmp/out/gate
	mkdir -p "$o"
	sh backport/provision/fetch.sh "$up" > "$o/.tree"
	echo '{"first": "run"}' > "$o/runtime.json"
	tree_sum "$o" > "$tmp/before"
	ZPCI_OUT=$tmp/out make -s gate KSRC="$(sh backport/provision/fetch.sh "$tgt")" SERIES="out/$tgt"
}

fault_intact() {
	[ "$(tree_sum "$tmp/out/gate")" = "$(cat "$tmp/before")" ] || echo "$tmp/out/gate changed"
}
