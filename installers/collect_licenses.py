"""Every licence text of what the bundle contains, into one folder: the bundle's and the packages' `licenses/`.

    .venv-package/bin/python installers/collect_licenses.py --out build/licenses

Run with the packaging venv's Python: it reads the installed distributions of every package in
installers/requirements-runtime.lock (those this platform installs) and copies the licence files their wheels
carry (`*.dist-info/licenses/…`, `LICENSE*`, `COPYING*`, `NOTICE*`, `AUTHORS*`), adds the texts in
installers/licenses/ that some wheels leave out (Qt's LGPL, SQLCipher, OpenSSL…), Python's own licence (the
interpreter is in the bundle) and Askel's (EUPL-1.2). Fails when a component ends up with no licence text.

    licenses/
      Askel/LICENSE                         EUPL-1.2
      Python-3.11.x/LICENSE.txt             the PSF licence and the notices of what CPython includes
      pyside6-essentials-6.11.3/LGPL-3.0.txt, GPL-3.0.txt, NOTICE.txt
      …one folder per component: NAME-VERSION/
"""

from __future__ import annotations

import argparse
import importlib.metadata
import platform
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_LOCK = ROOT / "installers" / "requirements-runtime.lock"
EXTRA = ROOT / "installers" / "licenses"
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.I)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_names(lock: Path = RUNTIME_LOCK) -> list[str]:
    return [normalise(match) for match in re.findall(r"^([A-Za-z0-9_.-]+)==", lock.read_text("utf-8"), re.M)]


def licence_files(distribution: importlib.metadata.Distribution) -> list[Path]:
    found = []
    for entry in distribution.files or []:
        parts = entry.parts
        if parts and parts[0].endswith(".dist-info") and _LICENCE_FILE.search("/".join(parts[1:])):
            found.append(Path(distribution.locate_file(entry)))
    return sorted(path for path in found if path.is_file())


def python_licence() -> Path:
    for candidate in (Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
                      / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"collect_licenses: no LICENSE.txt in {sys.base_prefix}")


def collect(out: Path) -> dict[str, list[str]]:
    """Write the folder; returns {component folder: [file names]}."""
    if out.exists():
        shutil.rmtree(out)
    written: dict[str, list[str]] = {}

    def put(folder: str, source: Path, name: str | None = None) -> None:
        target = out / folder / (name or source.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.setdefault(folder, []).append(target.name)

    put("Askel", ROOT / "LICENSE")
    put(f"Python-{platform.python_version()}", python_licence())
    installed = {normalise(dist.metadata["Name"]): dist for dist in importlib.metadata.distributions()}
    for name in runtime_names():
        distribution = installed.get(name)
        if distribution is None:
            continue  # for another platform (pywin32-ctypes on Linux, jeepney on Windows…)
        folder = f"{name}-{distribution.version}"
        for path in licence_files(distribution):
            relative = path.relative_to(Path(distribution.locate_file("")).resolve()) if path.is_absolute() else path
            put(folder, path, "_".join(relative.parts[1:]).removeprefix("licenses_") or path.name)
        for path in sorted((EXTRA / name).glob("*")) if (EXTRA / name).is_dir() else []:
            put(folder, path)
        if folder not in written:
            raise SystemExit(f"collect_licenses: {folder} has no licence text: add one to installers/licenses/{name}/")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    written = collect(args.out)
    print(f"{args.out}: licence texts of {len(written)} components")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
