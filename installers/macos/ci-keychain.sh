#!/usr/bin/env bash
# The macOS workflow's signing setup: the Developer ID certificates into a temporary keychain, and the App
# Store Connect API key for notarytool into a file.
#
#   ci-keychain.sh
#
# Reads MACOS_CERTIFICATES_P12_BASE64 and MACOS_CERTIFICATES_P12_PASSWORD (a PKCS#12 with the "Developer ID
# Application" and "Developer ID Installer" certificates and keys), and NOTARY_API_KEY_BASE64 when set.
# Writes ASKEL_NOTARY_KEY to $GITHUB_ENV. The keychain and the key file live in $RUNNER_TEMP, which the runner
# deletes after the job.
set -euo pipefail

temp=${RUNNER_TEMP:?run inside GitHub Actions}
keychain="$temp/askel-signing.keychain-db"
# The keychain's own password is random, made here and gone with the runner: not a secret of the release.
password=$(openssl rand -hex 24)

security create-keychain -p "$password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$password" "$keychain"
printf '%s' "${MACOS_CERTIFICATES_P12_BASE64:?}" | base64 --decode >"$temp/certificates.p12"
# `security import` takes a PKCS#12 password only on its command line: re-wrap the file under an empty password
# first (openssl reads the real one from the environment), so that no secret appears in the process list.
: "${MACOS_CERTIFICATES_P12_PASSWORD:?}"
umask 077
openssl pkcs12 -in "$temp/certificates.p12" -passin env:MACOS_CERTIFICATES_P12_PASSWORD -nodes |
  openssl pkcs12 -export -passout pass: -out "$temp/certificates-open.p12"
rm -f "$temp/certificates.p12"
security import "$temp/certificates-open.p12" -k "$keychain" -P "" \
  -T /usr/bin/codesign -T /usr/bin/productbuild -T /usr/bin/pkgbuild
rm -f "$temp/certificates-open.p12"
# Let codesign and productbuild use the keys without a prompt.
security set-key-partition-list -S apple-tool:,apple: -s -k "$password" "$keychain" >/dev/null
existing=()
while IFS= read -r line; do
  existing+=("$line")
done < <(security list-keychains -d user | sed -e 's/^[[:space:]]*"//' -e 's/"[[:space:]]*$//')
security list-keychains -d user -s "$keychain" "${existing[@]}"
security find-identity -v -p codesigning "$keychain"

if [ -n "${NOTARY_API_KEY_BASE64:-}" ]; then
  printf '%s' "$NOTARY_API_KEY_BASE64" | base64 --decode >"$temp/notary-key.p8"
  chmod 0600 "$temp/notary-key.p8"
  echo "ASKEL_NOTARY_KEY=$temp/notary-key.p8" >>"${GITHUB_ENV:?}"
fi
