"""`askel verify-release`, and for maintainers `askel release-sign` and `askel release-keygen`.

The work is done by `askel.release`, which IT can also run on its own (`python3 release.py …`). Through `askel`,
the files go through `askel.cli.files` like every other command's: the manifest is never written into the data
folder, and a release key is never written over an existing file.
"""

from __future__ import annotations

import argparse

from askel import release
from askel.cli.common import CommandError, data_dir
from askel.cli.files import check_destination, write_file


def register(commands: argparse._SubParsersAction) -> None:
    release._add_verify_arguments(commands.add_parser(
        "verify-release", help="check a release folder against its signed manifest before deploying it"))
    sign = commands.add_parser("release-sign", help="for maintainers: write the signed manifest of a release folder")
    release._add_sign_arguments(sign)
    sign.set_defaults(handler=run_sign)
    keygen = commands.add_parser("release-keygen", help="for maintainers: create a release signing key pair")
    release._add_keygen_arguments(keygen)
    keygen.set_defaults(handler=run_keygen)


def run_sign(args: argparse.Namespace) -> int:
    check_destination(args.folder / release.MANIFEST_NAME, data_dir(args))
    return release.cmd_sign(args)


def run_keygen(args: argparse.Namespace) -> int:
    check_destination(args.out, data_dir(args), new_only=True)
    try:
        passphrase = release._read_passphrase(confirm=True) if args.encrypt else None
    except release.ReleaseError as error:
        raise CommandError(str(error)) from None
    if args.encrypt and not passphrase:
        raise CommandError(f"--encrypt needs a passphrase: type it, or set {release.PASSPHRASE_ENV}")
    pem, public_b64 = release.generate_keypair(passphrase)
    write_file(args, args.out, pem, what="release private key (keep it offline, never in the repository)",
               new_only=True)
    print(f"public key (key {release.key_id(public_b64)}):")
    print(public_b64)
    return 0
