# CNAIM Desk: set-up, checks and tools. `make` alone lists the targets.
#
# Everything runs from a virtual environment in .venv, created on first use with
# python3.11 (or python3, if it is 3.11 or newer) and re-installed when pyproject.toml
# changes. The package is installed in editable mode, so source changes need no re-install.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
VPY := $(VENV)/bin/python
PIP := $(VPY) -m pip --disable-pip-version-check
APP_STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

# Extra arguments for pytest, e.g. `make test PYTEST_ARGS="-k board -x"`.
PYTEST_ARGS ?=
# Extra arguments for the benchmarks, e.g. `make bench BENCH_ARGS="--quick"`.
BENCH_ARGS ?=
# The virtual screen for `make screenshots`.
SCREENSHOT_SERVER_ARGS ?= -screen 0 1920x1080x24

TS_FILES := translations/cnaim_desk_pt_PT.ts translations/cnaim_desk_en.ts

# pytest exits 5 when it collected no tests: that is a failure, and says so.
define run_pytest
	@echo '$(VPY) -m pytest $(1)'
	@status=0; $(VPY) -m pytest $(1) || status=$$?; \
	if [ "$$status" -eq 5 ]; then echo "make: pytest collected no tests: failing." >&2; fi; \
	exit "$$status"
endef

.PHONY: help demo test test-fast lint bench translations screenshots system-check \
	system-check-test venv venv-test clean

help: ## list the targets (the default)
	@echo "CNAIM Desk: make targets"
	@awk 'BEGIN {FS = ":[^#]*## "} /^[a-z][a-z-]*:.*## / {printf "  %-14s %s\n", $$1, $$2}' \
		$(firstword $(MAKEFILE_LIST))

# -- the virtual environment ------------------------------------------------------------

$(VPY):
	@if [ -z "$(PYTHON)" ]; then \
		echo "make: no python3 found. CNAIM Desk needs Python 3.11 or newer." >&2; \
		echo "On Debian 12 (which has 3.11): sudo apt-get install python3 python3-venv" >&2; \
		exit 1; \
	fi
	@if ! "$(PYTHON)" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
		echo "make: CNAIM Desk needs Python 3.11 or newer; $(PYTHON) is" \
			"$$("$(PYTHON)" --version 2>&1)." >&2; \
		echo "On Debian 12 (which has 3.11): sudo apt-get install python3 python3-venv" >&2; \
		echo "or choose another interpreter: make PYTHON=/path/to/python3.11 ..." >&2; \
		exit 1; \
	fi
	@echo "Creating $(VENV) with $$("$(PYTHON)" --version) ($(PYTHON))"
	@if ! "$(PYTHON)" -m venv $(VENV); then \
		rm -rf $(VENV); \
		version=$$("$(PYTHON)" -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
		echo "make: '$(PYTHON) -m venv' failed: this Python lacks venv/ensurepip." >&2; \
		echo "On Debian/Ubuntu install it with: sudo apt-get install python$$version-venv" \
			"(python3-venv pulls it in)" >&2; \
		exit 1; \
	fi

$(APP_STAMP): pyproject.toml | $(VPY)
	$(PIP) install -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(VPY)
	$(PIP) install -e '.[test]'
	@touch $@

venv: $(APP_STAMP)
venv-test: $(TEST_STAMP)

# -- system libraries --------------------------------------------------------------------

system-check: ## check the Debian packages Qt needs (FOR=test adds the test tools)
	@bash packaging/check-system.sh $(if $(FOR),--for $(FOR))

system-check-test:
	@bash packaging/check-system.sh --for test

# -- running -----------------------------------------------------------------------------

demo: ## set up and open a throw-away demo centre (needs a display)
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
		echo "make demo opens windows, but there is no display" \
			"(DISPLAY and WAYLAND_DISPLAY are both empty)." >&2; \
		echo "Run it from a desktop session, or try it headless with: xvfb-run -a make demo" >&2; \
		exit 1; \
	fi
	@$(MAKE) --no-print-directory venv system-check
	$(VENV)/bin/cnaim-desk --demo

# -- checks ------------------------------------------------------------------------------

test: venv-test system-check-test lint ## lint, import contracts and the whole test suite
	$(call run_pytest,$(PYTEST_ARGS))

test-fast: venv-test system-check-test ## the test suite without the slow tests
	$(call run_pytest,-m "not slow" $(PYTEST_ARGS))

lint: venv-test ## ruff (lint and format check) and the import contracts
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

bench: venv-test ## run the benchmarks and refresh the README's table (BENCH_ARGS="--quick")
	QT_QPA_PLATFORM=offscreen $(VPY) -m bench --update-readme $(BENCH_ARGS)

# -- tools -------------------------------------------------------------------------------

translations: venv-test ## update the .ts files from the sources and compile the .qm files
	$(VENV)/bin/pyside6-lupdate $$(find cnaim_desk -name '*.py' | LC_ALL=C sort) -no-obsolete -ts $(TS_FILES)
	@for ts in $(TS_FILES); do \
		echo "$(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm"; \
		$(VENV)/bin/pyside6-lrelease "$$ts" -qm "$${ts%.ts}.qm"; \
	done

screenshots: venv-test ## take the documentation screenshots on a virtual screen (Xvfb)
	@if command -v xvfb-run >/dev/null 2>&1; then \
		echo "xvfb-run -a -s '$(SCREENSHOT_SERVER_ARGS)' $(VPY) packaging/screenshots.py"; \
		xvfb-run -a -s '$(SCREENSHOT_SERVER_ARGS)' $(VPY) packaging/screenshots.py; \
	elif [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		echo "xvfb-run not found: taking the screenshots on this display."; \
		$(VPY) packaging/screenshots.py; \
	else \
		echo "make screenshots needs Xvfb (sudo apt-get install xvfb xauth)" \
			"or a desktop session." >&2; \
		exit 1; \
	fi

clean: ## remove .venv and caches (never the desks' data)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .import_linter_cache build dist
	find . -name .git -prune -o -type d \( -name __pycache__ -o -name '*.egg-info' \) \
		-prune -exec rm -rf {} +
