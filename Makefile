# Askel: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
QM := desktop/askel/translations/askel_fi.qm desktop/askel/translations/askel_sv.qm

.PHONY: run test lint i18n lupdate lock clean bench bench-region soak package qt-system-libs

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
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

# On Linux, first the system libraries Qt's window plugin needs: installed when run as root with apt-get, else
# the one `sudo apt-get install` line that installs them (installers/linux/qt_system_libs.py).
run: $(STAMP) qt-system-libs i18n
	$(VENV)/bin/askel

qt-system-libs: $(STAMP)
	$(PY) installers/linux/qt_system_libs.py

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests
	$(VENV)/bin/lint-imports

test: $(STAMP) i18n lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests

bench: $(STAMP) i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.run
	$(PY) -m tests.bench.region

# The region store alone: import and report for 100 000 and 1 000 000 course records, embedded and PostgreSQL.
bench-region: $(STAMP)
	$(PY) -m tests.bench.region

# Crash safety at length: 500 SIGKILLs at random instants of a writing process (CI runs 30 in `make test`).
soak: $(STAMP)
	$(PY) -m tests.integration.soak --runs 500
	$(PY) -m tests.integration.handover_kills --runs 100

# The Linux release: PyInstaller bundle, .deb and tarball in dist/ (Windows and macOS build on their own runners).
package: $(STAMP) i18n
	bash installers/build-linux.sh

# Re-pin every dependency, with the hashes of every file, after changing pyproject.toml (or to upgrade:
# delete a line from the lock first). uv (pinned here) resolves for every platform at once, keeping the versions
# already in the lock; `make` installs with --require-hashes. Three files: requirements.lock (the program and the
# development tools: what `make` installs), installers/requirements-runtime.lock (only what the bundle contains:
# the SBOM and the macOS minimum come from it), installers/requirements-package.lock (the packaging tools).
UV_VERSION := 0.13.8
UV_COMPILE := .lockvenv/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) --extra dev --no-emit-package askel pyproject.toml -o requirements.lock
	$(UV_COMPILE) --no-emit-package askel -c requirements.lock pyproject.toml -o installers/requirements-runtime.lock
	$(UV_COMPILE) -c requirements.lock \
	  $$(sed -n 's/^\([A-Za-z0-9_.-]*\)==[^ ;]* \\$$/--no-emit-package \1/p' installers/requirements-runtime.lock) \
	  installers/requirements-package.in -o installers/requirements-package.lock
	.lockvenv/bin/python installers/macos/minimum_macos.py --lock installers/requirements-runtime.lock
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) desktop/askel/translations build dist
