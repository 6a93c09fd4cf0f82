# The two commands of the README, each doing its own set-up on a fresh machine.
#   make run   - the app on the embedded store with the demo dataset (or on Neo4j when NEO4J_URI is set),
#                served by Streamlit through ecosystem.ui.serve, which warms the shared answers at start
#   make dev   - the same, reloading when a file is saved (a file watcher: development only)
#   make test  - the whole test suite, against a real local Neo4j and headless Chromium
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run dev test lint bench clean-state

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/python -m ecosystem.ui.serve run app.py

# For whoever edits the code: the app reloads when a file is saved (run serves with no file watcher).
dev: $(VENV)/.installed
	$(BIN)/streamlit run app.py --server.fileWatcherType auto --server.runOnSave true

test: $(VENV)/.installed-dev
	scripts/test

# Regenerates docs/benchmarks.md, .json and the plot (1k to 1M actors, both stores, Chromium: about an hour).
bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks.suite

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
