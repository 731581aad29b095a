"""The oldest macOS the pinned wheels run on, read from the binaries themselves, not assumed.

    python3 installers/macos/minimum_macos.py [--lock requirements.lock] [--cache DIR] [--out FILE]

Downloads the macOS wheels of every package pinned in the lock file (the exact files: pip checks the lock's
hashes), for both architectures Askel ships (arm64, x86_64) and CPython 3.11, and reads the minimum macOS of
every Mach-O file in them (LC_BUILD_VERSION, or LC_VERSION_MIN_MACOSX in older binaries) as well as the
wheel's platform tag. The highest of all is Askel's minimum: a wheel tagged 13.0 may still carry a library
built for 15.0. Writes installers/macos/minimum-macos.json, which `make lock` refreshes and which
tests/integration/test_installers.py compares with the bundle's LSMinimumSystemVersion, the package's
distribution.xml and the IT guide.

Standard library only (plus pip to download).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "minimum-macos.json"
# The newest tag pip may pick on the CI runners that build the bundles (.ci/workflows/macos.yml: macos-14 for
# arm64, macos-15-intel for x86_64): the wheels those builds actually put into Askel.app.
PLATFORMS = {"arm64": "macosx_14_0_arm64", "x86_64": "macosx_15_0_x86_64"}
LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32
PLATFORM_MACOS = 1
_WHEEL_MACOS = re.compile(r"macosx_(\d+)_(\d+)_")


def _version(packed: int) -> tuple[int, int]:
    return packed >> 16, (packed >> 8) & 0xFF


def macho_minimums(data: bytes) -> list[tuple[int, int]]:
    """The minimum macOS of each architecture slice in a Mach-O file (empty when it is not one)."""
    if len(data) < 8:
        return []
    magic = struct.unpack(">I", data[:4])[0]
    if magic in (0xCAFEBABE, 0xCAFEBABF):  # fat: big-endian header, then one entry per slice
        count = struct.unpack(">I", data[4:8])[0]
        if count > 16:  # also the magic of Java class files
            return []
        wide = magic == 0xCAFEBABF
        size = 32 if wide else 20
        found = []
        for index in range(count):
            entry = data[8 + index * size: 8 + (index + 1) * size]
            offset = struct.unpack(">Q", entry[8:16])[0] if wide else struct.unpack(">I", entry[8:12])[0]
            found += macho_minimums(data[offset:])
        return found
    if data[:4] not in (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe"):
        return []
    header = 32 if data[:4] == b"\xcf\xfa\xed\xfe" else 28
    ncmds = struct.unpack("<I", data[16:20])[0]
    offset = header
    for _ in range(ncmds):
        cmd, cmdsize = struct.unpack("<II", data[offset:offset + 8])
        if cmd == LC_BUILD_VERSION:
            platform, minos = struct.unpack("<II", data[offset + 8:offset + 16])
            if platform == PLATFORM_MACOS:
                return [_version(minos)]
        elif cmd == LC_VERSION_MIN_MACOSX:
            return [_version(struct.unpack("<I", data[offset + 8:offset + 12])[0])]
        offset += cmdsize
    return []


def scan_wheel(path: Path) -> dict:
    """The wheel's tag minimum and its binaries' highest minimum, with the files that declare it."""
    tag = _WHEEL_MACOS.search(path.name)
    tag_minimum = (int(tag.group(1)), int(tag.group(2))) if tag else (0, 0)
    highest, files = tag_minimum, []
    with zipfile.ZipFile(path) as wheel:
        for info in wheel.infolist():
            with wheel.open(info) as member:
                if member.read(4) not in (b"\xca\xfe\xba\xbe", b"\xca\xfe\xba\xbf", b"\xcf\xfa\xed\xfe",
                                          b"\xce\xfa\xed\xfe"):
                    continue
            for minimum in macho_minimums(wheel.read(info)):
                if minimum > highest:
                    highest, files = minimum, [info.filename]
                elif minimum == highest and minimum > tag_minimum and info.filename not in files:
                    files.append(info.filename)
    return {"wheel": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "tag": "{}.{}".format(*tag_minimum), "binaries": "{}.{}".format(*highest), "declared_by": files[:5]}


def pinned(lock: Path) -> dict[str, tuple[str, set[str]]]:
    """{name: (version, {sha256 of each allowed file})} from a hash-pinned requirements file."""
    found: dict[str, tuple[str, set[str]]] = {}
    name = None
    for line in lock.read_text("utf-8").splitlines():
        requirement = re.match(r"([A-Za-z0-9_.-]+)==([^ ;\\]+)", line)
        if requirement:
            name = requirement.group(1)
            found[name] = (requirement.group(2), set())
        for digest in re.findall(r"--hash=sha256:([0-9a-f]{64})", line):
            found[name][1].add(digest)
    return found


def download(name: str, version: str, hashes: set[str], platform: str, folder: Path) -> Path | None:
    """The pinned wheel of `name` for `platform`, or None when there is none (then the build compiles it)."""
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                           "--no-deps", "--only-binary=:all:", "--platform", platform, "--python-version", "3.11",
                           "--implementation", "cp", f"{name}=={version}", "-d", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return None
    wheel = max(folder.glob("*.whl"), key=lambda path: path.stat().st_mtime)
    if hashlib.sha256(wheel.read_bytes()).hexdigest() not in hashes:
        raise SystemExit(f"minimum_macos: {wheel.name} is not a file the lock pins (hash differs)")
    return wheel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lock")
    parser.add_argument("--cache", type=Path, default=None, help="keep the downloaded wheels here")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    report: dict = {"generated_by": "installers/macos/minimum_macos.py", "architectures": {}}
    overall = (0, 0)
    with tempfile.TemporaryDirectory() as scratch:
        for arch, platform in PLATFORMS.items():
            folder = (args.cache or Path(scratch)) / arch
            folder.mkdir(parents=True, exist_ok=True)
            wheels, missing = [], []
            for name, (version, hashes) in pinned(args.lock).items():
                wheel = download(name, version, hashes, platform, folder / name)
                if wheel is None:
                    missing.append(f"{name}=={version}")
                elif "macosx" in wheel.name:
                    wheels.append(scan_wheel(wheel))
            wheels.sort(key=lambda wheel: tuple(map(int, wheel["binaries"].split("."))), reverse=True)
            report["architectures"][arch] = {"wheels": wheels, "no_wheel": missing}
            overall = max([overall, *(tuple(map(int, wheel["binaries"].split("."))) for wheel in wheels)])
    report["minimum"] = "{}.{}".format(*overall)
    args.out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"{args.out}: macOS {report['minimum']} or later")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
