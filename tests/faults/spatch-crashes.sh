# fault: spatch dies of a signal (SIGSEGV) in the middle of a semantic patch
# exit: 1
# message: spatch failed
# intact: out/<the last target>/ as before; no gen/ in the scratch out
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
up=$(versions_names upstream | head -n 1)

fault_run() {
	main_out "$tgt"
	tree_sum "out/$tgt" > "$tmp/before"
	mkdir -p "$tmp/fake" "$tmp/out"
	printf '#!/bin/sh\nkill -SEGV $$\n' > "$tmp/fake/spatch"
	chmod +x "$tmp/fake/spatch"
	cp "out/$tgt/probes.json" "out/$tgt/verdict.json" "$tmp/out/"
	PATH=$tmp/fake:$PATH sh backport/generate/generate.sh "$tgt" "$(sh backport/provision/fetch.sh "$tgt")" \
		"$(sh backport/provision/fetch.sh "$up")" "$tmp/out"
}

fault_intact() {
	[ "$(tree_sum "out/$tgt")" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
	[ ! -d "$tmp/out/gen" ] || echo "a gen/ was left in the scratch out"
}
