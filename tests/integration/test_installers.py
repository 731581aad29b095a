"""The installer sources: scripts lint-clean, workflows complete, WiX/AppStream/desktop files valid, the
MSI and its Authenticode signature built for real from a stand-in bundle (wixl, osslsigncode), the IT guide
in step with the settings registry.

The tools come from Debian: shellcheck, desktop-file-utils, appstream, wixl, msitools, osslsigncode, faketime
(and softhsm2 with libengine-pkcs11-openssl for the HSM path). A test whose tool is missing is skipped and
says which package to install.
"""

from __future__ import annotations

import json
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
WORKFLOWS = ROOT / ".ci" / "workflows"
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
UPGRADE_CODE = "5B3E0F4C-7A1D-4C8E-9B62-2F6A1D0C9E47"


def need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt-get install {package})")
    return path


def run(*command, cwd=None, env=None, timeout=300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


def shell_scripts() -> list[Path]:
    return sorted([*INSTALLERS.rglob("*.sh"), *(ROOT / ".ci").rglob("*.sh")])


# -- shell scripts ------------------------------------------------------------------------------------------
def test_there_are_shell_scripts_to_check():
    names = {path.relative_to(ROOT).as_posix() for path in shell_scripts()}
    assert {"installers/build-linux.sh", "installers/windows/build-msi.sh",
            "installers/windows/sign-osslsigncode.sh", "installers/macos/sign-macos.sh"} <= names


def test_every_shell_script_is_shellcheck_clean():
    shellcheck = need("shellcheck", "shellcheck")
    done = subprocess.run([shellcheck, "--severity=style", *map(str, shell_scripts())], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_shell_script_is_strict_bash():
    for path in shell_scripts():
        lines = path.read_text("utf-8").splitlines()
        assert lines[0] == "#!/usr/bin/env bash", path
        assert "set -euo pipefail" in lines, f"{path} does not stop on the first error"


# -- workflows ----------------------------------------------------------------------------------------------
def load_workflow(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    return workflow


def referenced_scripts(workflow: dict) -> set[str]:
    text = json.dumps(workflow)
    return set(re.findall(r"installers/[\w./-]+\.(?:sh|ps1|py)", text.replace("\\\\", "/")))


@pytest.mark.parametrize("name, runners, scripts", [
    ("windows.yml", {"windows-2022", "ubuntu-24.04"}, {
        "installers/windows/build-bundle.ps1", "installers/windows/ci-msi.sh",
        "installers/windows/test-msi.ps1",
    }),
    ("macos.yml", {"${{ matrix.runner }}"}, {
        "installers/macos/build-macos.sh", "installers/macos/ci-keychain.sh",
        "installers/macos/sign-macos.sh", "installers/macos/notarize-macos.sh",
        "installers/macos/build-pkg.sh", "installers/macos/test-pkg.sh",
    }),
])
def test_workflows_are_complete_and_name_scripts_that_exist(name, runners, scripts):
    workflow = load_workflow(name)
    assert workflow["name"] and workflow["on"] and workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert {job["runs-on"] for job in jobs.values()} == runners
    for job_name, job in jobs.items():
        assert job["steps"], job_name
        assert job.get("timeout-minutes"), f"{job_name} has no time limit"
        for need_name in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert need_name in jobs, f"{job_name} needs the unknown job {need_name}"
        for step in job["steps"]:
            assert "uses" in step or "run" in step, step
            if "uses" in step:
                assert re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), step["uses"]
    found = referenced_scripts(workflow)
    assert scripts <= found, f"{name} does not run {scripts - found}"
    for script in found:
        assert (ROOT / script).is_file(), f"{name} runs {script}, which does not exist"


def test_the_windows_workflow_builds_signs_and_tests_in_order():
    jobs = load_workflow("windows.yml")["jobs"]
    assert jobs["msi"]["needs"] == "bundle" and jobs["test"]["needs"] == "msi"
    uploaded = jobs["bundle"]["steps"][-1]["with"]
    assert uploaded["name"] == "windows-bundle" and "dist/askel" in uploaded["path"]


def test_the_macos_workflow_notarizes_only_with_credentials_and_always_tests():
    steps = load_workflow("macos.yml")["jobs"]["app"]["steps"]
    steps = {step["name"]: step for step in steps if "name" in step}
    assert steps["Notarize and staple the app"]["if"] == "env.NOTARY_API_KEY_BASE64 != '' || env.ASKEL_RELEASE == '1'"
    assert "if" not in steps["Install, selftest, uninstall as an MDM would"]
    assert "--require-notarized" in steps["Install, selftest, uninstall as an MDM would"]["run"]


# -- Windows: WiX source, file list, MSI, Authenticode ------------------------------------------------------
def test_the_wix_source_is_a_per_machine_upgradable_product():
    root = ET.parse(INSTALLERS / "windows" / "askel.wxs").getroot()
    product = root.find(f"{WIX}Product")
    assert product.get("UpgradeCode") == UPGRADE_CODE
    assert product.find(f"{WIX}Package").get("InstallScope") == "perMachine"
    assert product.find(f"{WIX}MajorUpgrade").get("DowngradeErrorMessage")
    program_files = root.find(f".//{WIX}Directory[@Id='ProgramFiles64Folder']")
    assert program_files.find(f"{WIX}Directory").get("Id") == "INSTALLDIR"
    copy = root.find(f".//{WIX}CopyFile")
    assert (copy.get("SourceProperty"), copy.get("DestinationName")) == ("POLICYFILE", "policy.json")
    assert root.find(f".//{WIX}PermissionEx").get("Sddl").startswith("D:P")
    assert root.find(f".//{WIX}ComponentGroupRef").get("Id") == "CG.Bundle"
    # The GUID the file list and the build script derive their ids from is the same UpgradeCode.
    for helper in ("wxs_files.py", "build-msi.sh"):
        assert UPGRADE_CODE in (INSTALLERS / "windows" / helper).read_text("utf-8"), helper


def stand_in_bundle(folder: Path) -> Path:
    """A Windows bundle's shape: two real PE executables (pip's launcher stubs) and nested data files."""
    import pip

    stub = Path(pip.__file__).parent / "_vendor" / "distlib" / "t64.exe"
    bundle = folder / "askel"
    (bundle / "_internal" / "PySide6" / "translations").mkdir(parents=True)
    shutil.copy(stub, bundle / "Askel.exe")
    shutil.copy(stub, bundle / "askel-cli.exe")
    (bundle / "_internal" / "base_library.zip").write_bytes(os.urandom(2048))
    (bundle / "_internal" / "PySide6" / "translations" / "qtbase_fi.qm").write_bytes(b"qm" * 100)
    (bundle / "_internal" / "resources").mkdir()
    (bundle / "_internal" / "resources" / "a file with spaces.yaml").write_text("x: 1\n", "utf-8")
    return bundle


def test_the_file_list_is_deterministic_and_complete(tmp_path):
    sys.path.insert(0, str(INSTALLERS / "windows"))
    try:
        import wxs_files
    finally:
        sys.path.pop(0)
    bundle = stand_in_bundle(tmp_path)
    text = wxs_files.fragment(bundle)
    assert text == wxs_files.fragment(bundle)
    root = ET.fromstring(text)
    files = [element.get("Source") for element in root.iter(f"{WIX}File")]
    expected = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert files == [f"$(var.SourceDir)/{name}" for name in expected]
    defined = [element.get("Id") for tag in ("Directory", "Component", "File")
               for element in root.iter(WIX + tag)]
    assert all(len(i) <= 72 and re.fullmatch(r"[A-Za-z_][\w.]*", i) for i in defined)
    assert len(defined) == len(set(defined))
    refs = {element.get("Id") for element in root.iter(f"{WIX}ComponentRef")}
    assert refs == {element.get("Id") for element in root.iter(f"{WIX}Component")}


@pytest.fixture(scope="module")
def icon(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    run(sys.executable, INSTALLERS / "make_icons.py", "--out", out,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return out / "askel.ico"


def test_the_icons_are_rendered_from_the_svg(icon):
    ico = icon.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 7)
    assert ico[6] == 16 and ico[6 + 16 * 6] == 0  # 16 px first, 256 px (stored as 0) last
    icns = (icon.parent / "askel.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns  # 1024 px for Retina
    assert (icon.parent / "askel-256.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def msi_table(msi: Path, table: str) -> list[list[str]]:
    text = run("msiinfo", "export", msi, table).stdout
    return [line.split("\t") for line in text.splitlines()[3:]]


@pytest.fixture(scope="module")
def built_msi(tmp_path_factory, icon) -> tuple[Path, Path]:
    need("wixl", "wixl")
    need("msibuild", "msitools")
    folder = tmp_path_factory.mktemp("msi")
    bundle = stand_in_bundle(folder)
    msi = folder / "out" / "askel-9.8.7-x64.msi"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    run("bash", INSTALLERS / "windows" / "build-msi.sh", "--bundle", bundle, "--icon", icon, "--out", msi,
        "--version", "9.8.7", env=env)
    return msi, bundle


@pytest.mark.slow
def test_wixl_builds_a_per_machine_msi_with_policy_copy_and_acl(built_msi):
    msi, bundle = built_msi
    properties = dict(row[:2] for row in msi_table(msi, "Property"))
    assert properties["ProductVersion"] == "9.8.7999"  # installers/version_scheme.py: 7 * 1000 + 999
    assert properties["UpgradeCode"] == "{" + UPGRADE_CODE + "}"
    assert properties["ALLUSERS"] == "1"
    assert {"POLICYFILE", "INSTALLDIR"} <= set(properties["SecureCustomProperties"].split(";"))
    installed = {row[2] for row in msi_table(msi, "File")}
    assert installed == {p.name for p in bundle.rglob("*") if p.is_file()}
    assert msi_table(msi, "MoveFile") == [["CopyPolicyFile", "PolicyFolder", "", "policy.json", "POLICYFILE",
                                           "POLICYDIR", "0"]]
    acl = msi_table(msi, "MsiLockPermissionsEx")
    assert acl[0][:3] == ["PolicyFolderAcl", "POLICYDIR", "CreateFolder"]
    assert "(A;OICI;0x1200a9;;;BU)" in acl[0][3] and ";BU)" not in acl[0][3].replace("0x1200a9;;;BU)", "")
    sequence = {row[0]: int(row[2]) for row in msi_table(msi, "InstallExecuteSequence")}
    assert sequence["CreateFolders"] < sequence["MoveFiles"] < sequence["InstallFiles"]
    assert "RemoveExistingProducts" in sequence  # the major upgrade
    shortcut = msi_table(msi, "Shortcut")[0]
    assert shortcut[2].endswith("Askel") and shortcut[4] == "[INSTALLDIR]Askel.exe"
    summary = run("msiinfo", "suminfo", msi).stdout
    assert "Template: x64;1033" in summary


@pytest.mark.slow
def test_the_msi_is_reproducible(built_msi, icon, tmp_path):
    need("faketime", "faketime")
    msi, bundle = built_msi
    again = tmp_path / "again.msi"
    run("bash", INSTALLERS / "windows" / "build-msi.sh", "--bundle", bundle, "--icon", icon, "--out", again,
        "--version", "9.8.7", env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})
    assert again.read_bytes() == msi.read_bytes()


@pytest.fixture(scope="module")
def test_certificate(tmp_path_factory) -> Path:
    need("openssl", "openssl")
    folder = tmp_path_factory.mktemp("cert")
    run("bash", INSTALLERS / "windows" / "make-test-cert.sh", folder)
    return folder


@pytest.mark.slow
def test_authenticode_signing_from_linux_verifies_and_equals_the_unsigned_build(built_msi, test_certificate,
                                                                                tmp_path):
    need("osslsigncode", "osslsigncode")
    msi, bundle = built_msi
    cert = test_certificate
    signed_msi, signed_exe = tmp_path / "signed.msi", tmp_path / "Askel.exe"
    shutil.copy(msi, signed_msi)
    shutil.copy(bundle / "Askel.exe", signed_exe)
    run("bash", INSTALLERS / "windows" / "sign-osslsigncode.sh", "--pkcs12", cert / "cert.p12",
        "--pass-file", cert / "pass.txt", "--ca", cert / "cert.pem", signed_msi, signed_exe)
    for signed, unsigned in ((signed_msi, msi), (signed_exe, bundle / "Askel.exe")):
        assert signed.read_bytes() != unsigned.read_bytes()
        verified = run("osslsigncode", "verify", "-CAfile", cert / "cert.pem", "-in", signed).stdout
        assert "Signature verification: ok" in verified
        same = run("bash", INSTALLERS / "windows" / "compare-signed.sh", signed, unsigned,
                   "--ca", cert / "cert.pem")
        assert same.stdout.startswith("identical")

    # One changed byte in the unsigned file: the signature no longer fits it.
    tampered = tmp_path / "tampered.msi"
    data = bytearray(msi.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    done = subprocess.run(["bash", str(INSTALLERS / "windows" / "compare-signed.sh"), str(signed_msi),
                           str(tampered), "--ca", str(cert / "cert.pem")], capture_output=True, text=True)
    assert done.returncode == 1


@pytest.mark.slow
def test_authenticode_signing_with_a_key_in_an_hsm(built_msi, test_certificate, tmp_path):
    """The PKCS#11 path of sign-osslsigncode.sh, with SoftHSM standing in for the HSM or smart card."""
    need("osslsigncode", "osslsigncode")
    need("softhsm2-util", "softhsm2")
    engine = Path("/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so")
    module = Path("/usr/lib/softhsm/libsofthsm2.so")
    if not engine.exists() or not module.exists():
        pytest.skip("no PKCS#11 engine or module (apt-get install libengine-pkcs11-openssl softhsm2)")
    _, bundle = built_msi
    cert = test_certificate
    (tmp_path / "tokens").mkdir()
    (tmp_path / "softhsm2.conf").write_text(f"directories.tokendir = {tmp_path / 'tokens'}\n"
                                            "objectstore.backend = file\n", "utf-8")
    env = {**os.environ, "SOFTHSM2_CONF": str(tmp_path / "softhsm2.conf")}
    run("softhsm2-util", "--init-token", "--free", "--label", "askel", "--pin", "246810",
        "--so-pin", "13579135", env=env)
    run("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", cert / "key.pem", "-out", tmp_path / "key8.pem")
    run("softhsm2-util", "--import", tmp_path / "key8.pem", "--token", "askel", "--label", "codesign",
        "--id", "01", "--pin", "246810", env=env)
    (tmp_path / "pin.txt").write_text("246810\n", "utf-8")
    exe = tmp_path / "askel-cli.exe"
    shutil.copy(bundle / "askel-cli.exe", exe)
    run("bash", INSTALLERS / "windows" / "sign-osslsigncode.sh", "--pkcs11-module", module,
        "--pkcs11-engine", engine, "--key", "pkcs11:token=askel;object=codesign;type=private",
        "--certs", cert / "cert.pem", "--pass-file", tmp_path / "pin.txt", "--ca", cert / "cert.pem", exe,
        env=env)
    assert "Signature verification: ok" in run("osslsigncode", "verify", "-CAfile", cert / "cert.pem",
                                               "-in", exe).stdout


def test_signing_refuses_to_run_without_a_key(tmp_path):
    target = tmp_path / "a.exe"
    target.write_bytes(b"MZ")
    done = subprocess.run(["bash", str(INSTALLERS / "windows" / "sign-osslsigncode.sh"), str(target)],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "usage" in done.stderr


# -- Linux desktop integration ------------------------------------------------------------------------------
def test_the_desktop_entry_is_valid_and_translated():
    entry = INSTALLERS / "linux" / "fi.askel.Askel.desktop"
    text = entry.read_text("utf-8")
    for key in ("Name=Askel", "Exec=askel", "Icon=fi.askel.Askel", "Comment[fi]=", "Comment[sv]=",
                "GenericName[fi]=", "GenericName[sv]="):
        assert key in text
    validate = need("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([validate, str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def rendered_metainfo(folder: Path) -> Path:
    template = (INSTALLERS / "linux" / "fi.askel.Askel.metainfo.xml.in").read_text("utf-8")
    out = folder / "fi.askel.Askel.metainfo.xml"
    out.write_text(template.replace("@VERSION@", "1.2.3").replace("@DATE@", "2026-03-02"), "utf-8")
    return out


def test_the_metainfo_is_valid_and_translated(tmp_path):
    metainfo = rendered_metainfo(tmp_path)
    root = ET.parse(metainfo).getroot()
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.findtext("id") == "fi.askel.Askel"
    assert {element.get(xml_lang) for element in root.findall("summary")} == {None, "fi", "sv"}
    assert {p.get(xml_lang) for p in root.find("description").findall("p")} == {None, "fi", "sv"}
    assert root.find("launchable").text == "fi.askel.Askel.desktop"
    assert root.find("releases/release").get("version") == "1.2.3"
    appstreamcli = need("appstreamcli", "appstream")
    done = subprocess.run([appstreamcli, "validate", "--no-net", str(metainfo)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_icon_and_other_xml_sources_are_well_formed():
    assert ET.parse(INSTALLERS / "linux" / "askel.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"
    distribution = ET.parse(INSTALLERS / "macos" / "distribution.xml.in").getroot()
    assert distribution.find("pkg-ref").get("id") == "fi.askel.Askel"
    assert distribution.find("domains").get("enable_localSystem") == "true"


def test_the_control_file_depends_on_what_the_bundle_does_not_carry():
    control = (INSTALLERS / "linux" / "control.in").read_text("utf-8")
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line and line[0] != " ")
    assert fields["Package"] == "askel" and fields["Version"] == "@VERSION@"
    depends = {part.split()[0] for part in fields["Depends"].split(", ")}
    assert {"libc6", "libcups2", "libgl1", "libegl1", "libxcb1", "libxcb-icccm4", "libxcb-keysyms1"} \
        <= depends


# -- macOS --------------------------------------------------------------------------------------------------
def test_the_entitlements_ask_for_one_documented_exception():
    entitlements = plistlib.loads((INSTALLERS / "macos" / "entitlements.plist").read_bytes())
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}
    readme = (INSTALLERS / "macos" / "README.md").read_text("utf-8")
    for key in ("allow-unsigned-executable-memory", "allow-jit", "disable-library-validation",
                "allow-dyld-environment-variables"):
        assert key in readme


def test_sign_macos_signs_inside_out_with_the_hardened_runtime():
    script = (INSTALLERS / "macos" / "sign-macos.sh").read_text("utf-8")
    assert "--options runtime" in script and "--timestamp" in script and "--deep --verbose" in script
    assert script.index('find "$app/Contents" -type f') < script.index('-name "*.framework"') \
        < script.index('--entitlements "$entitlements" "$app"')
    assert "codesign --deep" not in script.replace("--verify --strict --deep", "")


def test_a_json_policy_becomes_a_configuration_profile(tmp_path):
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"policy": {"auto_lock_minutes": 5, "trusted_pack_keys": ["A" * 43 + "="]},
                                  "defaults": {"language": "sv"}}), "utf-8")
    done = subprocess.run([sys.executable, str(INSTALLERS / "macos" / "make-mobileconfig.py"), str(policy),
                           "--organisation", "Esimerkin hyvinvointialue"], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"defaults" in done.stderr  # left out, and said so
    profile = plistlib.loads(done.stdout)
    assert profile["PayloadType"] == "Configuration" and profile["PayloadScope"] == "System"
    payload = profile["PayloadContent"][0]
    assert payload["PayloadType"] == "fi.askel.Askel"
    assert payload["auto_lock_minutes"] == 5 and payload["trusted_pack_keys"] == ["A" * 43 + "="]
    assert "language" not in payload
    again = subprocess.run([sys.executable, str(INSTALLERS / "macos" / "make-mobileconfig.py"), str(policy),
                            "--organisation", "Esimerkin hyvinvointialue"], capture_output=True, timeout=60)
    assert again.stdout == done.stdout  # the same UUIDs: a new version replaces the old profile


def test_the_managed_preferences_domain_is_the_bundle_identifier():
    from askel.core import settings

    assert settings.MAC_MANAGED_PREFERENCES.name == "fi.askel.Askel.plist"
    assert 'bundle_identifier="fi.askel.Askel"' in (INSTALLERS / "askel.spec").read_text("utf-8")


# -- the bundle's definition --------------------------------------------------------------------------------
def test_the_spec_is_python_and_keeps_only_the_qt_modules_askel_uses():
    source = (INSTALLERS / "askel.spec").read_text("utf-8")
    compile(source, "askel.spec", "exec")
    keep = set(re.findall(r'"(Qt\w+)"', re.search(r"QT_KEEP = \{(.*?)\}", source).group(1)))
    assert keep <= {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"}  # no QML, WebEngine, 3D...
    assert "upx=False" in source and "PYTHONHASHSEED" in source
    used = set(re.findall(r"PySide6\.(Qt\w+)", "\n".join(
        path.read_text("utf-8") for path in (ROOT / "desktop" / "askel").rglob("*.py"))))
    assert used <= keep, f"the code imports {used - keep}: add it to QT_KEEP in installers/askel.spec"


def pins(lock: Path) -> dict[str, tuple[str, int]]:
    """{normalised name: (version, number of hashes)} of a hash-pinned requirements file."""
    found: dict[str, tuple[str, int]] = {}
    name = None
    for line in lock.read_text("utf-8").splitlines():
        requirement = re.match(r"([A-Za-z0-9_.-]+)==([^ ;\\]+)", line)
        if requirement:
            name = requirement.group(1).lower().replace("_", "-").replace(".", "-")
            found[name] = (requirement.group(2), 0)
        elif "--hash=sha256:" in line:
            found[name] = (found[name][0], found[name][1] + line.count("--hash=sha256:"))
    return found


def test_every_dependency_is_pinned_with_hashes_by_the_lock_tool():
    """`make` installs with --require-hashes: every line needs a version and the hashes of its files."""
    full, runtime, package = (pins(ROOT / "requirements.lock"), pins(INSTALLERS / "requirements-runtime.lock"),
                              pins(INSTALLERS / "requirements-package.lock"))
    for lock in (full, runtime, package):
        assert lock and all(count > 0 for _, count in lock.values()), lock
    assert "--require-hashes -r requirements.lock" in (ROOT / "Makefile").read_text("utf-8")
    assert "uv pip compile" in (ROOT / "requirements.lock").read_text("utf-8")  # generated, not written by hand
    # The bundle's dependencies are the program's, at the same versions; the packaging tools never repeat one.
    assert {"pyside6-essentials", "sqlcipher3", "cryptography"} <= set(runtime)
    assert not {"pytest", "ruff", "hypothesis"} & set(runtime)
    assert all(full[name][0] == version for name, (version, _) in runtime.items())
    assert {"pyinstaller", "pyinstaller-hooks-contrib", "cyclonedx-bom"} <= set(package)
    for name in set(package) & set(runtime):  # only where the runtime lock pins it for another platform
        assert package[name][0] == runtime[name][0], f"{name} is pinned to two versions"
    assert all(full[name][0] == version for name, (version, _) in package.items() if name in full)


# -- the IT guide -------------------------------------------------------------------------------------------
def test_the_it_guide_policy_table_matches_the_registry():
    sys.path.insert(0, str(INSTALLERS))
    try:
        import policy_table
    finally:
        sys.path.pop(0)
    from askel.core.settings import REGISTRY

    guide = (ROOT / "docs" / "it-deployment.md").read_text("utf-8")
    assert policy_table.block() in guide, (
        "docs/it-deployment.md's settings table is out of date: "
        "run .venv/bin/python installers/policy_table.py --update docs/it-deployment.md")
    for key in REGISTRY:
        assert f"| `{key}` |" in guide


def test_the_it_guide_covers_what_it_staff_need():
    guide = (ROOT / "docs" / "it-deployment.md").read_text("utf-8")
    headings = re.findall(r"^## (.+)$", guide, re.M)
    assert all(re.search(r"\(.+\)$", heading) for heading in headings), "every heading has its Finnish name"
    for needed in ("msiexec /i", "/qn", "POLICYFILE", "installer -pkg", "apt-get install", "verify-release",
                   "ASKEL_DATA_DIR", "ASKEL_CONFIG_DIR", "ASKEL_LOG_DIR", "ASKEL_POLICY_FILE",
                   "%ProgramData%\\Askel\\policy.json", "/etc/askel/policy.json", "recovery-keygen",
                   "recovery_public_key", "askel recover --recovery-key", "askel backup --out",
                   ".github/workflows/", "PINNED_PUBLIC_KEY", "askel selftest"):
        assert needed in guide, needed
