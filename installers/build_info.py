"""What a build was made from: a fingerprint of every input, written as dist/build-info.json.

    python installers/build_info.py fingerprint          print the fingerprint of the working tree
    python installers/build_info.py write --out FILE --source-date-epoch N ARTIFACT...

The fingerprint covers the sources, resources, translation sources, installer files and both lock files (not
the commit alone: a build from a changed working tree must not pass for the commit). The packaging test reuses
dist/ only when the fingerprint still matches. Plain Python, standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("desktop/askel", "resources", "i18n", "installers", "requirements.lock", "pyproject.toml", "CHANGELOG.md",
          "LICENSE")
SKIPPED_PARTS = {"__pycache__", "translations"}  # compiled .qm come from i18n/*.ts, which are hashed
SKIPPED_SUFFIXES = {".pyc", ".pyo"}


def input_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for name in INPUTS:
        path = root / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []
        for candidate in candidates:
            relative = candidate.relative_to(root)
            if not candidate.is_file() or candidate.suffix in SKIPPED_SUFFIXES:
                continue
            if SKIPPED_PARTS & set(relative.parts[:-1]):
                continue
            files.append(candidate)
    return sorted(files)


def fingerprint(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for path in input_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def git_commit(root: Path = ROOT) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write(out: Path, source_date_epoch: int, artifacts: list[Path]) -> dict:
    info = {
        "commit": git_commit(),
        "fingerprint": fingerprint(),
        "source_date_epoch": source_date_epoch,
        "python": sys.version.split()[0],
        "artifacts": {
            path.name: {"size": path.stat().st_size, "sha256": sha256_file(path)} for path in artifacts
        },
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", "utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fingerprint")
    writer = commands.add_parser("write")
    writer.add_argument("--out", type=Path, required=True)
    writer.add_argument("--source-date-epoch", type=int, required=True)
    writer.add_argument("artifacts", type=Path, nargs="*")
    args = parser.parse_args(argv)
    if args.command == "fingerprint":
        print(fingerprint())
    else:
        write(args.out, args.source_date_epoch, args.artifacts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
