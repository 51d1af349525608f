# fault: spatch exits 0 but its log says it could not parse the semantic patch (an older or newer Coccinelle)
# exit: 1
# message: spatch reported an error
# intact: out/<the last target>/ as before; no gen/ in the scratch out
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
up=$(versions_names upstream | head -n 1)

fault_run() {
	main_out "$tgt"
	tree_sum "out/$tgt" > "$tmp/before"
	mkdir -p "$tmp/fake" "$tmp/out"
	printf '#!/bin/sh\necho "minus: parse error: " >&2\necho "  File \\"x.cocci\\", line 12, column 1" >&2\nexit 0\n' > "$tmp/fake/spatch"
	chmod +x "$tmp/fake/spatch"
	cp "out/$tgt/probes.json" "out/$tgt/verdict.json" "$tmp/out/"
	PATH=$tmp/fake:$PATH sh backport/generate/generate.sh "$tgt" "$(sh backport/provision/fetch.sh "$tgt")" \
		"$(sh backport/provision/fetch.sh "$up")" "$tmp/out"
}

fault_intact() {
	[ "$(tree_sum "out/$tgt")" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
	[ ! -d "$tmp/out/gen" ] || echo "a gen/ was left in the scratch out"
}
