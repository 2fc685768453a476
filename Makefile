# Two commands: `make run` starts the app, `make test` checks everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-pg lint typecheck pytest demo clean

$(BIN)/.installed-run: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.installed-test: requirements.txt requirements-dev.txt $(BIN)/.installed-run
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(BIN)/.installed-run
	$(BIN)/python -m ui.serve --server.port $(PORT) --server.headless true

test: $(BIN)/.installed-test lint typecheck pytest

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/.installed-test
	$(BIN)/mypy census_core ui app_pages app.py

pytest: $(BIN)/.installed-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The pytest suite against a throwaway PostgreSQL on loopback (as the second half of .ci/run).
test-pg: $(BIN)/.installed-test
	dir=$$(mktemp -d /tmp/census-pg.XXXXXX); \
	url=$$(.ci/pg-server start $$dir $${CENSUS_TEST_PG_PORT:-54329}) || exit 1; \
	CENSUS_TEST_DB_URL=$$url $(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	.ci/pg-server stop $$dir; exit $$rc

demo: $(BIN)/.installed-run
	$(BIN)/python -m census_core demo

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
