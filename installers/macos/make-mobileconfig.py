"""Turn an Askel JSON policy into a macOS configuration profile for the MDM (managed preferences).

    python3 make-mobileconfig.py policy.json [--organisation NAME] > askel-policy.mobileconfig

The profile carries one payload of type `fi.askel.Askel`; macOS writes its keys to
/Library/Managed Preferences/fi.askel.Askel.plist, which Askel reads before /etc/askel/policy.json, and every
key in it is locked. Only the file's "policy" section can be expressed this way: "defaults" (organisation
defaults the user may change) are left out, with a note on standard error; deploy them in
/etc/askel/policy.json. The payload identifiers are derived from --identifier, so a new version of the profile
replaces the old one. Standard library only. Askel checks every value when it reads the policy: run
`askel policy show` on a managed Mac to see what was accepted.
"""

from __future__ import annotations

import argparse
import json
import plistlib
import sys
import uuid
from pathlib import Path

DOMAIN = "fi.askel.Askel"
NAMESPACE = uuid.UUID("5B3E0F4C-7A1D-4C8E-9B62-2F6A1D0C9E47")


def profile(policy: dict, organisation: str, identifier: str) -> bytes:
    values = policy.get("policy", {})
    if not isinstance(values, dict) or not values:
        raise SystemExit("make-mobileconfig: the file has no \"policy\" section to lock")
    payload = {
        "PayloadType": DOMAIN,
        "PayloadIdentifier": f"{identifier}.settings",
        "PayloadUUID": str(uuid.uuid5(NAMESPACE, f"{identifier}.settings")).upper(),
        "PayloadVersion": 1,
        "PayloadDisplayName": "Askel settings",
        **values,
    }
    return plistlib.dumps({
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": identifier,
        "PayloadUUID": str(uuid.uuid5(NAMESPACE, identifier)).upper(),
        "PayloadDisplayName": "Askel policy",
        "PayloadDescription": "Settings of Askel locked by the organisation's IT.",
        "PayloadOrganization": organisation,
        "PayloadScope": "System",
        "PayloadContent": [payload],
    }, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policy", type=Path, help='the JSON policy: {"policy": {...}, "defaults": {...}}')
    parser.add_argument("--organisation", default="IT", help="shown as the profile's organisation")
    parser.add_argument("--identifier", default=f"{DOMAIN}.policy", help="the profile's identifier")
    args = parser.parse_args(argv)
    policy = json.loads(args.policy.read_text("utf-8"))
    if not isinstance(policy, dict):
        raise SystemExit("make-mobileconfig: the policy file is not a JSON object")
    if policy.get("defaults"):
        print("make-mobileconfig: \"defaults\" left out (a profile locks every key); put them in "
              "/etc/askel/policy.json", file=sys.stderr)
    sys.stdout.buffer.write(profile(policy, args.organisation, args.identifier))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
