# fault: a versions file whose last target is marked upstream too (two upstream lines: which one is the oracle?)
# exit: 2
# message: 2 upstream lines
# intact: out/<the upstream line>/ exactly as before (the oracle)
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

up=$(versions_names upstream | head -n 1)
tgt=$(versions_names target | tail -n 1)

fault_run() {
	tree_sum "out/$up" > "$tmp/before" 2>/dev/null || echo absent > "$tmp/before"
	awk -v t="$tgt" '$1 == t { $4 = "upstream" } { print }' versions > "$tmp/versions"
	ZPCI_VERSIONS=$tmp/versions make -s
}

fault_intact() {
	now=$(tree_sum "out/$up" 2>/dev/null || echo absent)
	[ "$now" = "$(cat "$tmp/before")" ] || echo "out/$up changed"
}
