#!/usr/bin/env bash
# Build Askel.app on macOS: the packaging venv, translations, icons, PyInstaller → dist/Askel.app, selftest.
#
#   bash installers/macos/build-macos.sh
#
# The macOS half of installers/build-linux.sh up to the bundle (same lock files, PYTHONHASHSEED=0,
# SOURCE_DATE_EPOCH). PyInstaller leaves the app unsigned for sign-macos.sh. Environment: PYTHON (3.11).
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
VENV=.venv-package
export PYTHONHASHSEED=0
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
fi
export SOURCE_DATE_EPOCH

"$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
  { echo "build-macos: $PYTHON is not Python 3.11 (set PYTHON)" >&2; exit 1; }
# shellcheck source=installers/release-mode.sh
. installers/release-mode.sh
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
    -r installers/requirements-runtime.lock -r installers/requirements-package.lock
fi

mkdir -p desktop/askel/translations
for ts in i18n/askel_*.ts; do
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "desktop/askel/translations/$(basename "${ts%.ts}").qm"
done
"$VENV/bin/python" installers/make_icons.py --out build/icons >/dev/null

"$VENV/bin/python" desktop/askel/release.py check-build 2>/dev/null ||
  shortcut build-macos "this Askel pins the development release key (desktop/askel/release.py)"
rm -rf dist/Askel dist/Askel.app build/pyinstaller
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installers/askel.spec

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
env QT_QPA_PLATFORM=offscreen ASKEL_DATA_DIR="$scratch/data" ASKEL_CONFIG_DIR="$scratch/config" \
  ASKEL_LOG_DIR="$scratch/log" ASKEL_POLICY_FILE="$scratch/no-policy.json" \
  dist/Askel.app/Contents/MacOS/Askel selftest
echo "built dist/Askel.app ($(du -sh dist/Askel.app | cut -f1))"
