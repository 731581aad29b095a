"""`askel recover` run by IT as root leaves the clinician's data folder theirs (issue 15, item 3).

Before, the key file was rewritten as root's, mode 0600: the clinician could no longer open their own vault.
"""

from __future__ import annotations

import os
import stat

import pytest

from askel import cli
from askel.store.keyfile import generate_recovery_keypair
from askel.store.vault import DataFolder, Vault
from tests.conftest import PASSPHRASE

CLINICIAN = 65534  # nobody: any user other than root
pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="needs root: IT runs the recovery as root on another user's files")


def owners_and_modes(folder) -> dict[str, tuple[int, int, int]]:
    return {str(path.relative_to(folder)): (path.stat().st_uid, path.stat().st_gid, stat.S_IMODE(path.stat().st_mode))
            for path in sorted(folder.rglob("*"))}


def test_recover_as_root_keeps_the_owner_and_mode_of_the_clinicians_files(tmp_path, data_dir, monkeypatch):
    private_pem, public_b64 = generate_recovery_keypair()
    Vault.create(data_dir, PASSPHRASE, clinician_name="A", role="nurse", recovery_public_key=public_b64,
                 kdf_iterations=1).close()
    key_file = DataFolder(data_dir).key_file
    key_file.chmod(0o640)  # whatever the clinician's mode is, it stays
    for path in [data_dir, *data_dir.rglob("*")]:
        os.chown(path, CLINICIAN, CLINICIAN)
    before = owners_and_modes(data_dir)
    recovery_key = tmp_path / "org-recovery.pem"
    recovery_key.write_bytes(private_pem)
    recovery_key.chmod(0o600)

    monkeypatch.setenv("ASKEL_PASSPHRASE", "uusi väliaikainen tunnuslause 7")
    assert cli.main(["--data-dir", str(data_dir), "recover", "--recovery-key", str(recovery_key)]) == 0

    after = owners_and_modes(data_dir)
    assert after[key_file.name] == (CLINICIAN, CLINICIAN, 0o640)
    assert {name: owner[:2] for name, owner in after.items()} == {name: (CLINICIAN, CLINICIAN) for name in after}
    assert {name: after[name] for name in before if name in after} == before
    Vault.unlock(data_dir, "uusi väliaikainen tunnuslause 7").close()
