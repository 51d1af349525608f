# fault: make gate KSRC=<the upstream tree> SERIES=... NAME=<a target line>: the label of a versions line, whose builds the gate would share, given to another tree
# exit: 2
# message: choose another NAME for this tree
# intact: out/<that line>/ exactly as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

up=$(versions_names upstream | head -n 1)
tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	tree_sum "out/$tgt" > "$tmp/before"
	make -s gate KSRC="$(sh backport/provision/fetch.sh "$up")" SERIES="out/$tgt" NAME="$tgt"
}

fault_intact() {
	[ "$(tree_sum "out/$tgt")" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
}
