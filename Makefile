# redlines: two commands for a new machine: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SAMPLE_DB ?= var/sample.sqlite

.PHONY: setup system-deps run test stress bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# Debian packages the tests need (PostgreSQL server, Chromium); a no-op when present.
system-deps:
	bash scripts/install-system-deps.sh

run: setup
	rm -f $(SAMPLE_DB)
	$(BIN)/redlines demo --db $(SAMPLE_DB)

test: setup system-deps
	$(BIN)/python -m pytest -n 2 --dist loadfile -q -m "not stress"

stress: setup system-deps
	$(BIN)/python -m pytest -q -m stress tests

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) var .pytest_cache
