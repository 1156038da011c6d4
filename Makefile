# The two commands the README promises: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/python run_bot.py

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-dev

# Figures, not tests (about 20 minutes in all; the fan-out at 30 msg/s is most of it).
# One at a time: `make bench-fanout ARGS="--chats 2000"`, bench-matching, bench-ingest, …
BENCHES := fanout matching kind_agreement ingest reminders world_catalogue scrape load

bench: $(addprefix bench-,$(BENCHES))

# `make bench-soak` (20 minutes; ARGS="--minutes 2" for a quick look) is not part of `bench`:
# the real bot process under steady traffic, killed and restarted halfway (bench/soak.py).

bench-%: $(VENV)/.installed-bench
	$(BIN)/python -m bench.$* $(ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
