"""The Linux package end to end: build the bundle and the .deb (or reuse dist/ when it was built from exactly
these sources), install the .deb into a scratch root, run the installed program, then sign a release manifest
over the artifacts and show that every kind of tampering fails verification.

Slow: a build takes two to three minutes on two cores (PyInstaller, then zstd); reusing dist/ takes seconds.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from askel import __version__, release

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installers"))
import collect_licenses  # noqa: E402
import version_scheme  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
RELEASE_SCRIPT = ROOT / "desktop" / "askel" / "release.py"
PASSPHRASE = "paketin testi tunnuslause 42"
# Qt modules the bundle must not carry (the spec keeps Core, Gui, Widgets, Svg, PrintSupport).
FOREIGN_QT = ("Qml", "Quick", "WebEngine", "Multimedia", "3D", "Pdf", "Charts", "Graphs", "Designer",
              "Bluetooth", "Positioning", "Location", "Sensors", "SerialPort", "WebSockets", "Test")


def build_info_module():
    spec = importlib.util.spec_from_file_location("build_info", ROOT / "installers" / "build_info.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def reusable(info_path: Path) -> bool:
    """dist/ holds a build of exactly these sources, untouched since."""
    if not info_path.exists() or not (DIST / "askel" / "askel").exists():
        return False
    info = json.loads(info_path.read_text("utf-8"))
    if info.get("fingerprint") != build_info_module().fingerprint():
        return False
    released = sorted(path.name for path in (DIST / "release").iterdir())
    if released != sorted(info["artifacts"]):
        return False
    artifacts = info["artifacts"].items()
    return all(sha256(DIST / "release" / name) == entry["sha256"] for name, entry in artifacts)


@pytest.fixture(scope="module")
def build() -> dict:
    for tool in ("dpkg-deb", "dpkg"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing: the .deb is built on Debian or Ubuntu")
    info_path = DIST / "build-info.json"
    if not reusable(info_path):
        done = subprocess.run(["bash", str(ROOT / "installers" / "build-linux.sh")], cwd=ROOT,
                              env={**os.environ, "PYTHON": sys.executable}, capture_output=True, text=True,
                              timeout=1500)
        assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-5000:]
    info = json.loads(info_path.read_text("utf-8"))
    info["deb"] = DIST / "release" / next(name for name in info["artifacts"] if name.endswith(".deb"))
    return info


@pytest.fixture(scope="module")
def installed(build, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(build["deb"]), str(root)], check=True, timeout=300)
    return root


@pytest.fixture
def scratch_env(tmp_path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ASKEL_")}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "ASKEL_DATA_DIR": str(tmp_path / "data"),
            "ASKEL_CONFIG_DIR": str(tmp_path / "config"), "ASKEL_LOG_DIR": str(tmp_path / "log"),
            "ASKEL_POLICY_FILE": str(tmp_path / "no-policy.json")}


def askel(installed: Path, env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([str(installed / "opt" / "askel" / "askel"), *args], env=env, capture_output=True,
                          text=True, timeout=300)
    if check:
        assert done.returncode == 0, f"askel {' '.join(args)}\n{done.stdout}\n{done.stderr}"
    return done


# -- the package --------------------------------------------------------------------------------------------
def test_the_package_describes_itself(build):
    fields = {}
    for name in ("Package", "Version", "Architecture", "Depends", "Installed-Size"):
        fields[name] = subprocess.run(["dpkg-deb", "--field", str(build["deb"]), name], capture_output=True,
                                      text=True, check=True).stdout.strip()
    assert fields["Package"] == "askel"
    assert fields["Version"] == version_scheme.dpkg(__version__)  # 0.2.0~rc1 for a pre-release
    assert fields["Architecture"] == subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                                                    text=True, check=True).stdout.strip()
    assert "libc6 (>= 2.36)" in fields["Depends"]
    assert int(fields["Installed-Size"]) > 50_000  # KiB: the whole runtime is inside


def test_the_package_is_root_owned_with_fixed_times_and_modes(build):
    epoch = build["source_date_epoch"]
    tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(build["deb"])], capture_output=True, check=True,
                         timeout=300).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        members = archive.getmembers()
    assert {(m.uid, m.gid, m.uname, m.gname) for m in members} == {(0, 0, "root", "root")}
    assert {m.mtime for m in members} == {epoch}
    assert {m.mode for m in members if m.isdir()} == {0o755}
    assert {m.mode for m in members if m.isfile()} <= {0o644, 0o755}
    link = next(m for m in members if m.name == "./usr/bin/askel")
    assert link.issym() and link.linkname == "/opt/askel/askel"
    names = {m.name for m in members}
    assert {"./opt/askel/askel", "./usr/share/applications/fi.askel.Askel.desktop",
            "./usr/share/metainfo/fi.askel.Askel.metainfo.xml",
            "./usr/share/icons/hicolor/scalable/apps/fi.askel.Askel.svg",
            "./usr/share/doc/askel/copyright", "./usr/share/doc/askel/askel-policy.schema.json"} <= names


def test_the_installed_desktop_files_validate(installed):
    desktop = installed / "usr" / "share" / "applications" / "fi.askel.Askel.desktop"
    metainfo = installed / "usr" / "share" / "metainfo" / "fi.askel.Askel.metainfo.xml"
    assert f'<release version="{__version__}"' in metainfo.read_text("utf-8")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    if shutil.which("appstreamcli"):
        subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], check=True,
                       capture_output=True)


def test_the_bundle_carries_only_what_askel_uses(installed):
    bundle = installed / "opt" / "askel" / "_internal"
    files = [path.relative_to(bundle).as_posix() for path in bundle.rglob("*")]
    qt_translations = sorted(p.name for p in (bundle / "PySide6" / "Qt" / "translations").iterdir())
    expected = sorted(f"{kind}_{lang}.qm" for kind in ("qt", "qtbase") for lang in ("en", "fi", "sv"))
    assert qt_translations == expected
    assert {"askel/translations/askel_fi.qm", "askel/translations/askel_sv.qm",
            "askel/store/migrations/env.py", "resources/protocols/ipc_adults.yaml"} <= set(files)
    assert any(name.startswith("askel/store/migrations/versions/0001") for name in files)
    for module in FOREIGN_QT:
        assert not [name for name in files if f"Qt6{module}" in name or f"Qt{module}." in name], module
    # Left to the system (see LEFT_TO_THE_SYSTEM in the spec): GTK and CUPS, and the libraries only they use.
    for library in ("libqgtk3", "libgtk-3", "libcairo", "libpango", "libcups.", "libgnutls", "libavahi"):
        assert not [name for name in files if Path(name).name.startswith(library)], library
    uses_numpy = any(re.search(r"^\s*(import|from) (numpy|pyqtgraph)\b", path.read_text("utf-8"), re.M)
                     for path in (ROOT / "desktop" / "askel").rglob("*.py"))
    if not uses_numpy:  # openpyxl would pull it in for nothing
        assert not [name for name in files if name.startswith("numpy")]
    assert not [name for name in files if "__pycache__" in name]


# -- the installed program ----------------------------------------------------------------------------------
def test_the_installed_selftest_passes_without_a_vault(installed, scratch_env):
    lines = askel(installed, scratch_env, "selftest").stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["ok   settings", "ok   translations", "ok   content",
                                                      "ok   record headings", "skip vault"]


def test_the_installed_program_creates_opens_and_backs_up_a_vault(installed, scratch_env, tmp_path):
    env = {**scratch_env, "ASKEL_PASSPHRASE": PASSPHRASE}
    askel(installed, env, "init", "--name", "Testi Hoitaja")  # SQLCipher and the Alembic migrations
    out = askel(installed, env, "selftest").stdout
    for check in ("key file", "encryption", "unlock", "database", "audit log"):
        assert f"ok   {check}" in out, out
    backup = tmp_path / "backup.db"
    askel(installed, env, "backup", "--out", str(backup))
    assert backup.stat().st_size > 0 and not backup.read_bytes().startswith(b"SQLite format 3\0")
    wrong_env = {**env, "ASKEL_PASSPHRASE": "not the passphrase at all"}
    wrong = askel(installed, wrong_env, "selftest", check=False)
    assert wrong.returncode == 1 and "FAIL unlock" in wrong.stdout


def test_the_installed_program_reads_and_locks_the_policy(installed, scratch_env, tmp_path):
    policy = tmp_path / "policy.json"
    content = {"policy": {"auto_lock_minutes": 5}, "defaults": {"language": "sv"}}
    policy.write_text(json.dumps(content), "utf-8")
    policy.chmod(0o644)
    shown = json.loads(askel(installed, {**scratch_env, "ASKEL_POLICY_FILE": str(policy)},
                             "policy", "show", "--json").stdout)
    settings = {row["key"]: row for row in shown["settings"]}
    assert settings["auto_lock_minutes"]["value"] == 5 and settings["auto_lock_minutes"]["locked"]
    assert settings["language"]["value"] == "sv" and not settings["language"]["locked"]
    assert shown["problems"] == []


def test_the_installed_gui_renders_in_finnish_and_swedish(installed, scratch_env, tmp_path):
    lines = askel(installed, scratch_env, "screenshots", "--out", str(tmp_path / "shots")).stdout.splitlines()
    out = [line.rsplit(" ", 1)[-1] for line in lines]  # "screenshot written to PATH"
    names = {Path(path).name for path in out}
    assert any(name.endswith("-fi.png") for name in names) and any(name.endswith("-sv-200.png") for name in names)
    for path in out:
        assert Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- what the release says about itself: the SBOM, the release notes, every licence (issue 15) --------------
def test_the_release_folder_has_the_sbom_and_the_release_notes(build):
    release_dir = DIST / "release"
    sbom = json.loads((release_dir / f"askel-{__version__}.cdx.json").read_text("utf-8"))
    assert sbom["bomFormat"] == "CycloneDX" and sbom["specVersion"].startswith("1.")
    assert sbom["metadata"]["component"]["name"] == "askel"
    tool_names = json.dumps(sbom["metadata"].get("tools"))
    assert "cyclonedx" in tool_names.lower()  # written by the maintained generator, not by hand
    components = {component["name"].lower().replace("_", "-"): component for component in sbom["components"]}
    for name in collect_licenses.runtime_names():
        assert name in components, name
    assert components["pyside6-essentials"]["version"] == "6.11.3"
    assert any(reference.get("hashes") for reference in components["sqlcipher3"].get("externalReferences", []))
    notes = (release_dir / f"RELEASE-NOTES-{__version__}.md").read_text("utf-8")
    assert notes.startswith(f"# Askel {__version__}") and "###" in notes


def test_the_package_carries_every_licence_the_sbom_and_the_notes(installed):
    doc = installed / "usr" / "share" / "doc" / "askel"
    assert json.loads((doc / "askel.cdx.json").read_text("utf-8"))["bomFormat"] == "CycloneDX"
    assert (doc / "RELEASE-NOTES.md").read_text("utf-8").startswith(f"# Askel {__version__}")
    assert os.readlink(doc / "licenses") == "/opt/askel/_internal/licenses"
    assert "EUPL-1.2" in (doc / "copyright").read_text("utf-8")
    licenses = installed / "opt" / "askel" / "_internal" / "licenses"
    folders = {path.name for path in licenses.iterdir()}
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (licenses / "Askel" / "LICENSE").read_text("utf-8")
    python = next(licenses.glob("Python-3.11.*"))
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in (python / "LICENSE.txt").read_text("utf-8")
    pyside = next(licenses.glob("pyside6-essentials-*"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (pyside / "LGPL-3.0.txt").read_text("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in (pyside / "GPL-3.0.txt").read_text("utf-8")
    sqlcipher = next(licenses.glob("sqlcipher3-*"))
    assert "ZETETIC" in (sqlcipher / "SQLCipher-LICENSE.txt").read_text("utf-8")
    assert "Apache License" in (sqlcipher / "OpenSSL-Apache-2.0.txt").read_text("utf-8")
    linux_only_absent = {"pywin32-ctypes", "tzdata"}  # installed on Windows only
    for name in set(collect_licenses.runtime_names()) - linux_only_absent:
        assert any(folder.startswith(f"{name}-") for folder in folders), name
    for folder in licenses.iterdir():
        assert any(path.stat().st_size > 100 for path in folder.iterdir()), folder.name


# -- the signed release manifest ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def keys():
    pem, public = release.generate_keypair()
    return release.load_private_key(pem), public


@pytest.fixture
def release_folder(build, tmp_path) -> Path:
    folder = tmp_path / "release"
    shutil.copytree(DIST / "release", folder)
    return folder


def verify(folder: Path, public: str, *extra: str) -> subprocess.CompletedProcess:
    """release.py as IT runs it: a plain Python script next to the release, askel's version given by hand."""
    return subprocess.run([sys.executable, str(RELEASE_SCRIPT), "verify", str(folder / release.MANIFEST_NAME),
                           "--public-key", public, "--installed-version", __version__, *extra],
                          capture_output=True, text=True, timeout=300)


def failed(done: subprocess.CompletedProcess) -> list[str]:
    assert done.returncode == 1, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if line.startswith("FAIL")]


def test_the_release_verifies(release_folder, keys, installed, scratch_env):
    release.create_manifest(release_folder, keys[0], __version__)
    done = verify(release_folder, keys[1])
    assert done.returncode == 0, done.stdout + done.stderr
    for name in os.listdir(release_folder):
        if name != release.MANIFEST_NAME:
            assert f"ok   {name}: {(release_folder / name).stat().st_size} bytes" in done.stdout
    # The installed program verifies it too, once `verify-release` is wired into its command line.
    if "verify-release" in askel(installed, scratch_env, "--help").stdout:
        assert askel(installed, scratch_env, "verify-release", str(release_folder), "--public-key",
                     keys[1]).returncode == 0


def test_a_changed_byte_in_any_artifact_fails(release_folder, keys):
    release.create_manifest(release_folder, keys[0], __version__)
    for artifact in sorted(p for p in release_folder.iterdir() if p.name != release.MANIFEST_NAME):
        with artifact.open("r+b") as stream:
            stream.seek(artifact.stat().st_size // 2)
            byte = stream.read(1)
            stream.seek(-1, os.SEEK_CUR)
            stream.write(bytes([byte[0] ^ 0x01]))
        assert failed(verify(release_folder, keys[1])) == [
            f"FAIL {artifact.name}: content differs from the manifest (SHA-256)"]
        with artifact.open("r+b") as stream:  # put it back for the next artifact
            stream.seek(artifact.stat().st_size // 2)
            stream.write(byte)
    assert verify(release_folder, keys[1]).returncode == 0


def test_a_missing_artifact_fails(release_folder, keys):
    release.create_manifest(release_folder, keys[0], __version__)
    deb = next(release_folder.glob("*.deb"))
    deb.unlink()
    assert failed(verify(release_folder, keys[1])) == [f"FAIL {deb.name}: missing"]


def test_an_extra_file_fails(release_folder, keys):
    release.create_manifest(release_folder, keys[0], __version__)
    (release_folder / "askel_0.0.9_amd64.deb").write_bytes(b"an old build left behind")
    assert failed(verify(release_folder, keys[1])) == [
        "FAIL askel_0.0.9_amd64.deb: extra file: not listed in the manifest"]


def test_a_bad_signature_fails(release_folder, keys):
    manifest = release.create_manifest(release_folder, keys[0], __version__)
    data = json.loads(manifest.read_text("utf-8"))
    data["artifacts"][0]["size"] += 1  # any edit after signing
    manifest.write_text(json.dumps(data, indent=2), "utf-8")
    assert [line.split(":")[0] for line in failed(verify(release_folder, keys[1]))] == ["FAIL signature"]
    _, other_public = release.generate_keypair()  # and a key the release was not signed with
    release.create_manifest(release_folder, keys[0], __version__)
    assert [line.split(":")[0] for line in failed(verify(release_folder, other_public))] == ["FAIL signature"]


def test_an_older_version_than_the_installed_fails(release_folder, keys):
    release.create_manifest(release_folder, keys[0], "0.0.1")
    assert failed(verify(release_folder, keys[1])) == [
        f"FAIL version: 0.0.1 is older than the installed {__version__}"]
    assert verify(release_folder, keys[1], "--allow-downgrade").returncode == 0
