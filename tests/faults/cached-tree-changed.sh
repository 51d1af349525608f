# fault: one byte appended to a file of a cached pristine tree after its extraction (a tool or a person wrote into the cache)
# exit: 0
# message: changed after its extraction (arch/s390/pci/pci.c differs in size or mtime); extracting it again
# intact: the tree extracted again, every file as its manifest says; the real cache's tree untouched
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	real=$(sh backport/provision/fetch.sh "$tgt")
	base=$(basename "$real")
	# a cache of our own: the tree (hard links), its marks, its .deb
	c=$tmp/cache
	mkdir -p "$c/trees" "$c/debs"
	cp -al "$real" "$c/trees/"
	cp "$real.done" "$real.sha256" "$real.stat" "$c/trees/"
	ln "$ZPCI_CACHE/debs/$(versions_field "$tgt" 2)_$(versions_field "$tgt" 3)"_*.deb "$c/debs/"
	f=$c/trees/$base/arch/s390/pci/pci.c
	cp -p "$f" "$f.new" && mv -f "$f.new" "$f"
	printf ' ' >> "$f"
	ZPCI_CACHE=$c sh backport/provision/fetch.sh "$tgt"
}

fault_intact() {
	real=$(sh backport/provision/fetch.sh "$tgt")
	c=$tmp/cache/trees/$(basename "$real")
	(cd "$c" && sha256sum --quiet -c "$c.sha256" 2>&1 | head -n 3)
	(cd "$real" && find . -type f -printf '%s %T@ %p\n' | LC_ALL=C sort -k3 | cmp -s - "$real.stat") || echo "the real cache's tree $real changed"
}
