"""`askel dataset export`: this installation's regional data set for the county's coordination centre.

    askel dataset export --from 2025-01 --to 2025-06 --out FILE

One pseudonymous record per course touching the period (`askel.export.dataset`), signed with the installation's
key and encrypted to the coordinator's key from policy (`region_recipient_key`); logged as a disclosure.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from askel.cli.common import CommandError, context, open_vault
from askel.cli.files import check_destination, write_file
from askel.cli.stats import add_period_arguments, checked_period


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("dataset", help="the regional data set (pseudonymous, encrypted, signed)")
    sub = group.add_subparsers(dest="dataset_command", metavar="COMMAND", required=True)
    export = sub.add_parser("export", help="write the data set of a period for the coordination centre")
    add_period_arguments(export)
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="the encrypted file to write")
    export.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    from askel.export.dataset import DatasetError, export_dataset

    period = checked_period(args)
    ctx = context(args)
    if not str(ctx.settings.get("region_recipient_key") or ""):
        raise CommandError("no coordinator key: set the policy setting region_recipient_key (the public key that "
                           "askel region keygen wrote to KEY.pub) first")
    check_destination(args.out, ctx.data_dir)
    vault = open_vault(args)
    try:
        export_dataset(vault, ctx.library, ctx.settings, period, args.out,
                       writer=lambda path, data: write_file(args, path, data, what=None, mode=0o600))
    except DatasetError as error:
        raise CommandError(str(error)) from None
    finally:
        vault.close()
    print(f"regional data set for {period.label()} written to {args.out}")
    return 0
