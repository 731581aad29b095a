"""`askel recovery-keygen` and `askel recover`: the organisation's recovery key, for IT.

    askel recovery-keygen --out FILE     a new X25519 key pair: the private key (PEM) into FILE, never over an
                                         existing file; the public key printed for the policy setting
    askel recover --recovery-key FILE    open the vault with the private key and set a new passphrase
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from askel.cli.common import CommandError, check_data_folder, context, new_passphrase
from askel.cli.files import write_file


def register(commands: argparse._SubParsersAction) -> None:
    keygen = commands.add_parser("recovery-keygen", help="for IT: create an organisation recovery key pair")
    keygen.add_argument("--out", type=Path, required=True, help="file for the private key (PEM); keep it offline")
    keygen.set_defaults(handler=run_keygen)

    recover = commands.add_parser("recover", help="for IT: open a vault with the recovery key, set a new passphrase")
    recover.add_argument("--recovery-key", type=Path, required=True, help="the organisation's private key (PEM)")
    recover.set_defaults(handler=run_recover)


def run_keygen(args) -> int:
    from askel.store.keyfile import generate_recovery_keypair

    private_pem, public_b64 = generate_recovery_keypair()
    write_file(args, args.out, private_pem, what="recovery private key", new_only=True)
    print("Put this public key into the policy setting recovery_public_key:")
    print(public_b64)
    return 0


def run_recover(args) -> int:
    from askel.store.keyfile import load_recovery_private_key
    from askel.store.vault import Vault

    try:
        private_key = load_recovery_private_key(args.recovery_key.read_bytes())
    except (OSError, ValueError):
        raise CommandError("the recovery key file could not be read") from None
    ctx = context(args)
    check_data_folder(ctx.data_dir)
    try:
        vault = Vault.unlock_with_recovery(ctx.data_dir, private_key, new_passphrase(args, settings=ctx.settings))
        vault.close()
    finally:
        give_back(ctx.data_dir)
    print("vault opened with the recovery key; the new passphrase is now in use")
    return 0


def give_back(folder: Path) -> None:
    """IT runs the recovery as root on a clinician's data folder: whatever it wrote there (the re-wrapped key file,
    a backup and its key copy, the database's side files) goes back to the folder's owner, or the clinician could no
    longer open their own vault. The key file keeps its mode as well (KeyFile.save)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    owner = os.stat(folder)
    if owner.st_uid == 0:
        return
    for root, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            path = os.path.join(root, name)
            if os.lstat(path).st_uid == 0:
                os.lchown(path, owner.st_uid, owner.st_gid)
