#!/usr/bin/env bash
# Sourced by the build and signing scripts. A release build (ASKEL_RELEASE=1: the workflows set it for tags v*,
# a maintainer sets it by hand) refuses every shortcut that a test build may take: signing without a timestamp,
# with a throwaway or ad hoc certificate, without notarization, or an Askel that pins the development release key.
#
#   shortcut SCRIPT "what is missing"   in a release: the message and exit 1; otherwise a warning and go on
set -euo pipefail
shortcut() {
  if [ "${ASKEL_RELEASE:-}" = 1 ]; then
    echo "$1: refused for a release (ASKEL_RELEASE=1): $2" >&2
    exit 1
  fi
  echo "$1: $2 (a test build only: a release refuses this)" >&2
}
