#!/usr/bin/env bash
# Prove that a signed release file is an unsigned build plus a signature and nothing else (Electrum's check):
# take the signature out of SIGNED, attach it to UNSIGNED (your own reproducible build of the same commit),
# and compare the bytes.
#
#   compare-signed.sh SIGNED UNSIGNED [--ca FILE]
#
# Works for EXE, DLL and MSI. --ca: roots to check the attached signature against (default: the system's).
# Exit 0 when the files match; 1 when they differ.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: compare-signed.sh SIGNED UNSIGNED [--ca FILE]" >&2
  exit 2
fi
signed=$1 unsigned=$2
shift 2
ca=/etc/ssl/certs/ca-certificates.crt
if [ "${1:-}" = --ca ]; then
  ca=$2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
osslsigncode extract-signature -in "$signed" -out "$work/signature.der" >/dev/null
extension=${unsigned##*.}
if ! osslsigncode attach-signature -sigin "$work/signature.der" -CAfile "$ca" -in "$unsigned" \
    -out "$work/reattached.$extension" >"$work/attach.log" 2>&1; then
  cat "$work/attach.log" >&2
  echo "compare-signed: the signature of $signed does not fit $unsigned" >&2
  exit 1
fi
if cmp -s "$work/reattached.$extension" "$signed"; then
  echo "identical: $signed is $unsigned with its signature attached"
else
  echo "DIFFERENT: $signed is not $unsigned plus a signature" >&2
  exit 1
fi
