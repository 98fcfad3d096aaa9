# Two commands for a new machine: `make run` and `make test`. Only python3 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run serve install install-dev migrate demo admin test lint format check clean

help:
	@echo "make run    - set up .venv, migrate, load demo content and serve http://$(HOST):$(PORT)"
	@echo "make test   - install dev requirements and run the test suite (uses DATABASE_URL if set)"
	@echo "make serve  - the production stack locally: nginx (https://127.0.0.1:8443), gunicorn, Redis, PostgreSQL, email worker, publishing"
	@echo "make lint   - ruff check and format check, djlint template lint"
	@echo "make format - apply ruff formatting and fixes"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirements file changes, so re-runs are fast.
$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo_content

admin: migrate
	$(PY) manage.py ensure_admin

run: demo admin
	@echo "Serving the portal on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

serve: install
	deploy/serve.sh

test: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
