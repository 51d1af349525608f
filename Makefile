# zpci-backport: `make` runs the main job, `make check` the tests.
#   make                          every target line of `versions`
#   make KERNELS="7.2 6.12"       some lines only
#   make KSRC=/path NAME=label    a kernel tree you already have
#   make ... EXISTING=dir         the series goes on top of your own quilt
#                                 series (dir: its series file and patches,
#                                 e.g. debian/patches); what it carries is
#                                 left out
#   make ... CONFIG=file          the distro stage builds with your own
#                                 s390x .config instead of the one of
#                                 Debian's linux-config-<line> package
#   make ... KABI=strict          fail when the series changes the CRC of
#                                 an exported symbol (default KABI=report:
#                                 out/<k>/kabi.json lists them)
#   make ... KABI=preserve        generate the series so that no CRC
#                                 changes (new members hidden from
#                                 genksyms)
#   make export FORMAT=debian KERNELS=5.10 DEST=dir [SUBDIR=features/...]
#                                 the series of out/5.10 into an unpacked
#                                 Debian linux source package (DEP-3
#                                 headers, appended to debian/patches/series)
#   make export FORMAT=suse KERNELS=5.10 DEST=dir [REFERENCES="bsc#..."]
#                                 [ACKED_BY="Name <mail>"]
#                                 patches.suse/ and a series.conf fragment
#   make gate KSRC=/path SERIES=dir [NAME=label]
#                                 every gate (static and runtime) on a
#                                 series you have (a directory with series
#                                 and patches/), applied to the pristine
#                                 tree KSRC; results in out/<label>/
#                                 (static.sarif, runtime.xml; label: gate)
#   make verify-cache             every file of the cached pristine trees
#                                 against its sha256 manifest (each run
#                                 checks sizes and mtimes only)
# Exit status: 0 when every stage passes, 1 when a stage (or a test)
# fails, 2 on a usage or environment error.
#
# GNU make reports every failed recipe as 2. Only question mode (-q)
# passes a recipe's status 1 through as make's own 1, and there the
# recipes marked "+" still run. So this Makefile runs in question mode,
# every recipe carries "+", and the scripts behind it get a clean
# MAKEFLAGS: the kernel builds they start must not inherit -q.
# A recipe's status 2 always comes with make's own "*** [...] Error 2"
# line, so usage errors are found before any recipe runs: backport/pipeline/args.sh
# checks the goal's arguments at parse time and $(error) shows its one
# line (exit 2, and nothing after it).
MAKEFLAGS += -q
SHELL := /bin/sh
KERNELS ?=
KSRC ?=
NAME ?=
SERIES ?=
EXISTING ?=
CONFIG ?=
KABI ?=
FORMAT ?=
DEST ?=
SUBDIR ?=
export KSRC NAME EXISTING CONFIG KABI REFERENCES ACKED_BY
RUN := env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL sh
# shq VALUE: VALUE as one single-quoted shell word.
shq = '$(subst ','\'',$(1))'
zpci_goals := $(or $(MAKECMDGOALS),all)
zpci_args := $(foreach g,$(filter all gate check bench export,$(zpci_goals)),$(shell \
	KERNELS=$(call shq,$(KERNELS)) KSRC=$(call shq,$(KSRC)) NAME=$(call shq,$(NAME)) \
	SERIES=$(call shq,$(SERIES)) EXISTING=$(call shq,$(EXISTING)) CONFIG=$(call shq,$(CONFIG)) KABI=$(call shq,$(KABI)) \
	FORMAT=$(call shq,$(FORMAT)) DEST=$(call shq,$(DEST)) ACKED_BY=$(call shq,$(ACKED_BY)) \
	$(RUN) backport/pipeline/args.sh $(g) 2>&1 >/dev/null))
$(if $(strip $(zpci_args)),$(error $(strip $(zpci_args))))

.PHONY: all check bench gate export verify-cache clean
all:
	+@$(RUN) backport/pipeline/main.sh $(call shq,$(KERNELS))

check:
	+@$(RUN) tests/run.sh

bench:
	+@$(RUN) tests/bench/run.sh

gate:
	+@$(RUN) backport/provision/bootstrap.sh main && $(RUN) backport/gates/gate.sh "$(or $(NAME),gate)" \
		"$(KSRC)" "$(SERIES)" "$${ZPCI_OUT:-out}/$(or $(NAME),gate)"

export:
	+@$(RUN) backport/package/$(FORMAT).sh $(call shq,$(strip $(KERNELS))) $(call shq,$(DEST)) $(if $(SUBDIR),$(call shq,$(SUBDIR)))

verify-cache:
	+@$(RUN) backport/provision/verify-cache.sh

clean:
	+rm -rf out
