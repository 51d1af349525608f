#!/bin/sh
# apt-config.sh - write a private apt configuration under the cache and
# print the apt-get options that select it.
#
# Usage: apt-config.sh [--update | --uris] [--arch s390x]
# Inputs: ZPCI_SUITES (space-separated suites, default below); the machine's
#   own apt sources, read with `apt-get indextargets`, give the archive URIs:
#   suites ending in -security take the URI the machine uses for its own
#   -security suite, every other suite the URI of its main archive.
# Outputs: $ZPCI_CACHE/apt/{sources.list,apt.conf,lists/,archives/}; on
#   stdout the single option "-c <apt.conf>" to pass to apt-get. With
#   --update, also refreshes the private package lists (at most once an hour).
#   With --uris, writes nothing and prints the two archive URIs, main and
#   security, one per line (the fresh-machine test builds its root from
#   them).
# Errors: exit 2 when the machine has no usable Debian apt source. The
#   system's apt configuration is never written.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"

suites=${ZPCI_SUITES:-bullseye bullseye-security bookworm bookworm-security bookworm-backports trixie-security trixie-backports sid}
dir=$ZPCI_CACHE/apt arch=
case " $* " in *" --arch s390x "*) dir=$ZPCI_CACHE/apt-s390x arch=s390x ;; esac

# shellcheck disable=SC2016 # apt-get's own $(FIELD) format
targets=$(apt-get indextargets --format '$(TARGET_OF) $(REPO_URI) $(RELEASE)' 2>/dev/null |
	awk '$1 == "deb"' | sort -u)
sec_uri=$(printf '%s\n' "$targets" | awk '$3 ~ /-security$/ { print $2; exit }')
main_uri=$(printf '%s\n' "$targets" | awk '$3 !~ /-(security|updates|backports)$/ && $2 != "" { print $2; exit }')
[ -n "$main_uri" ] || usage_die "no Debian archive in this machine's apt sources (apt-get indextargets shows none); add one to /etc/apt/sources.list.d/ and run apt-get update"
[ -n "$sec_uri" ] || usage_die "no -security archive in this machine's apt sources; add the Debian security archive to /etc/apt/sources.list.d/ and run apt-get update"

if [ "${1:-}" = --uris ] && [ -z "$arch" ]; then
	printf '%s\n%s\n' "$main_uri" "$sec_uri"
	exit 0
fi

mkdir -p "$dir/lists/partial" "$dir/archives/partial" "$dir/parts" "$dir/prefs"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
{
	for s in $suites; do
		case $s in *-security) u=$sec_uri ;; *) u=$main_uri ;; esac
		if [ -n "$arch" ]; then
			printf 'deb [arch=%s signed-by=%s] %s %s main\n' "$arch" "$keyring" "$u" "$s"
			continue
		fi
		printf 'deb [signed-by=%s] %s %s main\n' "$keyring" "$u" "$s"
		printf 'deb-src [signed-by=%s] %s %s main\n' "$keyring" "$u" "$s"
	done
} | atomic_write "$dir/sources.list"

{ cat <<CONF
Dir::Etc::SourceList "$dir/sources.list";
Dir::Etc::SourceParts "$dir/parts";
Dir::Etc::Preferences "$dir/preferences";
Dir::Etc::PreferencesParts "$dir/prefs";
Dir::State::Lists "$dir/lists";
Dir::Cache "$dir/cache";
Dir::Cache::Archives "$dir/archives";
APT::Sandbox::User "root";
Acquire::Languages "none";
Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled "false";
Acquire::Retries "3";
APT::Get::List-Cleanup "true";
CONF
	[ -z "$arch" ] || printf 'APT::Architecture "%s";\nAPT::Architectures "%s";\n' "$arch" "$arch"
} | atomic_write "$dir/apt.conf"
mkdir -p "$dir/cache"

if [ "${1:-}" = --update ]; then
	stamp=$dir/lists/.updated
	if [ -z "$(find "$stamp" -mmin -60 2>/dev/null)" ]; then
		log "refreshing the private package lists"
		apt-get -c "$dir/apt.conf" -qq update >&2 ||
			usage_die "apt-get update on the private configuration $dir/apt.conf failed; check the network and $dir/sources.list"
		touch "$stamp"
	fi
fi
printf -- '-c %s\n' "$dir/apt.conf"
