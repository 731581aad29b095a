"""One version scheme that every installer sorts the same way, and the macOS minimum the pinned wheels need.

Issue 15, items 4 and 6: `0.2.0rc1` broke the MSI ProductVersion and sorted after `0.2.0` in dpkg; the macOS
minimum was claimed as 12 while the pinned PySide6 wheels need more.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from functools import cmp_to_key
from pathlib import Path

import pytest
from packaging.version import Version

from askel import __version__, release

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers"))
import version_scheme  # noqa: E402

# In the order of release, oldest first.
RELEASES = ["0.1.0", "0.1.1", "0.2.0a1", "0.2.0a2", "0.2.0b1", "0.2.0rc1", "0.2.0rc2", "0.2.0", "0.2.1rc1",
            "0.2.1", "0.2.10", "0.10.0", "1.0.0rc1", "1.0.0", "1.0.64"]


def dpkg_compare(left: str, right: str) -> int:
    if subprocess.run(["dpkg", "--compare-versions", left, "lt", right]).returncode == 0:
        return -1
    return 0 if subprocess.run(["dpkg", "--compare-versions", left, "eq", right]).returncode == 0 else 1


def numbers(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_the_release_order_is_pep_440_order():
    assert sorted(RELEASES, key=Version) == RELEASES
    assert sorted(RELEASES, key=release.parse_version) == RELEASES  # what verify-release compares


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="dpkg is not installed")
def test_dpkg_sorts_the_debian_versions_in_release_order():
    debian = [version_scheme.dpkg(version) for version in RELEASES]
    assert debian[5] == "0.2.0~rc1"
    assert sorted(debian, key=cmp_to_key(dpkg_compare)) == debian
    assert dpkg_compare("0.2.0~rc1", "0.2.0") == -1  # the evaluator's case


def test_windows_installer_sorts_the_product_versions_in_release_order():
    msi = [version_scheme.numeric(version) for version in RELEASES]
    # Windows Installer compares the first three fields as numbers: at most 255.255.65535.
    for text in msi:
        major, minor, build = numbers(text)
        assert major <= 255 and minor <= 255 and build <= 65535, text
    assert sorted(msi, key=numbers) == msi and len(set(msi)) == len(msi)
    assert version_scheme.numeric("0.2.0rc1") == "0.2.301" and version_scheme.numeric("0.2.0") == "0.2.999"


def test_the_macos_package_and_bundle_versions_sort_in_release_order():
    apple = [version_scheme.FORMS["apple"](version) for version in RELEASES]
    assert sorted(apple, key=numbers) == apple


@pytest.mark.parametrize("bad", ["0.2", "0.2.0.1", "0.2.0-rc1", "0.2.0rc", "0.2.0rc100", "0.2.0dev1", "256.0.0",
                                 "0.2.65", "v0.2.0", "0.02.0"])
def test_versions_outside_the_scheme_are_refused(bad):
    with pytest.raises(ValueError):
        version_scheme.parse(bad)


def test_askel_has_one_version_and_it_fits_the_scheme():
    version_scheme.parse(__version__)
    assert version_scheme.askel_version() == __version__
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'version = {attr = "askel.__version__"}' in pyproject
    assert not re.search(r'^version = "', pyproject, re.M)


def test_every_package_format_takes_its_version_from_the_scheme():
    installers = ROOT / "installers"
    assert "version_scheme.py dpkg" in (installers / "build-linux.sh").read_text("utf-8")
    assert "version_scheme.py\" msi" in (installers / "windows" / "build-msi.sh").read_text("utf-8")
    assert 'Version=$msi_version' in (installers / "windows" / "build-msi.sh").read_text("utf-8")
    spec = (installers / "askel.spec").read_text("utf-8")
    assert '"CFBundleVersion": NUMERIC_VERSION' in spec and "version_scheme.numeric(VERSION)" in spec
    assert "Print :CFBundleVersion" in (installers / "macos" / "build-pkg.sh").read_text("utf-8")


# -- the macOS minimum ------------------------------------------------------------------------------------------
def minimum_report() -> dict:
    return json.loads((ROOT / "installers" / "macos" / "minimum-macos.json").read_text("utf-8"))


def test_the_macos_minimum_comes_from_the_pinned_wheels():
    """minimum-macos.json is read from the binaries of exactly the pinned files (make lock refreshes it)."""
    report = minimum_report()
    runtime_lock = (ROOT / "installers" / "requirements-runtime.lock").read_text("utf-8")
    pinned_hashes = set(re.findall(r"--hash=sha256:([0-9a-f]{64})", runtime_lock))
    highest = (0, 0)
    for architecture in ("arm64", "x86_64"):
        wheels = report["architectures"][architecture]["wheels"]
        assert any(wheel["wheel"].startswith("pyside6_essentials-") for wheel in wheels)
        for wheel in wheels:
            assert wheel["sha256"] in pinned_hashes, f"{wheel['wheel']} is not pinned: run make lock"
            highest = max(highest, numbers(wheel["binaries"]), numbers(wheel["tag"]))
    assert report["minimum"] == "{}.{}".format(*highest)
    qt = next(wheel for wheel in report["architectures"]["arm64"]["wheels"]
              if wheel["wheel"].startswith("pyside6_essentials-"))
    assert numbers(report["minimum"]) >= numbers(qt["binaries"]) >= numbers(qt["tag"])


def test_the_bundle_the_package_and_the_guide_state_that_minimum():
    minimum = minimum_report()["minimum"]
    spec = (ROOT / "installers" / "askel.spec").read_text("utf-8")
    assert '"LSMinimumSystemVersion": MINIMUM_MACOS' in spec and "minimum-macos.json" in spec
    distribution = (ROOT / "installers" / "macos" / "distribution.xml.in").read_text("utf-8")
    assert '<os-version min="@MINIMUM_MACOS@"/>' in distribution
    assert "Print :LSMinimumSystemVersion" in (ROOT / "installers" / "macos" / "build-pkg.sh").read_text("utf-8")
    guide = (ROOT / "docs" / "it-deployment.md").read_text("utf-8")
    assert f"macOS {minimum.removesuffix('.0')} or later" in guide
    assert not re.search(r"macOS 1[0-4] or later", guide)
