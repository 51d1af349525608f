# fault: an extraction killed part-way: a partial scratch tree (tree.tmp.*) in the cache and no .done
# exit: 0
# message: extracting
# intact: a complete tree, every file as its manifest says, and the partial scratch tree gone
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
pkg=$(versions_field "$tgt" 2) ver=$(versions_field "$tgt" 3)

fault_run() {
	real=$(sh backport/provision/fetch.sh "$tgt")
	c=$tmp/cache
	mkdir -p "$c/debs" "$c/trees/${real##*/}.tmp.abc123/arch"
	ln "$(find "$ZPCI_CACHE/debs" -maxdepth 1 -name "${pkg}_${ver}_*.deb" | head -n 1)" "$c/debs/"
	# what a killed extraction leaves: some files, no .done
	cp "$real/Makefile" "$c/trees/${real##*/}.tmp.abc123/"
	ZPCI_CACHE=$c sh backport/provision/fetch.sh "$tgt"
}

fault_intact() {
	c=$tmp/cache/trees
	t=$(find "$c" -mindepth 1 -maxdepth 1 -type d ! -name '*.tmp.*')
	if [ -z "$t" ] || [ ! -f "$t.done" ]; then echo "no finished tree in $c"; return 0; fi
	(cd "$t" && sha256sum --quiet -c "$t.sha256" 2>&1 | head -n 3)
	left=$(find "$c" -maxdepth 1 -name '*.tmp.*')
	[ -z "$left" ] || echo "left behind: $left"
}
