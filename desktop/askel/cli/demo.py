"""`askel demo`: fill a training vault with fictitious clients, for training, demonstrations and the benchmark.

    askel demo --clients N --seed S [--data-dir DIR] [--today YYYY-MM-DD]

Adds to the vault in the data folder, creating it as a training vault when the folder has none (the passphrase
comes from ASKEL_PASSPHRASE or --passphrase-file, as for the other headless commands). An existing vault that is
not a training vault is refused and left untouched: fictitious clients never mix with real ones.

"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

MAX_CLIENTS = 1_000_000


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(
        "demo", help="add fictitious clients to a training vault (created when the data folder has none)")
    demo.add_argument("--clients", type=int, required=True, metavar="N", help="how many clients to add")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="the same seed gives the same data")
    # SUPPRESS: without the option here, the global `askel --data-dir DIR demo …` still applies.
    demo.add_argument("--data-dir", dest="data_dir", type=Path, default=argparse.SUPPRESS,
                      help="data folder (default: ASKEL_DATA_DIR or the user data folder)")
    demo.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                      help="the date the data is generated around (default: today)")
    demo.add_argument("--name", default="Harjoitus Hoitaja", help="the clinician's name in a new training vault")
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from askel.cli.common import CommandError, check_new_passphrase, context, passphrase
    from askel.store.demo import generate, open_training_vault
    from askel.store.vault import DataFolder

    if not 0 <= args.clients <= MAX_CLIENTS:
        raise CommandError(f"--clients must be from 0 to {MAX_CLIENTS}")
    ctx = context(args)
    folder = Path(ctx.data_dir)
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"the data folder {folder} is a file, not a folder")
    secret = passphrase(args)
    if not DataFolder(folder).has_vault():
        check_new_passphrase(secret, ctx.settings)
    vault, created = open_training_vault(folder, secret, clinician_name=args.name)
    if created:
        print(f"created a training vault in {ctx.data_dir}")
    show_progress = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            print(f"\r{done} / {total}", end="", file=sys.stderr, flush=True)

    try:
        result = generate(vault, ctx.library, args.clients, args.seed, today=args.today, progress=progress)
    finally:
        vault.close()
    if show_progress:
        print(file=sys.stderr)
    print(f"added {result.clients} fictitious clients, {result.courses} courses, {result.sessions} sessions and "
          f"{result.administrations} questionnaires ({result.waiting} under 23 waiting) in {result.seconds:.1f} s")
    return 0
