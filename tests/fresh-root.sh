#!/bin/sh
# tests/fresh-root.sh - a new machine, proven: the README's commands in a
# minimal Debian 12 root that has nothing installed by hand.
#
# Commands and expected results:
#   mmdebstrap --mode=root --variant=minbase --include=make bookworm ROOT,
#     from this machine's archive URIs (backport/provision/apt-config.sh --uris):
#     main, updates and security suites, as a Debian 12 machine has them.
#     make is the one package added: the README's command is `make`.
#   In ROOT (chroot, /proc, /sys and /dev mounted), on a fresh copy of this
#   checkout (a git clone of HEAD, or the checkout's files when it has
#   changes) with an empty cache:
#     make KERNELS=$ref (the last target of versions, 7.2) -> exit 0;
#       every stage of it passes; the upstream line (7.3, the oracle)
#       passes or skips each stage (it has no series to apply) and its
#       runtime passes
#     the timestamped output of that make -> no gap over 60 s
#     sh backport/provision/bootstrap.sh check     -> exit 0
#     sh tests/cocci-fixtures.sh         -> exit 0, no FAIL line
#   Afterwards no mount is left under ROOT, on every exit path (EXIT, INT,
#   TERM, HUP; a SIGKILLed run's mounts and processes are cleared by the
#   next run before it starts).
# Fed to the root, to fit CI's time (everything else the run does itself):
#   the .deb files this machine has already downloaded (apt's archive
#   cache and $ZPCI_CACHE/fresh-root/debs, kept between runs), the
#   linux-source .debs of those two from $ZPCI_CACHE/debs, and the ccache
#   ($ZPCI_CACHE/ccache, bind-mounted; backport/lib/kbuild.sh makes it hit from
#   any cache path: base_dir, compiler_check=content).
# Negative control: ZPCI_FRESH_DROP=rsync (any package of bootstrap.sh)
#   removes that "need" line from the copy's bootstrap.sh; the make must
#   then fail, and its report name the cause ("rsync: not found").
# Outputs: PASS/FAIL lines with the figures (wall seconds of the make and
#   each stage of $ref); the logs, the make's timestamped output and
#   report.json are kept in $ZPCI_CACHE/fresh-root/last/. The root itself
#   is removed at the end (several GB).
# Budget: 25 min on 2 cores with a warm ccache.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

if [ "$(id -u)" -ne 0 ]; then
	ko fresh-root "needs root (mmdebstrap --mode=root, chroot, mount); CI runs as root"
	exit 0
fi
base=$ZPCI_CACHE/fresh-root
root=$base/root
last=$base/last
drop=${ZPCI_FRESH_DROP:-}
mkdir -p "$base/debs"

# clear_root: no process running inside ROOT, no mount under it.
clear_root() {
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root" 2> /dev/null)" = "$root" ] || continue
		kill -9 "${p#/proc/}" 2> /dev/null || :
	done
	awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts |
		sort -r | while read -r m; do umount "$m" 2> /dev/null || umount -l "$m"; done
}
trap 'clear_root; rm -rf "$tmp"' EXIT
clear_root
rm -rf "$root" "$last"
mkdir -p "$last"

# The root: minbase and make, from this machine's archives.
uris=$(sh backport/provision/apt-config.sh --uris) || { ko fresh-root-mmdebstrap "no archive URIs"; exit 0; }
main=$(printf '%s\n' "$uris" | sed -n 1p) sec=$(printf '%s\n' "$uris" | sed -n 2p)
t0=$(date +%s)
# feed DIR: hard-link the .debs this machine has into DIR (copy across
# file systems); cp -n keeps what DIR has.
feed() {
	_to=$1
	for _d in /var/cache/apt/archives "$base/debs"; do
		set -- "$_d"/*.deb
		[ -f "$1" ] || continue
		cp -l -n "$@" "$_to/" 2> /dev/null || cp -n "$@" "$_to/"
	done
}
export base
# shellcheck disable=SC2016 # the hooks expand in mmdebstrap's shell
if ! mmdebstrap --mode=root --variant=minbase --include=make \
	--setup-hook='mkdir -p "$1/var/cache/apt/archives"; for d in /var/cache/apt/archives "$base/debs"; do cp -l -n "$d"/*.deb "$1/var/cache/apt/archives/" 2>/dev/null || :; done' \
	--customize-hook='cp -l -n "$1"/var/cache/apt/archives/*.deb "$base/debs/" 2>/dev/null || :' \
	bookworm "$root" "deb $main bookworm main" "deb $main bookworm-updates main" \
	"deb $sec bookworm-security main" > "$last/mmdebstrap.log" 2>&1; then
	ko fresh-root-mmdebstrap "mmdebstrap failed: $(log_cause "$last/mmdebstrap.log")"
	exit 0
fi
ok "fresh-root-mmdebstrap ($(( $(date +%s) - t0 )) s)"

# What this machine downloaded already: apt's cache and ours.
arch=$root/var/cache/apt/archives
mkdir -p "$arch"
feed "$arch"
rcache=$root/root/.cache/zpci-backport
mkdir -p "$rcache/debs" "$rcache/ccache" "$ZPCI_CACHE/ccache"
for k in "$upname" "$ref"; do
	find "$ZPCI_CACHE/debs" -maxdepth 1 -name "$(versions_field "$k" 2)_*.deb" \
		-exec cp -l -n {} "$rcache/debs/" \; 2> /dev/null || :
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
# This machine's apt settings (how its archives are reached, e.g. that
# their Release files are not checked for expiry) are part of any machine
# of its kind, as its sources are.
for f in /etc/apt/apt.conf.d/*; do
	if [ -f "$f" ] && [ ! -e "$root/etc/apt/apt.conf.d/${f##*/}" ]; then
		cp "$f" "$root/etc/apt/apt.conf.d/"
	fi
done
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount --bind "$ZPCI_CACHE/ccache" "$rcache/ccache"

# A fresh copy of the checkout.
src=$root/work/zpci-backport
mkdir -p "$root/work"
if [ -z "$(git status --porcelain 2> /dev/null)" ] && [ -d .git ]; then
	git clone -q --no-hardlinks "$ZPCI_TOP" "$src"
else
	mkdir -p "$src"
	git ls-files -z -c -o --exclude-standard | tar -c --null -T - -f - | tar -x -C "$src" -f -
fi
if [ -n "$drop" ]; then
	sed "/^need [^ ]* $drop\$/d" "$src/backport/provision/bootstrap.sh" > "$tmp/bs"
	cmp -s "$tmp/bs" "$src/backport/provision/bootstrap.sh" &&
		{ ko fresh-root-drop "bootstrap.sh has no 'need ... $drop' line"; exit 0; }
	cp "$tmp/bs" "$src/backport/provision/bootstrap.sh"
fi

# inroot CMD: run CMD (a shell command line) as root in ROOT with a clean
# environment, stopped after $limit seconds (0: never); stdout and stderr
# as they come.
limit=0
inroot() {
	timeout -k 10 "$limit" chroot "$root" /usr/bin/env -i HOME=/root XDG_CACHE_HOME=/root/.cache \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		LANG=C.UTF-8 CI=true sh -c "cd /work/zpci-backport && $1"
}
# stamp: each line of stdin with the epoch second it arrived.
stamp() { while IFS= read -r l; do printf '%s %s\n' "$(date +%s)" "$l"; done; }

t0=$(date +%s)
limit=2700
{ rc=0; inroot "make KERNELS=$ref" 2>&1 || rc=$?; echo "$rc" > "$tmp/rc"; } | stamp > "$last/make.log"
limit=0
rc=$(cat "$tmp/rc")
secs=$(( $(date +%s) - t0 ))
cp "$src/out/report.json" "$last/" 2> /dev/null || :
rep=$last/report.json
if [ -n "$drop" ]; then
	note=$(jq -r '[.[] | .stages[] | select(startswith("fail"))] | join("; ")' "$rep" 2> /dev/null || :)
	case $rc:$note in
	1:*"$drop: not found"*) ok "fresh-root-drop-$drop (make exit 1: $(printf '%s' "$note" | cut -c1-160))" ;;
	*) ko "fresh-root-drop-$drop" "make exited $rc; failures: ${note:-none} (see $last/make.log)" ;;
	esac
	exit 0
fi
case $rc in
0) ok "fresh-root-make ($secs s)" ;;
124 | 137) ko fresh-root-make "make KERNELS=$ref did not finish in 45 min (see $last/make.log)" ;;
*) ko fresh-root-make "make KERNELS=$ref exited $rc after $secs s: $(tail -n 3 "$last/make.log" | cut -d' ' -f2- | tr '\n' ' ')" ;;
esac
# Every stage passes, but for the two skips by design: no EXISTING series
# was given, and the upstream line has nothing to backport.
bad=$(jq -r --arg r "$ref" --arg u "$upname" '
	def fine: . == "pass" or . == "skipped: no EXISTING series";
	(.[$r].stages | to_entries[] | select(.value | fine | not) | "\($r) \(.key): \(.value)"),
	(.[$u].stages | to_entries[] | select((.value | fine) or (.value | startswith("skipped: nothing to backport")) | not)
		| "\($u) \(.key): \(.value)"),
	(.[$u].stages.runtime | select(. != "pass") | "\($u) runtime: \(.)")' "$rep" 2> /dev/null || echo "no report.json")
if [ -z "$bad" ]; then
	ok "fresh-root-stages ($ref seconds: $(jq -r --arg r "$ref" '.[$r].seconds | to_entries | map("\(.key) \(.value)") | join(", ")' "$rep"))"
else
	ko fresh-root-stages "$(printf '%s' "$bad" | tr '\n' ';')"
fi
gap=$(awk 'NR > 1 && $1 - p > m { m = $1 - p; at = $0 } { p = $1 } END { printf "%d %s\n", m, at }' "$last/make.log")
if [ "${gap%% *}" -le 60 ]; then ok "fresh-root-no-silence (longest gap ${gap%% *} s)"
else ko fresh-root-no-silence "a gap of ${gap%% *} s before: ${gap#* }"; fi

if inroot 'sh backport/provision/bootstrap.sh check' > "$last/bootstrap-check.log" 2>&1; then
	ok fresh-root-bootstrap-check
else
	ko fresh-root-bootstrap-check "$(log_cause "$last/bootstrap-check.log")"
fi
rc=0
inroot 'sh tests/cocci-fixtures.sh' > "$last/cocci-fixtures.log" 2>&1 || rc=$?
if [ "$rc" -eq 0 ] && ! grep -q '^FAIL ' "$last/cocci-fixtures.log"; then
	ok "fresh-root-quick-test ($(grep -c '^PASS ' "$last/cocci-fixtures.log") fixtures)"
else
	ko fresh-root-quick-test "tests/cocci-fixtures.sh exited $rc: $(grep -m 1 '^FAIL ' "$last/cocci-fixtures.log")"
fi

# Keep what apt downloaded in the root for the next run.
set -- "$arch"/*.deb
[ ! -f "$1" ] || cp -l -n "$@" "$base/debs/" 2> /dev/null || cp -n "$@" "$base/debs/"
clear_root
if awk -v r="$root" 'index($2, r) == 1 { f = 1 } END { exit !f }' /proc/mounts; then
	ko fresh-root-mounts-cleaned "mounts left under $root"
else
	ok fresh-root-mounts-cleaned
fi
rm -rf "$root"
