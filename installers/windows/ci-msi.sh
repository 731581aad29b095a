#!/usr/bin/env bash
# The Linux job of .ci/workflows/windows.yml: sign the bundle's executables, build the MSI, sign it, check it.
#
#   ci-msi.sh BUNDLE ICON OUTDIR
#
# Writes OUTDIR/release/askel-VERSION-x64.msi. The release certificate comes from the environment:
#   WINDOWS_SIGNING_P12_BASE64, WINDOWS_SIGNING_P12_PASSWORD   a PKCS#12 file (base64) and its password
#   ASKEL_TIMESTAMP_URL                                       the RFC 3161 time-stamping service
# Without them (pull requests, forks) a throwaway test certificate signs instead, and its certificate is left
# in OUTDIR/test-signing-cert.cer for the Windows test job to trust: the signing path is exercised either way.
# A release (ASKEL_RELEASE=1, set by the workflow for tags v*) refuses to go on without them.
set -euo pipefail
# shellcheck source=installers/release-mode.sh
. "$(cd "$(dirname "$0")/.." && pwd)/release-mode.sh"

bundle=${1:?usage: ci-msi.sh BUNDLE ICON OUTDIR}
icon=${2:?usage: ci-msi.sh BUNDLE ICON OUTDIR}
out=${3:?usage: ci-msi.sh BUNDLE ICON OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$here/../../desktop/askel/__init__.py")
msi="$out/release/askel-$version-x64.msi"
secrets=$(mktemp -d)
trap 'rm -rf "$secrets"' EXIT
mkdir -p "$out/release"

if [ -n "${WINDOWS_SIGNING_P12_BASE64:-}" ]; then
  printf '%s' "$WINDOWS_SIGNING_P12_BASE64" | base64 --decode >"$secrets/cert.p12"
  printf '%s' "${WINDOWS_SIGNING_P12_PASSWORD:-}" >"$secrets/pass.txt"
  ca=/etc/ssl/certs/ca-certificates.crt
else
  shortcut ci-msi "no release certificate configured (WINDOWS_SIGNING_P12_BASE64): signing with a throwaway one"
  bash "$here/make-test-cert.sh" "$secrets" >/dev/null
  cp "$secrets/cert.cer" "$out/test-signing-cert.cer"
  ca=$secrets/cert.pem
fi
sign() { bash "$here/sign-osslsigncode.sh" --pkcs12 "$secrets/cert.p12" --pass-file "$secrets/pass.txt" --ca "$ca" "$@"; }

sign "$bundle/Askel.exe" "$bundle/askel-cli.exe"
bash "$here/build-msi.sh" --bundle "$bundle" --icon "$icon" --out "$msi" --version "$version"
cp "$msi" "$secrets/unsigned.msi"
sign "$msi"
# The signed MSI is the unsigned one plus a signature, byte for byte: what anyone can check against their own
# reproducible build of the same commit.
bash "$here/compare-signed.sh" "$msi" "$secrets/unsigned.msi" --ca "$ca"
ls -l "$msi"
