#!/usr/bin/env bash
# Build Askel for Linux: the PyInstaller bundle (dist/askel/, with the licence text of every component it
# contains), then in dist/release/ the .deb, the policy template archive (ADMX, ADML, JSON schema), the CycloneDX
# software bill of materials and the release notes, and dist/build-info.json (what it was built from).
#
#   bash installers/build-linux.sh
#
# Reproducible: PYTHONHASHSEED=0, every timestamp from SOURCE_DATE_EPOCH (default: the last commit's time),
# normalised permissions, root-owned entries. The same commit built on the same image gives the same bytes.
# Environment: PYTHON (a Python 3.11; default python3), SOURCE_DATE_EPOCH, ASKEL_DEB_MAINTAINER.
# Needs: dpkg-deb (Debian/Ubuntu). The packaging venv .venv-package is made from installers/requirements-runtime.lock
# (what the bundle contains) and installers/requirements-package.lock, with their hashes, and remade when either
# changes.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

PYTHON=${PYTHON:-python3}
VENV=.venv-package
PY=$VENV/bin/python
MAINTAINER=${ASKEL_DEB_MAINTAINER:-Askel release team <release@askel.invalid>}

export PYTHONHASHSEED=0 TZ=UTC LC_ALL=C.UTF-8
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || true)
  if [ -z "$SOURCE_DATE_EPOCH" ]; then
    echo "build-linux: not a git checkout: set SOURCE_DATE_EPOCH" >&2
    exit 1
  fi
fi
export SOURCE_DATE_EPOCH
umask 022

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/askel/__init__.py)
# dpkg's form of the version: a pre-release sorts before its release (0.2.0~rc1 < 0.2.0; installers/version_scheme.py).
deb_version=$("$PYTHON" installers/version_scheme.py dpkg "$version")
arch=$(dpkg --print-architecture)
deb_name=askel_${deb_version}_${arch}.deb
release=dist/release

step() { printf '== [%ss] %s\n' "$(($(date +%s) - started))" "$*"; }

# shellcheck source=installers/release-mode.sh
. installers/release-mode.sh
"$PYTHON" desktop/askel/release.py check-build 2>/dev/null ||
  shortcut build-linux "this Askel pins the development release key (desktop/askel/release.py)"

step "packaging venv $VENV"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
  { echo "build-linux: $PYTHON is not Python 3.11 (set PYTHON)" >&2; exit 1; }
stamp="$(cat installers/requirements-runtime.lock installers/requirements-package.lock | sha256sum | cut -d' ' -f1) $("$PYTHON" -V)"
if [ "$(cat "$VENV/.askel-stamp" 2>/dev/null || true)" != "$stamp" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$PY" -m pip install --quiet --disable-pip-version-check --require-hashes \
    -r installers/requirements-runtime.lock -r installers/requirements-package.lock
  echo "$stamp" >"$VENV/.askel-stamp"
fi

step "translations"
# Always recompiled with the pinned lrelease: a stale or foreign .qm must not slip into a release.
mkdir -p desktop/askel/translations
for ts in i18n/askel_*.ts; do
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "desktop/askel/translations/$(basename "${ts%.ts}").qm"
done

step "bundle (PyInstaller)"
rm -rf dist/askel build/pyinstaller
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installers/askel.spec

# The bundle must run before it is packaged: selftest and the policy templates, with nothing of this
# machine's user or policy settings.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run_bundle() {
  env QT_QPA_PLATFORM=offscreen ASKEL_DATA_DIR="$scratch/data" ASKEL_CONFIG_DIR="$scratch/config" \
    ASKEL_LOG_DIR="$scratch/log" ASKEL_POLICY_FILE="$scratch/no-policy.json" dist/askel/askel "$@"
}
step "bundle selftest"
run_bundle selftest
run_bundle policy templates --out "$scratch/policy-templates" >/dev/null

step "package $deb_name"
rm -rf "$release" build/deb
mkdir -p "$release"
# The bill of materials of what the bundle contains (the runtime lock, with the hashes of its files; cyclonedx-bom
# is pinned in installers/requirements-package.lock), and the release notes from CHANGELOG.md.
sbom="$release/askel-$version.cdx.json"
"$VENV/bin/cyclonedx-py" requirements --pyproject pyproject.toml --of JSON --output-reproducible --validate \
  -o "$sbom" installers/requirements-runtime.lock
"$PY" installers/release_notes.py "$version" --out "$release" >/dev/null
root=build/deb/root
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/metainfo" "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/askel"
cp -a dist/askel "$root/opt/askel"
ln -s /opt/askel/askel "$root/usr/bin/askel"
cp installers/linux/fi.askel.Askel.desktop "$root/usr/share/applications/"
release_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
sed -e "s/@VERSION@/$deb_version/g" -e "s/@DATE@/$release_date/g" installers/linux/fi.askel.Askel.metainfo.xml.in \
  >"$root/usr/share/metainfo/fi.askel.Askel.metainfo.xml"
cp installers/linux/askel.svg "$root/usr/share/icons/hicolor/scalable/apps/fi.askel.Askel.svg"
cp installers/linux/copyright "$root/usr/share/doc/askel/copyright"
cp "$sbom" "$root/usr/share/doc/askel/askel.cdx.json"
cp "$release/RELEASE-NOTES-$version.md" "$root/usr/share/doc/askel/RELEASE-NOTES.md"
[ -f "$root/opt/askel/_internal/licenses/Askel/LICENSE" ] ||
  { echo "build-linux: the bundle has no licences folder" >&2; exit 1; }
ln -s /opt/askel/_internal/licenses "$root/usr/share/doc/askel/licenses"
# Linux admins write /etc/askel/policy.json against this schema.
cp "$scratch/policy-templates/askel-policy.schema.json" "$root/usr/share/doc/askel/"

# Permissions from the file's kind, not from the build machine's umask or the wheels: programs and shared
# libraries 0755, everything else 0644. Timestamps from SOURCE_DATE_EPOCH.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -print0 | while IFS= read -r -d '' file; do
  if [ "$(head -c 4 "$file" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; then
    chmod 0755 "$file"
  else
    chmod 0644 "$file"
  fi
done
installed_kib=$(find "$root" -path "$root/DEBIAN" -prune -o \( -type f -o -type l \) -printf '%s\n' |
  awk '{ total += $1 } END { printf "%d\n", (total + 1023) / 1024 }')
sed -e "s/@VERSION@/$deb_version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_kib/" \
  -e "s|@MAINTAINER@|$MAINTAINER|" installers/linux/control.in >"$root/DEBIAN/control"
chmod 0644 "$root/DEBIAN/control"
find "$root" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +
# zstd (dpkg >= 1.21.18, the glibc floor is Debian 12 anyway): xz -9 takes minutes on two cores. One thread:
# a multi-threaded compressor splits its input by the thread count, so the bytes would depend on the machine.
dpkg-deb --root-owner-group -Zzstd -z12 --threads-max=1 --build "$root" "$release/$deb_name" >/dev/null

step "policy templates archive"
"$PY" installers/repro_zip.py "$scratch/policy-templates" "$release/askel-policy-templates-$version.zip"

"$PY" installers/build_info.py write --out dist/build-info.json --source-date-epoch "$SOURCE_DATE_EPOCH" \
  "$release"/*

elapsed=$(($(date +%s) - started))
step "done in ${elapsed}s"
printf '%s\n' "bundle: $(du -sh dist/askel | cut -f1) in $(find dist/askel -type f | wc -l) files"
for artifact in "$release"/*; do
  printf '%s\n' "$(basename "$artifact"): $(stat -c %s "$artifact") bytes, sha256 $(sha256sum "$artifact" | cut -d' ' -f1)"
done
