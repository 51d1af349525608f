# fault: the cache on a full filesystem (a 64 MiB tmpfs made by the test): the extraction runs out of space
# exit: 1
# message: No space left on device
# intact: no tree, no .done and no scratch directory in that cache's trees/, the .deb kept
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
pkg=$(versions_field "$tgt" 2) ver=$(versions_field "$tgt" 3)

fault_run() {
	sh backport/provision/fetch.sh "$tgt" > /dev/null
	c=$tmp/cache
	mkdir -p "$c/debs" "$c/trees"
	mount -t tmpfs -o size=64m zpci-fault "$c/trees"
	ln "$(find "$ZPCI_CACHE/debs" -maxdepth 1 -name "${pkg}_${ver}_*.deb" | head -n 1)" "$c/debs/"
	ZPCI_CACHE=$c sh backport/provision/fetch.sh "$tgt"
}

fault_intact() {
	c=$tmp/cache
	left=$(find "$c/trees" -mindepth 1 -maxdepth 1)
	umount "$c/trees" 2> /dev/null || echo "could not unmount $c/trees"
	[ -z "$left" ] || echo "left in the full trees/: $left"
	[ -n "$(find "$c/debs" -name '*.deb')" ] || echo "the .deb was removed"
}
