#!/usr/bin/env bash
# Sign Askel.app for Developer ID distribution: hardened runtime, secure timestamp, inside-out.
#
#   sign-macos.sh APP IDENTITY
#
# IDENTITY: "Developer ID Application: Organisation (TEAMID)" (or its SHA-1) from the keychain; "-" signs
# ad hoc (a CI run without certificates: no timestamp, cannot be notarized).
# Inside-out, never --deep: first every Mach-O file (libraries, Python extensions, the frameworks' binaries)
# deepest first, then every nested bundle (Qt's .framework folders) deepest first, and last the app itself
# with installers/macos/entitlements.plist (the entitlements apply to its main executable). Each signature is
# made after everything inside it is signed, so none is invalidated by a later one.
set -euo pipefail

app=${1:?usage: sign-macos.sh APP IDENTITY}
identity=${2:?usage: sign-macos.sh APP IDENTITY}
entitlements="$(cd "$(dirname "$0")" && pwd)/entitlements.plist"
[ -d "$app/Contents/MacOS" ] || { echo "sign-macos: $app is not an app bundle" >&2; exit 1; }

# shellcheck source=installers/release-mode.sh
. "$(cd "$(dirname "$0")/.." && pwd)/release-mode.sh"
options=(--force --options runtime --sign "$identity")
if [ "$identity" = "-" ]; then
  shortcut sign-macos "signing ad hoc (no Developer ID certificate, no timestamp, cannot be notarized)"
  options+=(--timestamp=none)
else
  options+=(--timestamp)
fi
main="$app/Contents/MacOS/$(/usr/libexec/PlistBuddy -c "Print :CFBundleExecutable" "$app/Contents/Info.plist")"

deepest_first() { awk -F/ '{ print NF "\t" $0 }' | sort -t "$(printf '\t')" -k1,1nr -k2 | cut -f2-; }

count=0
while IFS= read -r file; do
  [ "$file" = "$main" ] && continue
  if file -b "$file" | grep -q "Mach-O"; then
    codesign "${options[@]}" "$file"
    count=$((count + 1))
  fi
done < <(find "$app/Contents" -type f | deepest_first)

while IFS= read -r bundle; do
  codesign "${options[@]}" "$bundle"
  count=$((count + 1))
done < <(find "$app/Contents" -type d \( -name "*.framework" -o -name "*.app" \) | deepest_first)

codesign "${options[@]}" --entitlements "$entitlements" "$app"
codesign --verify --strict --deep --verbose=2 "$app"
echo "signed $app and $count files and frameworks inside it with \"$identity\""
