# Two commands do all set-up on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# 0.0.0.0 to show it on the network (then add this machine's address to ALLOWED_HOSTS)
HOST ?= 127.0.0.1

.PHONY: run test lint install bench

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_catalog
	$(PY) manage.py load_inspection_catalog
	$(PY) manage.py load_inspection_topics
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_inspections
	$(PY) manage.py signing_keys demo
	PORT=$(PORT) $(PY) manage.py run_stack --host $(HOST) --port $(PORT)

test: install
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check .

bench: install
	$(PY) bench/certificates.py
	$(PY) bench/expiry_scan.py
