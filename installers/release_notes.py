"""The release notes of one version, from CHANGELOG.md: its section, as it stands, for the release folder.

    python3 installers/release_notes.py VERSION --out DIR     writes DIR/RELEASE-NOTES-VERSION.md

A released version must have its own section (`## [VERSION] - YYYY-MM-DD`). A test build of a version that has
none yet gets the Unreleased section under a heading that says so; a release (ASKEL_RELEASE=1) refuses that.
Standard library only.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"


def section(text: str, name: str) -> str | None:
    """The body of `## [name]…` up to the next `## ` heading or the link definitions, or None."""
    match = re.search(rf"^## \[{re.escape(name)}\][^\n]*\n(.*?)(?=^## |^\[[^\]]+\]: |\Z)", text, re.M | re.S)
    return match.group(1).strip() if match else None


def notes(version: str, changelog: Path = CHANGELOG, release: bool = False) -> str:
    text = changelog.read_text("utf-8")
    body = section(text, version)
    heading = re.search(rf"^## \[{re.escape(version)}\][^\n]*", text, re.M)
    if body is not None:
        return f"# Askel {heading.group(0).removeprefix('## ').replace('[', '').replace(']', '')}\n\n{body}\n"
    if release:
        raise SystemExit(f"release_notes: CHANGELOG.md has no section for {version}: add `## [{version}] - DATE`")
    unreleased = section(text, "Unreleased") or "(nothing listed)"
    return f"# Askel {version} (test build: the changes since the last release)\n\n{unreleased}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version")
    parser.add_argument("--out", type=Path, required=True, help="the release folder")
    args = parser.parse_args(argv)
    target = args.out / f"RELEASE-NOTES-{args.version}.md"
    target.write_text(notes(args.version, release=os.environ.get("ASKEL_RELEASE") == "1"), "utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
