#!/usr/bin/env bash
# Authenticode-sign Windows files (EXE, DLL, MSI) from Linux with osslsigncode, in place, and verify each.
#
#   sign-osslsigncode.sh --pkcs12 CERT.p12 [--pass-file FILE] FILE...
#   sign-osslsigncode.sh --pkcs11-module MODULE.so [--pkcs11-engine ENGINE.so] --key PKCS11-URI \
#       --certs CHAIN.pem [--pass-file PIN-FILE] FILE...                      (an HSM or a smart card)
#
#   --timestamp URL   RFC 3161 time-stamping service (default: $ASKEL_TIMESTAMP_URL). Without it the signature
#                     stops being valid when the certificate expires: a release (ASKEL_RELEASE=1) refuses to
#                     sign without one, and refuses a self-signed (throwaway) certificate.
#   --ca FILE         trusted roots for the check after signing (default: the system's CA bundle)
#   --name TEXT, --url URL   the description and link Windows shows in the UAC prompt
#
# The password or PIN is read from a file (--pass-file, or ASKEL_SIGN_PASS_FILE), never from the command line,
# where other users of the machine could see it in the process list. Each file is signed into a temporary
# copy, verified, and only then moved over the original: an interrupted run leaves unsigned files, never
# broken ones. Works with osslsigncode 2.5 (Debian 12) and later.
set -euo pipefail
# shellcheck source=installers/release-mode.sh
. "$(cd "$(dirname "$0")/.." && pwd)/release-mode.sh"

pkcs12="" module="" engine="" key="" certs="" ca="/etc/ssl/certs/ca-certificates.crt"
pass_file=${ASKEL_SIGN_PASS_FILE:-}
timestamp=${ASKEL_TIMESTAMP_URL:-}
name="Askel" url=""
files=()
while [ $# -gt 0 ]; do
  case $1 in
    --pkcs12) pkcs12=$2; shift 2 ;;
    --pkcs11-module) module=$2; shift 2 ;;
    --pkcs11-engine) engine=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    --certs) certs=$2; shift 2 ;;
    --pass-file) pass_file=$2; shift 2 ;;
    --timestamp) timestamp=$2; shift 2 ;;
    --ca) ca=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    --) shift; files+=("$@"); break ;;
    -*) echo "sign-osslsigncode: unknown option $1" >&2; exit 2 ;;
    *) files+=("$1"); shift ;;
  esac
done

credentials=()
if [ -n "$pkcs12" ] && [ -z "$module" ]; then
  credentials=(-pkcs12 "$pkcs12")
elif [ -n "$module" ] && [ -z "$pkcs12" ] && [ -n "$key" ] && [ -n "$certs" ]; then
  credentials=(-pkcs11module "$module" -key "$key" -certs "$certs")
  if [ -n "$engine" ]; then
    credentials+=(-pkcs11engine "$engine")
  fi
else
  echo "usage: sign-osslsigncode.sh (--pkcs12 FILE | --pkcs11-module SO --key URI --certs PEM) FILE..." >&2
  exit 2
fi
if [ -n "$pass_file" ]; then
  credentials+=(-readpass "$pass_file")
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "sign-osslsigncode: no files to sign" >&2
  exit 2
fi
details=(-n "$name")
if [ -n "$url" ]; then
  details+=(-i "$url")
fi
stamping=()
if [ -n "$timestamp" ]; then
  stamping=(-ts "$timestamp")
else
  shortcut sign-osslsigncode "no --timestamp: the signatures expire with the certificate"
fi
# The signing certificate: a self-signed one (make-test-cert.sh's) is trusted by nobody but a test machine.
if [ -n "$pkcs12" ]; then
  passin=(-passin pass:)
  if [ -n "$pass_file" ]; then passin=(-passin "file:$pass_file"); fi
  certificate=$(openssl pkcs12 -in "$pkcs12" "${passin[@]}" -nokeys -clcerts 2>/dev/null ||
    openssl pkcs12 -legacy -in "$pkcs12" "${passin[@]}" -nokeys -clcerts 2>/dev/null || true)
else
  certificate=$(openssl x509 -in "$certs" 2>/dev/null || true)
fi
subject=$(printf '%s' "$certificate" | openssl x509 -noout -subject -nameopt RFC2253 2>/dev/null | sed 's/^subject=//')
issuer=$(printf '%s' "$certificate" | openssl x509 -noout -issuer -nameopt RFC2253 2>/dev/null | sed 's/^issuer=//')
if [ -z "$subject" ] || [ "$subject" = "$issuer" ]; then
  shortcut sign-osslsigncode "the certificate ${subject:-(unreadable)} is self-signed: a throwaway test certificate"
fi

for file in "${files[@]}"; do
  [ -f "$file" ] || { echo "sign-osslsigncode: $file does not exist" >&2; exit 1; }
  signed=$(mktemp "$file.signing.XXXXXX")
  rm -f "$signed"  # osslsigncode refuses to write over an existing file
  if ! osslsigncode sign "${credentials[@]}" "${stamping[@]}" "${details[@]}" -h sha256 \
      -in "$file" -out "$signed" >/dev/null; then
    rm -f "$signed"
    echo "sign-osslsigncode: signing $file failed" >&2
    exit 1
  fi
  if ! osslsigncode verify -CAfile "$ca" -in "$signed" >"$signed.log" 2>&1; then
    cat "$signed.log" >&2
    rm -f "$signed" "$signed.log"
    echo "sign-osslsigncode: the new signature on $file does not verify against $ca" >&2
    exit 1
  fi
  rm -f "$signed.log"
  chmod --reference="$file" "$signed"
  mv -f "$signed" "$file"
  echo "signed $file"
done
