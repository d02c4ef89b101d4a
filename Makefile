# The two commands of the README: `make demo` and `make test`.
# Each creates .venv/ at the repository root when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Stamps re-run pip only when pyproject.toml changes.
$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@ $(VENV)/.core

# Build the seed graph into out/: graph.ttl, graph.html (and graph.png when Chromium is here).
demo: $(VENV)/.core
	$(BIN)/kg build seeds --out out --png

# The whole test suite; browser tests need Debian's Chromium, installed here when missing.
test: $(VENV)/.test chromium
	$(BIN)/python -m pytest -q

chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf out .pytest_cache .mypy_cache
