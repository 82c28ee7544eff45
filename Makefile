# Everything a new machine needs, in two commands:
#   make serve   install the site's dependencies, build the site from services/ and serve it
#   make test    install the test dependencies (and Debian's chromium if missing), run every test
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
HOST   ?= 127.0.0.1:8000

.PHONY: serve build validate test chromium benchmark clean

$(VENV)/.site: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(PIP) install -r requirements-test.txt
	touch $@

validate: $(VENV)/.site
	$(PY) scripts/validate.py

build: validate
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict

serve: validate
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve --strict -a $(HOST)

chromium:
	@bash scripts/install-chromium.sh

test: $(VENV)/.test chromium
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -q -p no:cacheprovider

benchmark: $(VENV)/.test
	$(PY) scripts/benchmark.py

clean:
	rm -rf site $(VENV)
