# fault: the cached linux-source .deb is truncated (a download cut off), and no tree was extracted from it yet
# exit: 1
# message: is damaged
# intact: no tree, no .done and no scratch directory in that cache; the damaged .deb removed, so the next run downloads it again
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
pkg=$(versions_field "$tgt" 2) ver=$(versions_field "$tgt" 3)

fault_run() {
	c=$tmp/cache
	mkdir -p "$c/debs" "$c/trees"
	deb=$(find "$ZPCI_CACHE/debs" -maxdepth 1 -name "${pkg}_${ver}_*.deb" | head -n 1)
	[ -n "$deb" ] || sh backport/provision/fetch.sh "$tgt" > /dev/null
	deb=$(find "$ZPCI_CACHE/debs" -maxdepth 1 -name "${pkg}_${ver}_*.deb" | head -n 1)
	head -c 3000000 "$deb" > "$c/debs/${deb##*/}"
	ZPCI_CACHE=$c sh backport/provision/fetch.sh "$tgt"
}

fault_intact() {
	c=$tmp/cache
	left=$(find "$c/trees" -mindepth 1 -maxdepth 1)
	[ -z "$left" ] || echo "left in the cache's trees: $left"
	[ -z "$(find "$c/debs" -name '*.deb')" ] || echo "the damaged .deb is still there"
}
