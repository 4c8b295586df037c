# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test fuzz bench bench-4x score clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps so that a second `make` does not reinstall; pyproject changes trigger a reinstall.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/peninsula

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n 2 -q

fuzz: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m fuzz -p no:xdist --hypothesis-show-statistics tests/hostile

bench: $(VENV)/.installed-test
	$(BIN)/python -m tests.bench

# The same, with a tree four times the large one (generating it takes a while, once).
bench-4x: $(VENV)/.installed-test
	$(BIN)/python -m tests.bench --4x

# Speaker attribution on the labelled real articles (held-back and tuning parts apart).
score: $(VENV)/.installed-test
	$(BIN)/python -m tests.extract.scoring

clean:
	rm -rf $(VENV) .pytest_cache
