# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Every install is held to the versions in the lock, so that next month's install is the one that
# passed; `make lock` updates it.
PIP_INSTALL := $(BIN)/python -m pip install --quiet -c constraints.txt

.PHONY: run test lint fuzz bench bench-4x score lock clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps so that a second `make` does not reinstall; pyproject or lock changes trigger a reinstall.
$(VENV)/.installed-run: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP_INSTALL) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP_INSTALL) -e '.[test,lint]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/peninsula

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest -n 2 -q

# The browser test (tests/app/test_serve_browser.py) drives Debian's chromium through its
# chromedriver. Installed here when missing and apt-get can (as root), so a fresh clone in CI
# has them; where neither is possible, the test skips and says why, and the rest still runs.
CHROMIUM := /usr/bin/chromium /usr/bin/chromedriver
browser:
	@for tool in $(CHROMIUM); do [ -x $$tool ] || missing=yes; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then \
	  echo "chromium or chromedriver missing, and apt-get is not at hand: the browser test will skip"; \
	  exit 0; fi; \
	echo "installing Debian's chromium and chromium-driver for the browser test"; \
	( apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends chromium chromium-driver >/dev/null ) \
	  || echo "chromium could not be installed: the browser test will skip"

# Lint, format and types; `$(BIN)/ruff format tui tests` applies the format.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check tui tests
	$(BIN)/ruff format --check tui tests
	$(BIN)/mypy

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

# Resolve every dependency afresh, newest allowed by pyproject.toml, into constraints.txt. Run it
# to take upgrades on purpose, then `make clean test lint` and commit the lock with what it changed.
lock:
	rm -rf $(VENV)-lock
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet --upgrade pip
	$(VENV)-lock/bin/python -m pip install --quiet -e '.[test,lint]'
	( echo "# The lock: every package of \`pip install -e '.[test,lint]'\`, as resolved. Update: make lock"; \
	  $(VENV)-lock/bin/python -m pip freeze --exclude-editable ) > constraints.txt
	rm -rf $(VENV)-lock

clean:
	rm -rf $(VENV) $(VENV)-lock .pytest_cache .mypy_cache .ruff_cache
