# Essaimage — two commands: `make run` (site with demo data) and `make test` (whole suite).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# First Python >= 3.12 found (pyenv's .python-version is honoured through its shims).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)

.PHONY: install run serve test test-fast e2e-browser db-stop bench lock clean

$(VENV)/.installed: pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 ou plus récent est nécessaire (python3.12 / python3.13 introuvable)."; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

## make run: install, start the database (embedded unless DATABASE_URL), migrate, load data, serve.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference_data
	$(PY) manage.py load_demo_data
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: the whole suite, browser tests included.
test: install e2e-browser
	$(PY) -m pytest --create-db $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not e2e" $(PYTEST_ARGS)

e2e-browser: install
	@$(PY) -m essaimage.browser --ensure

db-stop: install
	$(PY) -m essaimage.database stop

## make bench: 100,000 published innovations in their own database, then timings (see README).
BENCH_DB ?= essaimage_bench
bench: install
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) -m essaimage.database ensure
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) manage.py migrate --noinput
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) manage.py load_reference_data
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) manage.py bench_catalogue $(BENCH_ARGS)

lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) staticfiles
