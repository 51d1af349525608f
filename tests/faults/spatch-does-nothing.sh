# fault: spatch exits 0 having done nothing (it prints nothing and changes no file)
# exit: 1
# message: matched 0 place(s)
# intact: out/<the last target>/ as before: generate writes into a scratch directory only
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
up=$(versions_names upstream | head -n 1)

fault_run() {
	main_out "$tgt"
	tree_sum "out/$tgt" > "$tmp/before"
	mkdir -p "$tmp/fake" "$tmp/out"
	printf '#!/bin/sh\nexit 0\n' > "$tmp/fake/spatch"
	chmod +x "$tmp/fake/spatch"
	cp "out/$tgt/probes.json" "out/$tgt/verdict.json" "$tmp/out/"
	PATH=$tmp/fake:$PATH sh backport/generate/generate.sh "$tgt" "$(sh backport/provision/fetch.sh "$tgt")" \
		"$(sh backport/provision/fetch.sh "$up")" "$tmp/out"
}

fault_intact() {
	[ "$(tree_sum "out/$tgt")" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
	[ ! -d "$tmp/out/gen" ] || echo "a gen/ was left in the scratch out"
}
