"""A release cannot skip its safeguards (issue 15, item 5).

Before: signing without a timestamp only warned; CI signed tag builds with a throwaway certificate when the
secrets were missing; nothing stopped a release that pins the development release key; the notarization and
PKCS#12 passwords went on command lines. A release build is one with ASKEL_RELEASE=1 (the workflows set it for
tags v*); every test here runs a real script the way a release would and checks that it refuses, changing nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from askel import release

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
needs_signing_tools = pytest.mark.skipif(shutil.which("osslsigncode") is None or shutil.which("openssl") is None,
                                         reason="osslsigncode and openssl (Debian: osslsigncode, openssl)")


def run(*command, env=None, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def throwaway(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cert")
    assert run("bash", INSTALLERS / "windows" / "make-test-cert.sh", folder).returncode == 0
    return folder


@pytest.fixture
def exe(tmp_path) -> Path:
    """A file to sign: any PE file will do for osslsigncode; a copy of nothing signs as a refusal anyway."""
    path = tmp_path / "Askel.exe"
    path.write_bytes(b"MZ" + bytes(510))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@needs_signing_tools
def test_a_release_is_never_signed_without_a_timestamp(throwaway, exe):
    before = digest(exe)
    done = run("bash", INSTALLERS / "windows" / "sign-osslsigncode.sh", "--pkcs12", throwaway / "cert.p12",
               "--pass-file", throwaway / "pass.txt", exe, env={"ASKEL_RELEASE": "1", "ASKEL_TIMESTAMP_URL": ""})
    assert done.returncode == 1
    assert "refused for a release" in done.stderr and "--timestamp" in done.stderr
    assert digest(exe) == before and sorted(p.name for p in exe.parent.iterdir()) == ["Askel.exe"]


@needs_signing_tools
def test_a_release_is_never_signed_with_a_throwaway_certificate(throwaway, exe):
    before = digest(exe)
    done = run("bash", INSTALLERS / "windows" / "sign-osslsigncode.sh", "--pkcs12", throwaway / "cert.p12",
               "--pass-file", throwaway / "pass.txt", "--timestamp", "http://127.0.0.1:9/never-reached", exe,
               env={"ASKEL_RELEASE": "1"})
    assert done.returncode == 1
    assert "refused for a release" in done.stderr and "self-signed" in done.stderr
    assert digest(exe) == before


def test_ci_refuses_a_tag_build_without_the_release_certificate(tmp_path):
    env = {"ASKEL_RELEASE": "1", "WINDOWS_SIGNING_P12_BASE64": "", "WINDOWS_SIGNING_P12_PASSWORD": ""}
    done = run("bash", INSTALLERS / "windows" / "ci-msi.sh", tmp_path / "bundle", tmp_path / "askel.ico",
               tmp_path / "out", env=env)
    assert done.returncode == 1
    assert "refused for a release" in done.stderr and "throwaway" in done.stderr
    assert not (tmp_path / "out" / "test-signing-cert.cer").exists()


def test_a_test_build_still_signs_with_a_throwaway_certificate_and_says_so(tmp_path):
    """Pull requests exercise the signing path: only the warning differs (the MSI tests build one this way)."""
    source = (INSTALLERS / "windows" / "ci-msi.sh").read_text("utf-8")
    assert 'shortcut ci-msi "no release certificate configured' in source
    helper = run("bash", "-c", f'. "{INSTALLERS / "release-mode.sh"}"; shortcut x "a shortcut"; echo went on',
                 env={"ASKEL_RELEASE": ""})
    assert helper.returncode == 0 and "went on" in helper.stdout and "a release refuses this" in helper.stderr


def test_the_development_release_key_is_refused_for_a_release():
    assert release.PINNED_PUBLIC_KEY == release.DEVELOPMENT_PUBLIC_KEY  # this repository pins the development key
    done = run(sys.executable, ROOT / "desktop" / "askel" / "release.py", "check-build")
    assert done.returncode == 1 and "development release key" in done.stderr
    assert release.release_build_problems(pinned=release.generate_keypair()[1]) == []
    linux = run("bash", INSTALLERS / "build-linux.sh", env={"ASKEL_RELEASE": "1"})
    assert linux.returncode == 1 and "refused for a release" in linux.stderr
    assert "packaging venv" not in linux.stdout  # stopped before building anything


def test_release_sign_refuses_the_development_key_and_a_key_askel_does_not_pin(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "askel_0.2.0_amd64.deb").write_bytes(b"deb")
    pem, public = release.generate_keypair()
    key = tmp_path / "key.pem"
    key.write_bytes(pem)
    monkeypatch.setenv("ASKEL_RELEASE", "1")
    assert release.main(["sign", str(folder), "--key", str(key), "--version", "0.2.0"]) == 1
    assert "development release key" in capsys.readouterr().err
    monkeypatch.setattr(release, "PINNED_PUBLIC_KEY", release.generate_keypair()[1])  # a production key...
    assert release.main(["sign", str(folder), "--key", str(key), "--version", "0.2.0"]) == 1  # ...but not this one
    assert "not the release key this Askel pins" in capsys.readouterr().err
    assert not (folder / release.MANIFEST_NAME).exists()
    monkeypatch.setattr(release, "PINNED_PUBLIC_KEY", public)
    assert release.main(["sign", str(folder), "--key", str(key), "--version", "0.2.0"]) == 0


def test_the_macos_scripts_refuse_ad_hoc_signing_and_unsigned_packages_for_a_release():
    for script, words in (("sign-macos.sh", "shortcut sign-macos \"signing ad hoc"),
                          ("build-pkg.sh", "shortcut build-pkg \"no installer identity")):
        assert words in (INSTALLERS / "macos" / script).read_text("utf-8")
    workflow = (ROOT / ".ci" / "workflows" / "macos.yml").read_text("utf-8")
    assert "ASKEL_RELEASE: ${{ startsWith(github.ref, 'refs/tags/v') && '1' || '' }}" in workflow
    assert workflow.count("if: env.NOTARY_API_KEY_BASE64 != '' || env.ASKEL_RELEASE == '1'") == 2
    assert "ASKEL_RELEASE: ${{ startsWith(github.ref, 'refs/tags/v')" in (
        ROOT / ".ci" / "workflows" / "windows.yml").read_text("utf-8")
    signtool = (INSTALLERS / "windows" / "sign-signtool.ps1").read_text("utf-8")
    assert 'elseif ($env:ASKEL_RELEASE -eq "1")' in signtool


SECRETS = ("WINDOWS_SIGNING_P12_PASSWORD", "MACOS_CERTIFICATES_P12_PASSWORD", "ASKEL_NOTARY_PASSWORD",
           "ASKEL_PFX_PASSWORD", "ASKEL_RELEASE_KEY_PASSPHRASE")
# How a script may touch a secret without putting it on a command line: shell builtins writing it to a file,
# a check that it is set, openssl reading it from the environment itself, the workflow handing it over.
ALLOWED = (r"printf '%s' \"\$\{\w+:-\}\" >", r'^: "\$\{\w+:\?\}"$', r"env:\w+", r"\$\{\{ secrets\.\w+ \}\}",
           r"^#", r"GetEnvironmentVariable", r"^\s*\[string\]\$\w+ = \"\w+\"")


def test_no_secret_goes_on_a_command_line():
    offenders = []
    for path in [*INSTALLERS.rglob("*.sh"), *INSTALLERS.rglob("*.ps1"), *(ROOT / ".ci").rglob("*.yml")]:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if any(secret in line for secret in SECRETS) and not any(re.search(p, line.strip()) for p in ALLOWED):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
    text = {path.name: path.read_text("utf-8") for path in INSTALLERS.rglob("*") if path.suffix in (".sh", ".ps1")}
    assert "--password" not in text["notarize-macos.sh"]  # notarytool's Apple ID password: command line only
    assert '"/p"' not in text["sign-signtool.ps1"]  # signtool's PFX password: command line only
    assert "-readpass" in text["sign-osslsigncode.sh"]  # osslsigncode reads it from a file
    assert "-P \"\"" in text["ci-keychain.sh"] and '-P "${' not in text["ci-keychain.sh"]
