"""`make run` on a fresh Debian desktop: Qt's missing xcb libraries are installed or named (issue 15, item 10)."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "installers" / "linux" / "qt_system_libs.py"
spec = importlib.util.spec_from_file_location("qt_system_libs", SCRIPT)
qt_system_libs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(qt_system_libs)

# What ldd printed for libqxcb.so on a bare Debian 12 desktop without the xcb extras (the evaluator's machine).
BARE_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd6b3f5000)
\tlibQt6XcbQpa.so.6 => /x/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f3c)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f3b)
"""


def test_the_missing_libraries_are_read_from_ldd_and_mapped_to_packages():
    missing = qt_system_libs.missing_libraries([BARE_DEBIAN, "\tlibxcb-keysyms.so.1 => not found\n"])
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert qt_system_libs.packages_for(missing) == (["libxcb-icccm4", "libxcb-keysyms1"], [])
    # Ubuntu 24.04 renamed some libraries' packages (t64): the name apt knows is used.
    ubuntu = {"libglib2.0-0t64"}
    assert qt_system_libs.packages_for(["libglib-2.0.so.0"], ubuntu.__contains__) == (["libglib2.0-0t64"], [])
    assert qt_system_libs.packages_for(["libweird.so.9"]) == ([], ["libweird.so.9"])


@pytest.fixture
def bare_desktop(monkeypatch, tmp_path):
    """This machine as a bare Debian desktop: the xcb plugin's ldd says two libraries are missing."""
    qt = tmp_path / "Qt"
    (qt / "plugins" / "platforms").mkdir(parents=True)
    (qt / "plugins" / "platforms" / "libqxcb.so").write_bytes(b"")
    monkeypatch.setattr(qt_system_libs, "qt_folder", lambda: qt)
    monkeypatch.setattr(qt_system_libs, "ldd", lambda path: BARE_DEBIAN)
    monkeypatch.setattr(qt_system_libs, "apt_knows", lambda package: True)
    monkeypatch.setattr(qt_system_libs.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    commands = []
    monkeypatch.setattr(qt_system_libs.subprocess, "run",
                        lambda command, **kwargs: commands.append(command) or subprocess.CompletedProcess(command, 0))
    return commands


def test_a_user_gets_the_one_install_line(bare_desktop, monkeypatch, capsys):
    monkeypatch.setattr(qt_system_libs.os, "geteuid", lambda: 1000)
    assert qt_system_libs.main() == 1
    err = capsys.readouterr().err
    assert "  sudo apt-get install -y --no-install-recommends libxcb-icccm4 libxcb-keysyms1\n" in err
    assert bare_desktop == []  # nothing was run


def test_root_installs_them(bare_desktop, monkeypatch):
    monkeypatch.setattr(qt_system_libs.os, "geteuid", lambda: 0)
    assert qt_system_libs.main() == 0
    assert bare_desktop == [["apt-get", "install", "-y", "--no-install-recommends", "libxcb-icccm4", "libxcb-keysyms1"]]


def test_nothing_is_done_offscreen_or_when_nothing_is_missing(bare_desktop, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert qt_system_libs.main() == 0
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(qt_system_libs, "ldd", lambda path: "\tlibxcb.so.1 => /lib/libxcb.so.1 (0x1)\n")
    assert qt_system_libs.main() == 0 and bare_desktop == []


def test_make_run_checks_before_it_compiles_the_translations_and_starts_askel():
    makefile = (SCRIPT.parents[2] / "Makefile").read_text("utf-8")
    assert "\nrun: $(STAMP) qt-system-libs i18n\n" in makefile  # lrelease needs Qt's libraries too
    assert "\nqt-system-libs: $(STAMP)\n\t$(PY) installers/linux/qt_system_libs.py\n" in makefile
