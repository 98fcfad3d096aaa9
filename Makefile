# Two commands for a new machine: `make run` and `make test`. Only python3 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves on: absolute links (canonical, sitemap, feeds, .ics, emails) use it.
BASE_URL ?= http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
# Test processes: one per core (pytest-xdist); PYTEST_WORKERS=0 runs them in this process.
PYTEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help run serve install install-dev migrate messages demo admin test lint format check clean

help:
	@echo "make run    - set up .venv, migrate, load demo content and serve $(BASE_URL) with the email"
	@echo "              worker and scheduled publishing (Ctrl-C stops all; make run PORT=9100 for another port)"
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

migrate: install messages
	$(PY) manage.py migrate --no-input

# The interface's translations (.po -> .mo), in pure Python: no gettext on the machine needed.
messages: install
	$(PY) manage.py compile_translations

demo: migrate
	$(PY) manage.py load_demo_content

admin: migrate
	$(PY) manage.py ensure_admin

# Exported to run's prerequisites too, so the demo site and the admin login name the same address.
run: export WAGTAILADMIN_BASE_URL = $(BASE_URL)
run: demo admin
	$(PY) manage.py sync_site_address
	@echo "Serving the portal on $(BASE_URL)/ (admin: $(BASE_URL)/admin/); emails are printed here"
	HOST=$(HOST) PORT=$(PORT) deploy/run.sh

serve: install
	deploy/serve.sh

# The tests compile the interface's translations themselves (tests/conftest.py).
test: install-dev
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

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
