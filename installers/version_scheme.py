"""One version, written for each package format so that every installer sorts releases the same way.

Askel's version (`desktop/askel/__init__.py`, the only place it is written; pyproject.toml reads it) is
`MAJOR.MINOR.PATCH`, or a pre-release of it: `MAJOR.MINOR.PATCH(a|b|rc)N` (PEP 440), e.g. `0.2.0rc1`, which
comes before `0.2.0`. Each format gets a form it sorts correctly:

    version    dpkg        MSI ProductVersion   macOS CFBundleVersion / pkg    shown to people
    0.2.0a1    0.2.0~a1    0.2.101              0.2.101                        0.2.0a1
    0.2.0rc1   0.2.0~rc1   0.2.301              0.2.301                        0.2.0rc1
    0.2.0      0.2.0       0.2.999              0.2.999                        0.2.0
    0.2.1      0.2.1       0.2.1999             0.2.1999                       0.2.1

dpkg sorts `~` before anything, even the end of the string. Windows Installer compares only the first three
fields of ProductVersion, as numbers (at most 255.255.65535), so the pre-release goes into the third field:
PATCH * 1000 + 100 (a), 200 (b) or 300 (rc) + N, and 999 for the release itself (PATCH at most 64, N at most
99). The macOS package and bundle version use the same three numbers, which `installer` compares numerically.

    python3 installers/version_scheme.py dpkg|msi|apple|check [VERSION]   (default: Askel's own version)

Standard library only: the Windows MSI is built on Linux with the system's python3.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

VERSION_FILE = Path(__file__).resolve().parents[1] / "desktop" / "askel" / "__init__.py"
_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:(a|b|rc)([1-9]\d?))?")
_STAGES = {"a": 100, "b": 200, "rc": 300}
_RELEASE = 999


def askel_version() -> str:
    return re.search(r'^__version__ = "([^"]+)"$', VERSION_FILE.read_text("utf-8"), re.M).group(1)


def parse(version: str) -> tuple[int, int, int, str | None, int]:
    """(major, minor, patch, stage or None, number); ValueError for anything outside the scheme."""
    match = _VERSION.fullmatch(version)
    if not match:
        raise ValueError(f"{version!r} is not MAJOR.MINOR.PATCH or MAJOR.MINOR.PATCH(a|b|rc)N")
    major, minor, patch = (int(part) for part in match.group(1, 2, 3))
    stage, number = match.group(4), int(match.group(5) or 0)
    if major > 255 or minor > 255 or patch > 64:
        raise ValueError(f"{version!r}: Windows Installer allows at most 255.255 and a patch number up to 64")
    return major, minor, patch, stage, number


def dpkg(version: str) -> str:
    major, minor, patch, stage, number = parse(version)
    return f"{major}.{minor}.{patch}" + (f"~{stage}{number}" if stage else "")


def numeric(version: str) -> str:
    """MAJOR.MINOR.BUILD for Windows Installer and macOS, BUILD = PATCH * 1000 + the pre-release's place."""
    major, minor, patch, stage, number = parse(version)
    build = patch * 1000 + (_STAGES[stage] + number if stage else _RELEASE)
    return f"{major}.{minor}.{build}"


FORMS = {"dpkg": dpkg, "msi": numeric, "apple": numeric, "check": lambda version: (parse(version), version)[1]}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in FORMS or len(argv) > 2:
        print(f"usage: version_scheme.py {'|'.join(FORMS)} [VERSION]", file=sys.stderr)
        return 2
    try:
        print(FORMS[argv[0]](argv[1] if len(argv) == 2 else askel_version()))
    except ValueError as error:
        print(f"version_scheme: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
