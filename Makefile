# zpci-backport: `make` runs the main job, `make check` the tests.
#   make                          every target line of `versions`
#   make KERNELS="7.2 6.12"       some lines only
#   make KSRC=/path NAME=label    a kernel tree you already have
# backport/main.sh exits 0 (all stages pass), 1 (a stage failed) or 2
# (usage or environment error); make itself reports any failure as 2, so
# scripts that need the distinction call backport/main.sh directly.
SHELL := /bin/sh
KERNELS ?=
KSRC ?=
NAME ?=
export KSRC NAME

.PHONY: all check clean
all:
	@sh backport/main.sh $(KERNELS)

check:
	@sh tests/run.sh

clean:
	rm -rf out
