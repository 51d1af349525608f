# fault: make gate with a SERIES whose series file has DOS (CRLF) line endings
# exit: 2
# message: DOS (CRLF) line endings
# intact: SERIES exactly as given (make gate never writes into it), and no out/<label>/
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	mkdir -p "$tmp/s/patches"
	awk '/^diff|^---/ { f = 1 } f' "out/$tgt/patches/$(series_entries "out/$tgt" | head -n 1)" > "$tmp/s/patches/0001-a.patch"
	printf '%s\r\n' 0001-a.patch > "$tmp/s/series"
	tree_sum "$tmp/s" > "$tmp/before"
	make -s gate KSRC="$(sh backport/provision/fetch.sh "$tgt")" SERIES="$tmp/s" NAME=fault-gate-crlf
}

fault_intact() {
	[ "$(tree_sum "$tmp/s")" = "$(cat "$tmp/before")" ] || echo "SERIES changed"
	[ ! -e out/fault-gate-crlf ] || echo "out/fault-gate-crlf was made"
}
