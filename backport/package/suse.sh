#!/bin/sh
# suse.sh - write a kernel's series as openSUSE kernel-source patches:
# patches.suse/<subject-slug>.patch and a series.conf fragment.
#
# Usage: suse.sh [--check] KERNEL DEST
#   --check only check the arguments (what make's argument check runs, so
#           that a usage error is one line)
#   KERNEL  a name whose series out/KERNEL holds (a versions line or NAME)
#   DEST    a directory (a kernel-source checkout, or any directory)
# Inputs: out/KERNEL/{series,patches/}; REFERENCES (optional, e.g.
#   "bsc#1234567 jsc#PED-123": the References of every patch; default each
#   patch's posting, its Link); ACKED_BY (optional, "Name <e-mail>": an
#   Acked-by line).
# Outputs: DEST/patches.suse/<slug>.patch, the slug the subject with every
#   run of characters other than letters, digits, '.', '_' and '-' made one
#   '-'; headers From, Date, Subject, Patch-mainline, Git-commit (full id),
#   References, Acked-by, then the description and diff; our compat patch
#   "Patch-mainline: Never, <reason>" without Git-commit. DEST/series.conf:
#   the fragment, one "\tpatches.suse/<slug>.patch" line per patch in
#   upstream order, after a comment naming the series. A rerun changes no
#   byte; files are written atomically.
# Errors: exit 2 when out/KERNEL has no passing series, DEST is not a
#   directory, or ACKED_BY is not "Name <e-mail>".
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$ZB/package/lib.sh"
check=
[ "${1:-}" != --check ] || { check=1; shift; }
[ $# -eq 2 ] || usage_die "usage: suse.sh [--check] KERNEL DEST"
kernel=$1 dest=$2
out=$(pkg_series "$kernel")
[ -d "$dest" ] || usage_die "DEST=$dest is not a directory; create it, or give a kernel-source checkout"
case ${ACKED_BY:-x <y>} in *' <'*@*'>' | 'x <y>') ;; *) usage_die "ACKED_BY='$ACKED_BY': give 'Name <e-mail>'" ;; esac
[ -z "$check" ] || exit 0
mkdir -p "$dest/patches.suse"
# The posting the compat patch serves: that of the first patch of the
# feature itself (kind series, not a prerequisite).
link0=
for p in $(series_entries "$out"); do
	[ "$(kind "$out/patches/$p")" = series ] || continue
	link0=$(hdr "$out/patches/$p" Link)
	break
done
{
	printf '\t# zpci-backport: "Error recovery for vfio-pci devices on s390x" for %s\n' "$kernel"
	for p in $(series_entries "$out"); do
		f=$out/patches/$p
		slug=$(hdr "$f" Subject | sed 's/[^A-Za-z0-9._-]\{1,\}/-/g; s/^-//; s/-$//')
		{
			printf 'From: %s\n' "$(hdr "$f" From)"
			[ -z "$(hdr "$f" Date)" ] || printf 'Date: %s\n' "$(hdr "$f" Date)"
			printf 'Subject: %s\n' "$(hdr "$f" Subject)"
			printf 'Patch-mainline: %s\n' "$(hdr "$f" Patch-mainline)"
			[ "$(kind "$f")" = compat ] || printf 'Git-commit: %s\n' "$(hdr "$f" Git-commit)"
			l=$(hdr "$f" Link)
			[ -n "$l" ] || l=$(hdr "$f" References)
			printf 'References: %s\n' "${REFERENCES:-${l:-$link0}}"
			[ -z "${ACKED_BY:-}" ] || printf 'Acked-by: %s\n' "$ACKED_BY"
			rest "$f"
		} | atomic_write "$dest/patches.suse/$slug.patch"
		printf '\tpatches.suse/%s.patch\n' "$slug"
	done
} | atomic_write "$dest/series.conf"
log "$kernel: $(grep -c 'patches.suse/' "$dest/series.conf") patch(es) in $dest/patches.suse, listed in $dest/series.conf"
