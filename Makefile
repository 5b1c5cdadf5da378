# The two quick-start commands are `make demo` and `make test` (see README.md).
# Both create the virtual environment on first use; `make test` also installs the
# real peers (SIPp, secsipidx, Kamailio, Chromium) and starts PostgreSQL, Redis and
# NATS when they are down, so that nothing is done by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check lint bench system clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/callwarden demo

system:
	bash scripts/ensure-system.sh

# The whole suite, slow and interop tests included, plus lint and type checks.
test: $(STAMP) system
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The everyday loop: fast tests only.
check: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -m "not slow" -x -q

bench: $(STAMP) system
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) callwarden-data .pytest_cache .mypy_cache .ruff_cache
