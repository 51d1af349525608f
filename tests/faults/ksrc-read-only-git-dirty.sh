# fault: KSRC is a read-only git work tree with a local change (a hard-linked copy of the cached tree of $ref, made a git repository whose Makefile differs from its commit, on a read-only bind mount made by the case: a tree on another mount, on a read-only share, in a maintainer's git checkout)
# exit: 0
# message: ""
# intact: the run needs no write into KSRC and no hard link into it (it copies a tree on another mount); report.json and report.md say that the tree has local changes; the git repository's state and the cached tree are unchanged; the mount is gone
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tref=$(sh backport/provision/fetch.sh "$ref")

fault_run() {
	command -v git > /dev/null 2>&1 || { echo "git is not installed"; return 3; }
	cp -al "$tref" "$tmp/g"
	(cd "$tmp/g" && git init -q && git add -f Makefile &&
		git -c user.name=t -c user.email=t@invalid commit -q -m base) || { echo "git commit failed"; return 3; }
	# a new file, not the hard-linked one: the cached tree stays as it is
	{ cat "$tmp/g/Makefile"; echo '# a local change'; } > "$tmp/Makefile.new"
	mv "$tmp/Makefile.new" "$tmp/g/Makefile"
	git -C "$tmp/g" status --porcelain --untracked-files=no > "$tmp/before"
	mkdir -p "$tmp/ro"
	mount --bind "$tmp/g" "$tmp/ro" || { echo "mount --bind failed (the case needs root)"; return 3; }
	if ! mount -o remount,bind,ro "$tmp/ro" || touch "$tmp/ro/.zpci-write-test" 2> /dev/null; then
		umount "$tmp/ro"
		echo "the bind mount is not read-only"
		return 3
	fi
	rc=0
	ZPCI_OUT=$tmp/out make -s KSRC="$tmp/ro" NAME=rogit || rc=$?
	umount "$tmp/ro"
	return "$rc"
}

fault_intact() {
	! mountpoint -q "$tmp/ro" || echo "$tmp/ro is still mounted"
	jq -e '.rogit.ksrc_note | test("git work tree with local changes \\(1 tracked files")' "$tmp/out/report.json" > /dev/null ||
		echo "report.json has no ksrc_note for rogit: $(jq -c .rogit.ksrc_note "$tmp/out/report.json" 2>&1)"
	grep -q 'rogit: KSRC .* is a git work tree with local changes' "$tmp/out/report.md" ||
		echo "report.md does not say that the tree has local changes"
	git -C "$tmp/g" status --porcelain --untracked-files=no | cmp -s - "$tmp/before" ||
		echo "the run changed the git repository's tracked files"
	(cd "$tref" && sha256sum --quiet -c "$tref.sha256" 2>&1 | head -n 3)
	rm -rf "$ZPCI_CACHE/work/rogit"
}
