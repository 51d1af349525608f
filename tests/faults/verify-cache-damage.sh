# fault: a file of a cached pristine tree changed with its size and mtime kept (what every run's cheap check cannot see)
# exit: 1
# message: arch/s390/pci/pci.c (rm
# intact: verify-cache only reads: the damaged file still damaged, nothing else of the cache written
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	real=$(sh backport/provision/fetch.sh "$tgt")
	c=$tmp/cache
	mkdir -p "$c/trees"
	cp -al "$real" "$c/trees/"
	cp "$real.done" "$real.sha256" "$real.stat" "$c/trees/"
	f=$c/trees/$(basename "$real")/arch/s390/pci/pci.c
	# the first byte of a comment changed in a copy of the file, same size, same mtime
	cp -p "$f" "$f.new"
	sed -i '1s/./X/' "$f.new"
	touch -r "$f" "$f.new"
	mv -f "$f.new" "$f"
	sha256sum "$f" > "$tmp/damaged"
	find "$c/trees" -maxdepth 1 -printf "%p %s %T@\n" | LC_ALL=C sort > "$tmp/listing"
	ZPCI_CACHE=$c make -s verify-cache
}

fault_intact() {
	sha256sum -c --quiet "$tmp/damaged" || echo "the damaged file was changed"
	find "$tmp/cache/trees" -maxdepth 1 -printf "%p %s %T@\n" | LC_ALL=C sort | cmp -s - "$tmp/listing" || echo "the cache's trees directory was written"
}
