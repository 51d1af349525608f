# fault: two make KERNELS=<the last target> at once on one checkout (a packaging job started twice)
# exit: 0
# message: waiting for another run that holds
# intact: both runs pass; the series of out/<that target>/ as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	tree_sum "out/$tgt/patches" > "$tmp/before"
	(make -s KERNELS="$tgt" > "$tmp/first.log" 2>&1; echo $? > "$tmp/first.rc") &
	sleep 0.5
	make -s KERNELS="$tgt"
	rc=$?
	wait
	return "$rc"
}

fault_intact() {
	[ "$(cat "$tmp/first.rc")" = 0 ] || echo "the first run exited $(cat "$tmp/first.rc"): $(tail -n 1 "$tmp/first.log")"
	[ "$(tree_sum "out/$tgt/patches")" = "$(cat "$tmp/before")" ] || echo "out/$tgt/patches changed"
}
