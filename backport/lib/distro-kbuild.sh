# distro-kbuild.sh - configuring and building a tree the distribution's way,
# sourced by verify/distro-build.sh (the distro stage) and verify/kabi.sh
# (the kABI report), so that both build the same objects with the same
# configuration. Needs common.sh sourced first.
#
# Provides:
#   DISTRO_DIRS  the directories both build besides the touched objects:
#                the s390 PCI core, vfio (vfio-pci among it) and KVM
#   distro_configure TREE BUILD DCJSON LOG [LINE...]
#       BUILD/.config becomes the configuration DCJSON (distro-config.json
#       of config.sh) names, with the changes listed in distro-build.sh's
#       header and then each LINE ("CONFIG_X=y") appended, through make
#       olddefconfig; exit 1 (die) when that fails or VFIO, VFIO_PCI or
#       KVM do not come out =m.
#   distro_compile TREE BUILD SERIESDIR LOG [MAKEVAR...]
#       make modules_prepare, then one make per directory of DISTRO_DIRS and
#       one for the .o of every .c file SERIESDIR's series touches that
#       TREE has, each with KBUILD_MODULES=1 and the MAKEVARs; -j ZPCI_JOBS
#       (default nproc). Exit 1 naming the goal that failed.
# Every make's output goes to LOG (appended).

DISTRO_DIRS="arch/s390/pci/ drivers/vfio/ arch/s390/kvm/"

# _dk_make TREE BUILD LOG ARGS...: one make of TREE into BUILD, logged.
_dk_make() {
	_dk_t=$1 _dk_b=$2 _dk_l=$3
	shift 3
	sh "$ZB/lib/kbuild.sh" "$_dk_t" "$_dk_b" "$@" >> "$_dk_l" 2>&1
}

distro_configure() {
	_dc_tree=$1 _dc_build=$2 _dc_json=$3 _dc_log=$4
	shift 4
	_dc_from=$(jq -r '.file // "defconfig"' "$_dc_json")
	mkdir -p "$_dc_build"
	if [ "$(jq -r .source "$_dc_json")" = fallback ]; then
		_dk_make "$_dc_tree" "$_dc_build" "$_dc_log" defconfig || die_log "make defconfig" "$_dc_log"
		cat "$ZPCI_TOP/compat/probes/kconfig.fragment" >> "$_dc_build/.config"
	else
		cp "$_dc_from" "$_dc_build/.config"
	fi
	cat >> "$_dc_build/.config" <<'EOC'
CONFIG_MODULES=y
CONFIG_PCI=y
CONFIG_KVM=m
CONFIG_VFIO=m
CONFIG_VFIO_PCI_CORE=m
CONFIG_VFIO_PCI=m
CONFIG_VFIO_IOMMU_TYPE1=m
CONFIG_SYSTEM_TRUSTED_KEYS=""
CONFIG_SYSTEM_REVOCATION_KEYS=""
CONFIG_DEBUG_INFO_BTF=n
EOC
	for _dc_l in "$@"; do printf '%s\n' "$_dc_l"; done >> "$_dc_build/.config"
	_dk_make "$_dc_tree" "$_dc_build" "$_dc_log" olddefconfig ||
		die_log "make olddefconfig with $_dc_from" "$_dc_log"
	for _dc_s in VFIO VFIO_PCI KVM; do
		grep -qx "CONFIG_$_dc_s=m" "$_dc_build/.config" ||
			die "CONFIG_$_dc_s=m did not come out of $_dc_from (see $_dc_build/.config)"
	done
}

distro_compile() {
	_dm_tree=$1 _dm_build=$2 _dm_sdir=$3 _dm_log=$4
	shift 4
	_dm_objs=$(sh "$ZB/lib/series-files.sh" "$_dm_sdir" | while read -r _dm_f; do
		case $_dm_f in *.c) [ ! -f "$_dm_tree/$_dm_f" ] || printf '%s ' "${_dm_f%.c}.o" ;; esac
	done)
	_dk_make "$_dm_tree" "$_dm_build" "$_dm_log" -j"${ZPCI_JOBS:-$(nproc)}" "$@" modules_prepare ||
		die_log "make modules_prepare with the distribution's configuration" "$_dm_log"
	# One make per directory: some Makefiles (5.10) build only part of a
	# goal list that mixes directories; and KBUILD_MODULES=1, without which
	# they build no obj-m objects for a directory goal.
	for _dm_t in $DISTRO_DIRS "$_dm_objs"; do
		[ -n "$_dm_t" ] || continue
		# shellcheck disable=SC2086 # a list of Kbuild goals
		_dk_make "$_dm_tree" "$_dm_build" "$_dm_log" -j"${ZPCI_JOBS:-$(nproc)}" KBUILD_MODULES=1 "$@" $_dm_t ||
			die_log "the s390x build of $_dm_t with the distribution's configuration" "$_dm_log"
	done
}
