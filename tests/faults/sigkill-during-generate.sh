# fault: SIGKILL of generate (spatch and all) part-way through, then the same generate run again
# exit: 0
# message: ""
# intact: the second run's gen/ byte-identical to the main job's; no scratch directory of the killed run left behind
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
up=$(versions_names upstream | head -n 1)

fault_run() {
	main_out "$tgt"
	mkdir -p "$tmp/out"
	cp "out/$tgt/probes.json" "out/$tgt/verdict.json" "$tmp/out/"
	t=$(sh backport/provision/fetch.sh "$tgt") u=$(sh backport/provision/fetch.sh "$up")
	setsid sh backport/generate/generate.sh "$tgt" "$t" "$u" "$tmp/out" > "$tmp/first.log" 2>&1 &
	pid=$!
	# until a semantic patch runs (its scratch copy exists), at most 60 s
	n=0
	while [ -z "$(find "$tmp/out" -maxdepth 1 -name '.gen.tmp.*' 2> /dev/null)" ] && [ "$n" -lt 600 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	sleep 2
	# (dash: "kill -9 -PGID"; it takes neither "--" nor "-s KILL -PGID")
	kill -9 "-$pid" 2> /dev/null || :
	wait "$pid" 2> /dev/null || :
	[ -n "$(find "$tmp/out" -maxdepth 1 -name '.gen.tmp.*')" ] || { echo "the kill left nothing to clean: it came too late"; return 3; }
	sh backport/generate/generate.sh "$tgt" "$t" "$u" "$tmp/out"
}

fault_intact() {
	[ "$(tree_sum "$tmp/out/gen")" = "$(tree_sum "out/$tgt/gen")" ] || echo "gen/ differs from out/$tgt/gen"
	left=$(find "$tmp/out" -maxdepth 1 -name '.gen.tmp.*')
	[ -z "$left" ] || echo "left behind: $left"
}
