# fault: make gate with a SERIES whose series file lists a file that is no diff (a mail saved without its patch)
# exit: 2
# message: which is no diff
# intact: SERIES exactly as given (make gate never writes into it), and no out/<label>/
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	mkdir -p "$tmp/s/patches"
	printf '%s\\n' "Subject: [PATCH] a" "" "See the attachment." > "$tmp/s/patches/0001-a.patch"
	echo 0001-a.patch > "$tmp/s/series"
	tree_sum "$tmp/s" > "$tmp/before"
	make -s gate KSRC="$(sh backport/provision/fetch.sh "$tgt")" SERIES="$tmp/s" NAME=fault-gate-no-diff
}

fault_intact() {
	[ "$(tree_sum "$tmp/s")" = "$(cat "$tmp/before")" ] || echo "SERIES changed"
	[ ! -e out/fault-gate-no-diff ] || echo "out/fault-gate-no-diff was made"
}
