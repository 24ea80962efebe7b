# Bilim: thin wrappers; the logic lives in scripts/ and Python.
.PHONY: run setup test test-fast lint fmt messages bench

run: setup
	scripts/run.sh

setup:
	scripts/setup.sh

# One test process per core (pytest-xdist); each gets its own test database.
PYTEST_WORKERS ?= auto

test:
	scripts/setup.sh --with-browser
	.venv/bin/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-fast: setup
	.venv/bin/python -m pytest -n $(PYTEST_WORKERS) -m "not e2e" $(PYTEST_ARGS)

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	DEBUG=1 .venv/bin/mypy src tests
	DEBUG=1 .venv/bin/python manage.py makemigrations --check --dry-run

fmt: setup
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

messages: setup
	cd src/bilim && DEBUG=1 ../../.venv/bin/python ../../manage.py makemessages -l ky -l ru -l en --no-obsolete --ignore "migrations/*"
	cd src/bilim && env -u DJANGO_SETTINGS_MODULE ../../.venv/bin/django-admin compilemessages

bench: setup
	scripts/bench.sh
