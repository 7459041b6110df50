# woonloket: `make run` (demo on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test lint bench worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

run: export DEBUG ?= true
run: export WOONLOKET_DEMO ?= true
run: export WOONLOKET_REQUIRE_2FA ?= false
run: $(VENV)/.installed
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --scale small
	@echo "woonloket draait op http://$(HOST)/ (stoppen: Ctrl+C)"
	$(BIN)/python manage.py runserver $(HOST)

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(VENV)/.installed
	$(BIN)/python manage.py bench --scale $(or $(SCALE),small)

worker: $(VENV)/.installed
	$(BIN)/python manage.py db_worker

clean:
	rm -rf $(VENV) var .pytest_cache
