# Askel: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
QM := desktop/askel/translations/askel_fi.qm desktop/askel/translations/askel_sv.qm

.PHONY: run test lint i18n lupdate lock clean bench soak package

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

desktop/askel/translations/%.qm: i18n/%.ts $(STAMP)
	mkdir -p desktop/askel/translations
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

i18n: $(QM)

# Refresh the Linguist sources from the code (keeps existing translations).
lupdate: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find desktop/askel -name '*.py' | sort) -source-language en -target-language fi_FI -ts i18n/askel_fi.ts
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find desktop/askel -name '*.py' | sort) -source-language en -target-language sv_FI -ts i18n/askel_sv.ts

run: $(STAMP) i18n
	$(VENV)/bin/askel

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests
	$(VENV)/bin/lint-imports

test: $(STAMP) i18n lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests

bench: $(STAMP) i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.run

# Crash safety at length: 500 SIGKILLs at random instants of a writing process (CI runs 30 in `make test`).
soak: $(STAMP)
	$(PY) -m tests.integration.soak --runs 500

# The Linux release: PyInstaller bundle, .deb and tarball in dist/ (Windows and macOS build on their own runners).
package: $(STAMP) i18n
	bash installers/build-linux.sh

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/pip install --quiet --upgrade pip
	.lockvenv/bin/pip install --quiet '.[dev]'
	(echo '# Pinned versions of every dependency (make installs exactly these). Regenerate: make lock'; \
	 .lockvenv/bin/pip freeze --exclude askel) > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) desktop/askel/translations build dist
