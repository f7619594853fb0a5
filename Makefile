# Essaimage — two commands: `make run` (demo site, served as in production, with its worker)
# and `make test` (whole suite); `make dev` for development (runserver and worker, DEBUG on).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# First Python >= 3.12 found (pyenv's .python-version is honoured through its shims).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)

.PHONY: install run dev serve test test-fast lint e2e-browser db-stop bench bench-data bench-grants loadtest lock clean

$(VENV)/.installed: pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 ou plus récent est nécessaire (python3.12 / python3.13 introuvable)."; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

SITE_URL ?= http://$(HOST):$(PORT)
WORKERS ?= 2
# `make run` serves the demo as production does (DEBUG off, collected static files served by
# whitenoise, the site's own error pages, gunicorn), over plain http on this machine.
LOCAL_PRODUCTION = DJANGO_DEBUG=false ESSAIMAGE_LOCAL_PRODUCTION=true \
	DJANGO_SECRET_KEY="$$(cat var/secret_key)" DJANGO_ALLOWED_HOSTS="$(RUN_ALLOWED_HOSTS)" SITE_URL="$(SITE_URL)"
RUN_ALLOWED_HOSTS ?= 127.0.0.1,localhost,$(HOST)

var/secret_key:
	@mkdir -p var
	@umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# The web server and the worker (background tasks: e-mails, daily tasks) in one command, from
# the Procfile, with honcho; Ctrl+C stops both. The venv's programs come first on the PATH.
HONCHO = PATH="$(CURDIR)/$(VENV)/bin:$$PATH" HOST="$(HOST)" WORKERS="$(WORKERS)" $(VENV)/bin/honcho

## make run: install, start the database (embedded unless DATABASE_URL), migrate, load data,
## collect static files and serve with gunicorn in production mode, with the worker.
run: install var/secret_key
	@echo "== Base de données, référentiels et données de démonstration"
	@$(LOCAL_PRODUCTION) $(PY) manage.py migrate --noinput
	@$(LOCAL_PRODUCTION) $(PY) manage.py load_reference_data
	@$(LOCAL_PRODUCTION) $(PY) manage.py load_demo_data
	@echo "== Fichiers statiques (collectstatic)"
	@$(LOCAL_PRODUCTION) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo
	@echo "Essaimage en mode production sur $(SITE_URL)/ (gunicorn, DEBUG désactivé), avec le worker des"
	@echo "tâches de fond (e-mails, tâches quotidiennes). Ctrl+C arrête les deux."
	@$(PY) -m essaimage.database describe
	@echo "Pour développer (rechargement automatique, pages d’erreur détaillées de Django) : make dev"
	@echo
	@$(LOCAL_PRODUCTION) $(HONCHO) --procfile Procfile start --port $(PORT)

## make dev: the development server (DEBUG on, reloader, Django's debug pages) and the worker.
dev: install
	SITE_URL="$(SITE_URL)" $(PY) manage.py migrate --noinput
	SITE_URL="$(SITE_URL)" $(PY) manage.py load_reference_data
	SITE_URL="$(SITE_URL)" $(PY) manage.py load_demo_data
	@echo
	@echo "Essaimage en développement sur $(SITE_URL)/ (runserver, DEBUG activé), avec le worker des"
	@echo "tâches de fond. Ctrl+C arrête les deux."
	@$(PY) -m essaimage.database describe
	@echo
	SITE_URL="$(SITE_URL)" $(HONCHO) --procfile Procfile.dev start --port $(PORT)

## make test: the whole suite, browser tests included.
test: install e2e-browser
	$(PY) -m pytest --create-db $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not e2e" $(PYTEST_ARGS)

## make lint: ruff on the Python code, djlint on the templates (both configured in pyproject.toml;
## they check, they never rewrite a file).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djlint --lint .

e2e-browser: install
	@$(PY) -m devtools.browser --ensure

db-stop: install
	$(PY) -m essaimage.database stop

## make bench: 100,000 published innovations in their own database, then in-process timings;
## make loadtest: the same data served by gunicorn (DEBUG off) under concurrent load (see README).
## The tooling lives in bench/, outside the apps.
BENCH_DB ?= essaimage_bench
bench-data: install
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) -m essaimage.database ensure
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) manage.py migrate --noinput
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) manage.py load_reference_data

bench: bench-data
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) -m bench.catalogue $(BENCH_ARGS)

## make bench-grants: 200 calls, 20,000 applications, 60,000 reviews in their own database, then the
## instructeur's pages of a call timed in process (bench/grants.py).
GRANTS_BENCH_DB ?= essaimage_bench_grants
bench-grants: install
	ESSAIMAGE_DB_NAME=$(GRANTS_BENCH_DB) $(PY) -m essaimage.database ensure
	ESSAIMAGE_DB_NAME=$(GRANTS_BENCH_DB) $(PY) manage.py migrate --noinput
	ESSAIMAGE_DB_NAME=$(GRANTS_BENCH_DB) $(PY) manage.py load_reference_data
	ESSAIMAGE_DB_NAME=$(GRANTS_BENCH_DB) $(PY) -m bench.grants $(BENCH_ARGS)

loadtest: bench-data
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) -m bench.catalogue --requests 0 $(BENCH_ARGS)
	ESSAIMAGE_DB_NAME=$(BENCH_DB) $(PY) -m bench.loadtest $(LOADTEST_ARGS)

lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) staticfiles
