"""Shared fixtures: a private keyring, a fast-to-create vault, and offscreen Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

PASSPHRASE = "lumi sataa hiljaa 42"

# CI (`.ci/run` sets ASKEL_CI) draws the same property-test examples every run, so that whether something lands
# never depends on luck; `make test` on a developer's machine draws new ones each time and may find new failures.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("ASKEL_CI"):
    hypothesis_settings.load_profile("ci")


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An OS keyring stand-in: tests never touch the real one (a headless CI machine has none)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True, scope="session")
def fast_key_files():
    """One Argon2id pass is accepted in tests (the program requires at least three): thousands of unlocks stay fast.
    A test that runs Askel in another process creates its vault with three passes (SUBPROCESS_KDF_ITERATIONS)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("askel.store.keyfile.MIN_ITERATIONS", 1)
        yield


SUBPROCESS_KDF_ITERATIONS = 3


def ready_for_another_process(vault) -> None:
    """Re-wrap the passphrase with the three Argon2id passes that Askel in another process requires."""
    from dataclasses import replace

    from askel.store.vault import load_key_file

    key_file = load_key_file(vault.folder.key_file)
    key_file.kdf = replace(key_file.kdf, iterations=SUBPROCESS_KDF_ITERATIONS)
    key_file.set_passphrase(vault._data_key, PASSPHRASE)
    vault._store_key_file(key_file)


@pytest.fixture(autouse=True)
def isolated_policy(tmp_path, monkeypatch):
    """No test reads the machine's real IT policy or user settings. ASKEL_POLICY_FILE is the file a test writes
    its policy into (it only adds locks to the system's file, which is moved aside here for in-process tests).
    Policy files must belong to root: a run as another user trusts that user's files too, and the ownership
    tests (test_policy_ownership.py) skip."""
    from askel.core.settings import file_ownership, json_policy

    monkeypatch.setenv("ASKEL_POLICY_FILE", str(tmp_path / "no-policy.json"))
    monkeypatch.setenv("ASKEL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(json_policy, "POSIX_POLICY_FILE", tmp_path / "no-system-policy.json")
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        monkeypatch.setattr(file_ownership, "TRUSTED_UIDS", file_ownership.TRUSTED_UIDS | {os.geteuid()})


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def vault(data_dir):
    from askel.store.vault import Vault

    # One Argon2id pass keeps the suite fast; the memory cost stays at the 64 MiB floor.
    opened = Vault.create(data_dir, PASSPHRASE, clinician_name="Testi Hoitaja", role="nurse", kdf_iterations=1)
    yield opened
    opened.close()
