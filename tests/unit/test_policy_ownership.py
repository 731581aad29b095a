"""Policy that users cannot escape: only root (Administrators on Windows) may have written a policy source.

The files are made as the attack makes them: owned by another user (uid 65534, `nobody`), or with modes that let
others write. Needs root to create files owned by root and by someone else.
"""

import json
import os
import plistlib
from pathlib import Path, PureWindowsPath

import pytest

from askel.core.settings import (
    REGISTRY,
    JsonPolicyLayer,
    MacManagedPreferencesLayer,
    Settings,
    default_policy_layers,
    json_policy,
)
from askel.core.settings.file_ownership import (
    ADMINISTRATORS,
    SYSTEM,
    Ace,
    acl_problem,
    posix_problem,
    windows_problem,
)

NOBODY = 65534
pytestmark = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root: files owned by root and by another user"
)


def write(path: Path, content: dict, owner: int = 0, mode: int = 0o644) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content), "utf-8")
    os.chown(path, owner, owner)
    path.chmod(mode)
    return path


@pytest.fixture
def system_policy(tmp_path, monkeypatch):
    """IT's `/etc/askel/policy.json`, in a root-owned folder standing in for /etc/askel."""
    path = write(tmp_path / "etc" / "askel" / "policy.json",
                 {"policy": {"remember_allowed": False, "auto_lock_minutes": 3, "clipboard_clear_seconds": 20}})
    (tmp_path / "etc").chmod(0o755)
    (tmp_path / "etc" / "askel").chmod(0o755)
    monkeypatch.setattr(json_policy, "POSIX_POLICY_FILE", path)
    return path


@pytest.fixture
def home(tmp_path) -> Path:
    """A folder of the user's own, as their home folder is."""
    folder = tmp_path / "home"
    folder.mkdir()
    os.chown(folder, NOBODY, NOBODY)
    return folder


def load_as_askel_does(tmp_path, environ) -> Settings:
    return Settings.load(tmp_path / "settings.json", default_policy_layers("linux", environ))


@pytest.mark.parametrize("planted", ["dev-null", "own-empty", "own-unlocking", "root-owned-empty"])
def test_a_users_policy_file_cannot_unlock_what_etc_askel_locks(tmp_path, system_policy, home, planted):
    """The evaluator's escape: `ASKEL_POLICY_FILE=/dev/null askel …` (or a file of the user's own)."""
    files = {
        "dev-null": Path("/dev/null"),
        "own-empty": write(home / "empty.json", {"policy": {}}, owner=NOBODY),
        "own-unlocking": write(home / "p.json", {"policy": {"remember_allowed": True, "auto_lock_minutes": 120}},
                               owner=NOBODY),
        # Some other root-owned JSON object on the system: it passes the checks, and still unlocks nothing.
        "root-owned-empty": write(tmp_path / "usr" / "share" / "other.json", {"defaults": {}}),
    }
    settings = load_as_askel_does(tmp_path, {"ASKEL_POLICY_FILE": str(files[planted])})
    for key, value in (("remember_allowed", False), ("auto_lock_minutes", 3), ("clipboard_clear_seconds", 20)):
        assert (settings.get(key), settings.is_locked(key), settings.source(key)) == (
            value, True, f"policy:{system_policy}"), key


def test_a_users_own_policy_file_is_refused_and_holds_the_failsafe(tmp_path, home):
    own = write(home / "p.json", {"policy": {"recovery_public_key": ""}}, owner=NOBODY)
    settings = load_as_askel_does(tmp_path, {"ASKEL_POLICY_FILE": str(own)})
    [problem] = settings.problems
    assert problem.source == f"policy:{own}" and "owned by user 65534" in problem.english()
    assert (settings.get("remember_allowed"), settings.source("remember_allowed")) == (False, f"failsafe:{own}")


def test_a_root_owned_test_policy_adds_locks(tmp_path):
    extra = write(tmp_path / "test-policy.json", {"policy": {"backup_keep": 42}})
    settings = load_as_askel_does(tmp_path, {"ASKEL_POLICY_FILE": str(extra)})
    assert (settings.get("backup_keep"), settings.source("backup_keep")) == (42, f"policy:{extra}")
    assert settings.problems == []


@pytest.mark.parametrize(
    ("arrange", "expected"),
    [
        (lambda p: os.chown(p, NOBODY, NOBODY), "owned by user 65534"),
        (lambda p: p.chmod(0o666), "mode 0666"),
        (lambda p: p.chmod(0o664), "mode 0664"),  # group write
        (lambda p: os.chown(p.parent, NOBODY, NOBODY), "folder"),  # a user's /etc/askel
        (lambda p: p.parent.chmod(0o777), "mode 0777"),  # the evaluator's writable /etc/askel
        (lambda p: p.parent.chmod(0o775), "mode 0775"),
        (lambda p: p.parent.chmod(0o1777), "mode 1777"),  # sticky is not enough for the file's own folder
        (lambda p: os.chown(p.parent.parent, NOBODY, NOBODY), "owner 65534"),  # a folder higher up
        (lambda p: p.parent.parent.chmod(0o777), "mode 0777"),
    ],
)
def test_the_etc_policy_file_is_refused_unless_only_root_can_change_it(tmp_path, system_policy, arrange,
                                                                        expected):
    arrange(system_policy)
    settings = load_as_askel_does(tmp_path, {})
    [problem] = settings.problems
    assert problem.source == f"policy:{system_policy}" and expected in problem.english()
    # Refused, so none of its values is used, and the failsafe locks hold (not the user's choices).
    assert settings.source("auto_lock_minutes") == f"failsafe:{system_policy}"
    assert settings.get("remember_allowed") is False and settings.is_locked("remember_allowed")


def test_a_sticky_root_folder_higher_up_is_fine(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o1777)
    shared.chmod(0o1777)
    inside = shared / "askel"
    inside.mkdir(mode=0o755)
    assert posix_problem(write(inside / "policy.json", {})) is None


def test_a_link_into_a_users_folder_is_refused(tmp_path, home):
    target = write(home / "policy.json", {"policy": {}})  # root-owned file, but in the user's folder
    link = tmp_path / "etc" / "policy.json"
    link.parent.mkdir()
    link.symlink_to(target)
    assert "65534" in posix_problem(link).english()
    assert posix_problem(write(tmp_path / "ok" / "policy.json", {})) is None


def test_macos_managed_preferences_must_belong_to_root(tmp_path, home):
    plist = home / "fi.askel.Askel.plist"
    plist.write_bytes(plistlib.dumps({"remember_allowed": True}))
    settings = Settings.load(tmp_path / "settings.json", [MacManagedPreferencesLayer(plist)])
    assert "folder" in settings.problems[0].english()
    assert settings.get("remember_allowed") is False


def test_every_refused_source_keeps_the_failsafe_for_every_setting(tmp_path, home):
    own = write(home / "p.json", {}, owner=NOBODY)
    settings = Settings.load(tmp_path / "settings.json", [JsonPolicyLayer(own)])
    locked = {key for key in REGISTRY if settings.is_locked(key)}
    assert locked == set(REGISTRY) - {"language", "text_size", "self_completion_one_per_page"}


# --- Windows access lists (the rule; the Win32 reading runs on Windows only) ---------------------------------
USERS = "S-1-5-32-545"
AUTHENTICATED_USERS = "S-1-5-11"
ALICE = "S-1-5-21-1-2-3-1001"
READ_EXECUTE = 0x1200A9
FULL = 0x1F01FF
MODIFY = 0x1301BF


def secure(owner: str = ADMINISTRATORS, extra: tuple[Ace, ...] = ()) -> tuple[str, list[Ace]]:
    return owner, [Ace(0, 0, FULL, SYSTEM), Ace(0, 0, FULL, ADMINISTRATORS), Ace(0, 0, READ_EXECUTE, USERS), *extra]


@pytest.mark.parametrize(
    ("security", "expected"),
    [
        (secure(), None),
        (secure(owner=SYSTEM), None),
        (secure(owner=ALICE), "owned by S-1-5-21-1-2-3-1001"),
        (secure(extra=(Ace(0, 0, MODIFY, AUTHENTICATED_USERS),)), "S-1-5-11 can change"),
        (secure(extra=(Ace(0, 0, 0x2, USERS),)), "S-1-5-32-545 can change"),  # write data only
        (secure(extra=(Ace(0, 0, 0x40000, ALICE),)), "can change"),  # WRITE_DAC: can grant itself the rest
        (secure(extra=(Ace(0, 0x08, FULL, "S-1-3-0"),)), None),  # CREATOR OWNER, inherit-only: not on this file
        (secure(extra=(Ace(1, 0, FULL, USERS),)), None),  # a deny entry grants nothing
        ((ADMINISTRATORS, None), "no access list"),
    ],
)
def test_windows_access_list_rule(security, expected):
    found = acl_problem(r"C:\ProgramData\Askel\policy.json", security)
    assert (found is None) if expected is None else expected in found.english()


def test_windows_checks_the_file_and_its_folder():
    seen = []

    def read_security(path):
        seen.append(path)
        return secure(extra=(Ace(0, 0, 0x4, USERS),)) if path.endswith("Askel") else secure()

    found = windows_problem(PureWindowsPath(r"C:\ProgramData\Askel\policy.json"), read_security)
    assert found is not None and "S-1-5-32-545" in found.english()
    assert len(seen) == 2
