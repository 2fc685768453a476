# Two commands: `make run` starts the app, `make test` checks everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint typecheck pytest demo clean

$(BIN)/.installed-run: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.installed-test: requirements.txt requirements-dev.txt $(BIN)/.installed-run
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(BIN)/.installed-run
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

test: $(BIN)/.installed-test lint typecheck pytest

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/.installed-test
	$(BIN)/mypy census_core

pytest: $(BIN)/.installed-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

demo: $(BIN)/.installed-run
	$(BIN)/python -m census_core demo

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
