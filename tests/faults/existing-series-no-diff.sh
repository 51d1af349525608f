# fault: make EXISTING=<a debian/patches whose series lists a file that is no diff>
# exit: 2
# message: which is no diff
# intact: EXISTING exactly as given (never written), out/<the last target>/ as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	mkdir -p "$tmp/e"
	printf '%s\n' "This patch was lost." > "$tmp/e/0001-a.patch"
	echo 0001-a.patch > "$tmp/e/series"
	tree_sum "$tmp/e" > "$tmp/before"
	tree_sum "out/$tgt" > "$tmp/out-before" 2> /dev/null || echo absent > "$tmp/out-before"
	make -s KERNELS="$tgt" EXISTING="$tmp/e"
}

fault_intact() {
	[ "$(tree_sum "$tmp/e")" = "$(cat "$tmp/before")" ] || echo "EXISTING changed"
	[ "$(tree_sum "out/$tgt" 2> /dev/null || echo absent)" = "$(cat "$tmp/out-before")" ] || echo "out/$tgt changed"
}
