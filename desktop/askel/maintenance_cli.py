"""`askel restore …`: put an encrypted backup back in place, for IT and for a clinician's support call.

    askel restore FILE        check FILE opens with this data folder's key file, move the current database aside
                              (into backups/, never deleted) and put FILE in its place; recorded in the use log
    askel restore --list      the backups in the data folder, newest first

`register(subparsers, get_context)` adds the command; its handler takes the parsed arguments and returns the exit
code (0 done, 1 refused, with one line on standard error). `get_context()` is called only when the command runs and
returns an object with `data_dir` and `settings`. The passphrase comes from `--passphrase-file` (a global option of
`askel`) or ASKEL_PASSPHRASE, as for the other headless commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path


def register(subparsers: argparse._SubParsersAction, get_context: Callable[[], object]) -> None:
    restore = subparsers.add_parser(
        "restore", help="restore an encrypted backup (the current database is moved aside, never deleted)"
    )
    restore.add_argument("file", type=Path, nargs="?", metavar="FILE", help="the backup file (.db)")
    restore.add_argument("--list", action="store_true", help="list the backups in the data folder")
    restore.set_defaults(handler=lambda args: run_restore(args, get_context))


def _fail(text: str) -> int:
    print(f"askel restore: {text}", file=sys.stderr)
    return 1


def _passphrase(args) -> str | None:
    passphrase_file = getattr(args, "passphrase_file", None)
    if passphrase_file:
        return Path(passphrase_file).read_text("utf-8").rstrip("\r\n")
    return os.environ.get("ASKEL_PASSPHRASE") or None


def run_restore(args, get_context: Callable[[], object]) -> int:
    from askel.store.backup import list_backups, restore_backup
    from askel.store.errors import VaultError

    data_dir = Path(get_context().data_dir)
    if args.list:
        backups = list_backups(data_dir)
        if not backups:
            print("no backups in this data folder")
        for info in backups:
            print(f"{info.created:%Y-%m-%d %H:%M}Z  {info.size:>12,} bytes  {info.kind:<16}  {info.path}")
        return 0
    if args.file is None:
        return _fail("name the backup file to restore, or use --list")
    passphrase = _passphrase(args)
    if not passphrase:
        return _fail("set ASKEL_PASSPHRASE or use --passphrase-file (for automation only)")
    try:
        result = restore_backup(data_dir, args.file, passphrase)
    except VaultError as error:
        return _fail(error.message.english())
    result.vault.close()
    print(f"restored {result.restored_from.name}")
    for path in result.moved_aside:
        print(f"the previous file is kept as {path}")
    if result.key_file_restored:
        print("the key file was restored from its copy in the backups folder")
    return 0
