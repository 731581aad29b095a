#!/usr/bin/env bash
# Notarize and staple Askel.app or the .pkg: `notarytool submit --wait`, then `stapler staple`.
#
#   notarize-macos.sh (APP | PKG)
#
# Credentials, one of:
#   ASKEL_NOTARY_PROFILE                                a keychain profile (xcrun notarytool store-credentials)
#   ASKEL_NOTARY_KEY, ASKEL_NOTARY_KEY_ID, ASKEL_NOTARY_ISSUER   an App Store Connect API key (.p8 file)
# (An Apple ID with an app-specific password is not offered: notarytool takes that password only on its command
# line, where other processes can read it. Store it in a keychain profile instead.)
# An app is submitted as a zip (ditto keeps the signatures' extended attributes) and the app is stapled.
# When Apple does not accept the submission its log is printed and the script fails.
set -euo pipefail

target=${1:?usage: notarize-macos.sh APP-or-PKG}
if [ -n "${ASKEL_NOTARY_PROFILE:-}" ]; then
  credentials=(--keychain-profile "$ASKEL_NOTARY_PROFILE")
elif [ -n "${ASKEL_NOTARY_KEY:-}" ]; then
  credentials=(--key "$ASKEL_NOTARY_KEY" --key-id "${ASKEL_NOTARY_KEY_ID:?}" --issuer "${ASKEL_NOTARY_ISSUER:?}")
else
  echo "notarize-macos: set ASKEL_NOTARY_PROFILE, or ASKEL_NOTARY_KEY with ASKEL_NOTARY_KEY_ID and ASKEL_NOTARY_ISSUER" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
submission=$target
if [ -d "$target" ]; then
  submission="$work/$(basename "$target").zip"
  ditto -c -k --keepParent "$target" "$submission"
fi

xcrun notarytool submit "$submission" "${credentials[@]}" --wait --timeout 2h --output-format json \
  >"$work/result.json"
status=$(plutil -extract status raw -o - "$work/result.json")
id=$(plutil -extract id raw -o - "$work/result.json")
if [ "$status" != "Accepted" ]; then
  echo "notarize-macos: submission $id is $status; Apple's log:" >&2
  xcrun notarytool log "$id" "${credentials[@]}" >&2 || true
  exit 1
fi
xcrun stapler staple "$target"
xcrun stapler validate "$target"
if [ -d "$target" ]; then
  spctl --assess --type execute --verbose=2 "$target"
else
  spctl --assess --type install --verbose=2 "$target"
fi
echo "notarized and stapled $target (submission $id)"
