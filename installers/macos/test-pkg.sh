#!/usr/bin/env bash
# Test the package the way an MDM deploys it: install, policy, selftest, vault, uninstall; the data stays.
#
#   sudo -E bash installers/macos/test-pkg.sh OUT.pkg [--require-notarized]
#
# For a disposable Mac (a CI runner): it installs into /Applications, writes /etc/askel/policy.json and
# creates a vault in the invoking user's data folder (SUDO_USER's). The first failed check stops it.
set -euo pipefail

pkg=${1:?usage: test-pkg.sh PKG [--require-notarized]}
[ "$(id -u)" = 0 ] || { echo "test-pkg: run with sudo" >&2; exit 1; }
user=${SUDO_USER:?run through sudo from the user whose data folder to use}
app=/Applications/Askel.app
askel="$app/Contents/MacOS/Askel"
home=$(dscl . -read "/Users/$user" NFSHomeDirectory | awk '{ print $2 }')
data="$home/Library/Application Support/Askel"

# check MESSAGE COMMAND...: run the command; stop with MESSAGE when it fails.
check() {
  local message=$1
  shift
  if "$@"; then echo "ok   $message"; else echo "FAILED: $message" >&2; exit 1; fi
}
as_user() {
  sudo -u "$user" env QT_QPA_PLATFORM=offscreen ASKEL_CONFIG_DIR="$work/config" ASKEL_LOG_DIR="$work/log" \
    ASKEL_PASSPHRASE="pkg test passphrase 2026" "$askel" "$@"
}
locked_at() {  # locked_at KEY VALUE: `policy show --json` says KEY is VALUE and locked
  python3 - "$work/policy.json" "$1" "$2" <<'PY'
import json, sys
rows = {row["key"]: row for row in json.load(open(sys.argv[1]))["settings"]}
row = rows[sys.argv[2]]
sys.exit(not (json.dumps(row["value"]) == sys.argv[3] and row["locked"]))
PY
}

work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
install -d -o "$user" "$work/config" "$work/log"
if [ "${2:-}" = --require-notarized ]; then
  check "the package is notarized and accepted by Gatekeeper" spctl --assess --type install --verbose=2 "$pkg"
  check "the notarization ticket is stapled" xcrun stapler validate "$pkg"
fi
if [ -e "$data" ]; then
  echo "test-pkg: $data exists; refusing to touch a real user's data" >&2
  exit 1
fi

installer -pkg "$pkg" -target /
check "Askel.app is installed in /Applications" test -x "$askel"
check "the package receipt fi.askel.Askel exists" pkgutil --pkg-info fi.askel.Askel
check "the installed app's signature is intact" codesign --verify --strict --deep "$app"

mkdir -p /etc/askel
printf '%s\n' '{"policy": {"auto_lock_minutes": 5}, "defaults": {"language": "sv"}}' >/etc/askel/policy.json
chmod 0644 /etc/askel/policy.json
check "selftest passes on the installed app" as_user selftest
as_user policy show --json >"$work/policy.json"
check "auto_lock_minutes is 5 and locked by /etc/askel/policy.json" locked_at auto_lock_minutes 5
as_user init --name "Testi Hoitaja" >/dev/null
as_user selftest | tee "$work/selftest.txt"
check "selftest passes with a vault" grep -q "^ok   audit log" "$work/selftest.txt"

# Uninstall as IT would: macOS packages have no uninstaller.
rm -rf "$app"
pkgutil --forget fi.askel.Askel >/dev/null
check "Askel.app is removed" test ! -e "$app"
check "the clinician's key file is kept" test -f "$data/askel.key"
check "the clinician's database is kept" test -f "$data/askel.db"
rm -f /etc/askel/policy.json
echo "package test passed: $pkg"
