# fault: make gate with a SERIES whose series file lists a patch that is not there
# exit: 2
# message: which is neither in patches/ nor beside the series file
# intact: SERIES exactly as given (make gate never writes into it), and no out/<label>/
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	mkdir -p "$tmp/s/patches"
	awk '/^diff|^---/ { f = 1 } f' "out/$tgt/patches/$(series_entries "out/$tgt" | head -n 1)" > "$tmp/s/patches/0001-a.patch"
	printf '%s\\n' 0001-a.patch 0002-gone.patch > "$tmp/s/series"
	tree_sum "$tmp/s" > "$tmp/before"
	make -s gate KSRC="$(sh backport/provision/fetch.sh "$tgt")" SERIES="$tmp/s" NAME=fault-gate-missing-patch
}

fault_intact() {
	[ "$(tree_sum "$tmp/s")" = "$(cat "$tmp/before")" ] || echo "SERIES changed"
	[ ! -e out/fault-gate-missing-patch ] || echo "out/fault-gate-missing-patch was made"
}
