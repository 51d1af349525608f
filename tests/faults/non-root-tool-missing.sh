# fault: make's bootstrap run by a user who is not root, on a machine without spatch (the PATH of that user has every other command)
# exit: 2
# message: apt-get update && apt-get install -y --no-install-recommends coccinelle
# intact: the installed packages (dpkg's status file) as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() {
	sha256sum < /var/lib/dpkg/status > "$tmp/before"
	mkdir -p "$tmp/bin"
	for d in /usr/local/bin /usr/bin /bin; do
		for c in "$d"/*; do
			n=${c##*/}
			[ "$n" != spatch ] && [ ! -e "$tmp/bin/$n" ] && ln -s "$c" "$tmp/bin/$n"
		done
	done
	chmod -R a+rX "$tmp"
	# the runner's scratch directory above it, traversable (nothing there is secret)
	chmod o+x "$(dirname "$tmp")"
	# the checkout as that user sees it: a copy it can read
	cp -R backport "$tmp/backport"
	chmod -R a+rX "$tmp/backport"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		env -i HOME="$tmp" PATH="$tmp/bin" sh "$tmp/backport/provision/bootstrap.sh" main
}

fault_intact() {
	[ "$(sha256sum < /var/lib/dpkg/status)" = "$(cat "$tmp/before")" ] || echo "dpkg status changed"
}
