#!/bin/sh
# tests/debian.sh - the Debian export: for every target whose Debian source
# package (linux, at the exact version of its versions line) the archive
# serves, the series goes into the unpacked package with `make export
# FORMAT=debian`, a rerun changes no byte, `dpkg-source -b` rebuilds the
# package, `dpkg-source -x` of the result applies every patch with no fuzz
# and no offset, and the unpacked tree equals the pipeline's patched tree
# (the cached linux-source tree with the series applied, the apply stage's
# copy). Targets the archive does not serve are named as skipped, with the
# reason. Also: a package of another version, and a directory that is no
# package, are refused with exit 2 and both versions named.
# Downloads each source package once into $ZPCI_CACHE/debsrc/ (through the
# private apt configuration); each kernel's two unpacked trees are removed
# after its checks. Takes some minutes per target.
# Each check prints "PASS name" or "FAIL name: reason".
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh
aptc=$(sh backport/provision/apt-config.sh --update)
ran=
for k in $(versions_names target); do
	ver=$(versions_field "$k" 3)
	dsc=$ZPCI_CACHE/debsrc/$ver/linux_$(printf '%s' "$ver" | sed 's/^[0-9]*://').dsc
	if [ ! -f "$dsc" ]; then
		mkdir -p "$ZPCI_CACHE/debsrc/$ver.tmp"
		# shellcheck disable=SC2086 # apt options
		if (cd "$ZPCI_CACHE/debsrc/$ver.tmp" && apt-get $aptc source -q --download-only "linux=$ver") > "$tmp/src-$k.log" 2>&1; then
			rm -rf "$ZPCI_CACHE/debsrc/$ver"
			mv "$ZPCI_CACHE/debsrc/$ver.tmp" "$ZPCI_CACHE/debsrc/$ver"
		else
			rm -rf "$ZPCI_CACHE/debsrc/$ver.tmp"
			echo "# skipped $k: the archive serves no source package linux $ver ($(tail -n 1 "$tmp/src-$k.log"))"
			continue
		fi
	fi
	main_out "$k"
	w=$tmp/deb-$k
	mkdir -p "$w"
	dpkg-source -x "$dsc" "$w/pkg" > "$tmp/x1-$k.log" 2>&1 || { ko "debian-$k-export" "dpkg-source -x of $dsc failed (see its log)"; continue; }
	rc=0
	make -s export FORMAT=debian KERNELS="$k" DEST="$w/pkg" > "$tmp/export-$k.log" 2>&1 || rc=$?
	sub=features/s390x/zpci-error-recovery
	want=$(series_entries "out/$k" | sed "s|^|$sub/|")
	got=$(grep "^$sub/" "$w/pkg/debian/patches/series" || :)
	nodep3=$(for p in "$w/pkg/debian/patches/$sub"/*.patch; do
		for h in From Subject Origin Forwarded Last-Update; do grep -q "^$h: " "$p" || printf '%s:%s ' "$(basename "$p")" "$h"; done
		case $(sed -n 's/^Origin: //p' "$p") in
		"upstream, https://git.kernel.org/"*"?id="*) grep -q -E '^Applied-Upstream: v[0-9.rc-]+, commit:[0-9a-f]{40}$' "$p" || printf '%s:Applied-Upstream ' "$(basename "$p")" ;;
		"vendor, zpci-backport: "?*) ;;
		*) printf '%s:Origin ' "$(basename "$p")" ;;
		esac
	done)
	if [ "$rc" -eq 0 ] && [ -n "$want" ] && [ "$got" = "$want" ] &&
		[ "$(tail -n "$(printf '%s\n' "$want" | wc -l)" "$w/pkg/debian/patches/series")" = "$want" ] && [ -z "$nodep3" ]; then
		ok "debian-$k-export ($(printf '%s\n' "$want" | wc -l) patches, DEP-3)"
	else
		ko "debian-$k-export" "exit $rc: $(tail -n 1 "$tmp/export-$k.log"); series lines '$got'; headers missing: $nodep3"
	fi
	rerun_identical "debian-$k-rerun-identical" "$w/pkg/debian/patches" make -s export FORMAT=debian KERNELS="$k" DEST="$w/pkg"
	# Rebuild the source package next to its orig tarball, unpack it again.
	for o in "$(dirname "$dsc")"/*.orig.tar.*; do ln -sf "$o" "$w/"; done
	rc=0
	(cd "$w" && dpkg-source -b pkg) > "$tmp/b-$k.log" 2>&1 || rc=$?
	ndsc=$(find "$w" -maxdepth 1 -name '*.dsc' | head -n 1)
	rc2=0
	[ "$rc" -ne 0 ] || [ -z "$ndsc" ] || dpkg-source -x "$ndsc" "$w/new" > "$tmp/x2-$k.log" 2>&1 || rc2=$?
	noise=$(grep -i -E 'fuzz|offset|hunk|warning' "$tmp/x2-$k.log" 2> /dev/null | grep -v -i -E 'unsigned|signature|no upstream' | head -n 3 || :)
	if [ "$rc" -eq 0 ] && [ -n "$ndsc" ] && [ "$rc2" -eq 0 ] && [ -z "$noise" ]; then
		ok "debian-$k-dpkg-source-rebuild ($(grep -c . "$w/new/debian/patches/series" 2> /dev/null || echo 0) lines in its series)"
	else
		ko "debian-$k-dpkg-source-rebuild" "dpkg-source -b exit $rc, -x exit $rc2: $(tail -n 1 "$tmp/b-$k.log") $noise"
	fi
	# The unpacked tree against the pipeline's patched tree.
	pt=$ZPCI_CACHE/work/$k/patched
	# (the package's own debian/ set aside; quilt's .pc is in both)
	[ ! -d "$w/new/debian" ] || mv "$w/new/debian" "$w/new.debian"
	if [ -d "$w/new" ] && [ -d "$pt" ] && d=$(diff -rq -x .pc "$w/new" "$pt" 2>&1); then
		ok "debian-$k-tree-equals-pipeline"
	else
		ko "debian-$k-tree-equals-pipeline" "$(printf '%s' "${d:-no tree}" | head -n 3 | tr '\n' ' ')"
	fi
	# Refusals: a package of another version, a directory that is none.
	other=$(versions_names target | grep -v -x -F "$k" | head -n 1)
	main_out "$other"
	rc=0
	make -s export FORMAT=debian KERNELS="$other" DEST="$w/pkg" > "$tmp/other.log" 2>&1 || rc=$?
	if [ "$rc" -eq 2 ] && grep -q -F "linux $ver" "$tmp/other.log" && grep -q -F "$(versions_field "$other" 3)" "$tmp/other.log" &&
		[ "$(wc -l < "$tmp/other.log")" -eq 1 ]; then
		ok "debian-$k-other-version-refused"
	else
		ko "debian-$k-other-version-refused" "exit $rc: $(tail -n 1 "$tmp/other.log")"
	fi
	rm -rf "$w"
	ran="$ran $k"
done
mkdir -p "$tmp/empty"
rc=0
one=${ran# }
make -s export FORMAT=debian KERNELS="${one%% *}" DEST="$tmp/empty" > "$tmp/none.log" 2>&1 || rc=$?
if [ "$rc" -eq 2 ] && grep -q "is not an unpacked Debian source package" "$tmp/none.log" && [ "$(wc -l < "$tmp/none.log")" -eq 1 ]; then ok "debian-not-a-package-refused"; else ko "debian-not-a-package-refused" "exit $rc: $(tail -n 1 "$tmp/none.log")"; fi
[ -n "$ran" ] || ko debian-some-target "the archive served no target's source package"
