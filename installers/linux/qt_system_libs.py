"""Before `make run` on Linux: the system libraries Qt and its window plugin (xcb) need, installed or named.

    .venv/bin/python installers/linux/qt_system_libs.py

The PySide6 wheel carries Qt but not the X11/xcb libraries of the desktop it runs on, and a fresh Debian or
Ubuntu desktop lacks some of them (libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0…); Qt then aborts with
"Could not load the Qt platform plugin xcb". This asks the dynamic loader (`ldd`) which libraries of the xcb
plugin and Qt's libraries cannot be found, maps them to Debian packages, and then:
  - nothing missing: exits 0 silently;
  - run as root with apt-get: installs them (apt-get install, after apt-get update if needed), exits 0;
  - otherwise: prints the one `sudo apt-get install …` line that installs them, exits 1.
Nothing to do off Linux, or when QT_QPA_PLATFORM names another plugin (offscreen, wayland…).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Library file (soname) → Debian package, for everything Qt's GUI and xcb plugin link against.
PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.M)


def qt_folder() -> Path | None:
    spec = importlib.util.find_spec("PySide6")  # found without importing Qt itself
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def missing_libraries(ldd_outputs: list[str]) -> list[str]:
    return sorted({name for output in ldd_outputs for name in _NOT_FOUND.findall(output)})


def packages_for(libraries: list[str], available=None) -> tuple[list[str], list[str]]:
    """(Debian packages, libraries with no known package). Ubuntu 24.04 renamed some packages with a `t64`
    suffix: when `available(name)` says the plain name does not exist, the t64 name is used."""
    packages, unknown = [], []
    for library in libraries:
        package = PACKAGES.get(library)
        if package is None:
            unknown.append(library)
            continue
        if available is not None and not available(package) and available(package + "t64"):
            package += "t64"
        if package not in packages:
            packages.append(package)
    return packages, unknown


def apt_knows(package: str) -> bool:
    done = subprocess.run(["apt-cache", "show", "--no-all-versions", package], capture_output=True, text=True)
    return done.returncode == 0 and bool(done.stdout.strip())


def ldd(path: Path) -> str:
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout


def main() -> int:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "xcb") not in ("", "xcb"):
        return 0
    qt = qt_folder()
    if qt is None or shutil.which("ldd") is None:
        return 0
    # The xcb plugin and the libraries it loads, and QtCore, which lrelease (make i18n) needs before anything.
    binaries = [qt / "plugins" / "platforms" / "libqxcb.so"]
    for library in ("libQt6XcbQpa", "libQt6Gui", "libQt6Core"):
        binaries += sorted((qt / "lib").glob(f"{library}.so*"))[:1]
    missing = missing_libraries([ldd(path) for path in binaries if path.exists()])
    if not missing:
        return 0
    apt = shutil.which("apt-get") is not None and shutil.which("apt-cache") is not None
    packages, unknown = packages_for(missing, apt_knows if apt else None)
    print(f"Qt's window system plugin (xcb) needs system libraries that are missing: {', '.join(missing)}",
          file=sys.stderr)
    if unknown or not apt:
        print("Install the packages that provide them with your system's package manager.", file=sys.stderr)
        return 1
    line = "apt-get install -y --no-install-recommends " + " ".join(packages)
    if os.geteuid() != 0:
        print(f"Install them with:\n  sudo {line}", file=sys.stderr)
        return 1
    print(f"installing: {' '.join(packages)}", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(line.split(), env=env).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env)
        if subprocess.run(line.split(), env=env).returncode != 0:
            print(f"apt-get could not install them; try by hand:\n  {line}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
