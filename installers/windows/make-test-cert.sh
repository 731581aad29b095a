#!/usr/bin/env bash
# A throwaway self-signed code-signing certificate, for tests and for CI runs without the release certificate.
#
#   make-test-cert.sh OUTDIR
#
# Writes OUTDIR/cert.pem, cert.cer (DER, for Import-Certificate on Windows), key.pem, cert.p12 and pass.txt
# (the PKCS#12 password). Never use it for a release: nobody trusts it but the machine that imports it.
set -euo pipefail

out=${1:?usage: make-test-cert.sh OUTDIR}
mkdir -p "$out"
umask 077
openssl req -x509 -newkey rsa:3072 -sha256 -days 30 -nodes -subj "/CN=Askel test code signing/O=Askel" \
  -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=codeSigning" \
  -keyout "$out/key.pem" -out "$out/cert.pem" 2>/dev/null
openssl x509 -in "$out/cert.pem" -outform DER -out "$out/cert.cer"
openssl rand -hex 16 >"$out/pass.txt"
openssl pkcs12 -export -inkey "$out/key.pem" -in "$out/cert.pem" -name "Askel test" \
  -passout "file:$out/pass.txt" -out "$out/cert.p12"
chmod 0644 "$out/cert.pem" "$out/cert.cer"
echo "test certificate in $out (cert.pem, cert.cer, cert.p12, pass.txt)"
