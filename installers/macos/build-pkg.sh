#!/usr/bin/env bash
# Build the installer package for MDM (Jamf, Intune, Kandji...): Askel.app into /Applications.
#
#   build-pkg.sh APP OUT.pkg [INSTALLER-IDENTITY]
#
# INSTALLER-IDENTITY: "Developer ID Installer: Organisation (TEAMID)"; without it the package is unsigned
# (a test build: an MDM refuses it). Sign and notarize the app first (sign-macos.sh, notarize-macos.sh);
# notarize this package afterwards. The app is not relocatable: the package always installs to
# /Applications/Askel.app, even when a copy exists elsewhere on the disk.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=installers/release-mode.sh
. "$here/../release-mode.sh"
app=${1:?usage: build-pkg.sh APP OUT.pkg [INSTALLER-IDENTITY]}
out=${2:?usage: build-pkg.sh APP OUT.pkg [INSTALLER-IDENTITY]}
identity=${3:-}
info="$app/Contents/Info.plist"
# CFBundleVersion: the numeric form of the version (installers/version_scheme.py), which installer compares.
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleVersion" "$info")
minimum=$(/usr/libexec/PlistBuddy -c "Print :LSMinimumSystemVersion" "$info")
identifier=$(/usr/libexec/PlistBuddy -c "Print :CFBundleIdentifier" "$info")
architectures=$(lipo -archs "$app/Contents/MacOS/$(/usr/libexec/PlistBuddy -c "Print :CFBundleExecutable" "$info")" | tr ' ' ',')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root"
ditto "$app" "$work/root/$(basename "$app")"
pkgbuild --analyze --root "$work/root" "$work/component.plist" >/dev/null
plutil -replace 0.BundleIsRelocatable -bool NO "$work/component.plist"
plutil -replace 0.BundleIsVersionChecked -bool YES "$work/component.plist"
pkgbuild --root "$work/root" --component-plist "$work/component.plist" --install-location /Applications \
  --identifier "$identifier" --version "$version" "$work/askel-component.pkg"
sed -e "s/@VERSION@/$version/" -e "s/@ARCHITECTURES@/$architectures/" -e "s/@MINIMUM_MACOS@/$minimum/" \
  "$here/distribution.xml.in" \
  >"$work/distribution.xml"

signing=()
if [ -n "$identity" ]; then
  signing=(--sign "$identity" --timestamp)
else
  shortcut build-pkg "no installer identity: the package is unsigned"
fi
mkdir -p "$(dirname "$out")"
# ${a[@]+"${a[@]}"}: an empty array under set -u in macOS's bash 3.2
productbuild --distribution "$work/distribution.xml" --package-path "$work" ${signing[@]+"${signing[@]}"} "$out"
if [ -n "$identity" ]; then
  pkgutil --check-signature "$out"
fi
echo "built $out (Askel $version, $architectures)"
