# fault: quilt push exits 0 having applied nothing
# exit: 1
# message: quilt reported the series
# intact: the pristine tree (its manifest) and out/<the last target>/ as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	tree_sum "out/$tgt" > "$tmp/before"
	mkdir -p "$tmp/fake"
	printf '#!/bin/sh\necho "Now at patch (none)"\nexit 0\n' > "$tmp/fake/quilt"
	chmod +x "$tmp/fake/quilt"
	t=$(sh backport/provision/fetch.sh "$tgt")
	PATH=$tmp/fake:$PATH sh backport/verify/apply-series.sh "$t" "out/$tgt" "$tmp/work" "$tmp/apply.log"
}

fault_intact() {
	[ "$(tree_sum "out/$tgt")" = "$(cat "$tmp/before")" ] || echo "out/$tgt changed"
	t=$(sh backport/provision/fetch.sh "$tgt")
	(cd "$t" && sha256sum --quiet -c "$t.sha256" 2>&1 | head -n 3)
	[ ! -e "$t/.pc" ] || echo "$t has a .pc directory"
}
