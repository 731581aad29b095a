"""`askel backup` and `askel restore`: encrypted copies of the database, and putting one back.

    askel backup --out FILE   an encrypted copy of the database (it opens only with this data folder's key file)
    askel restore FILE        check FILE opens with this data folder's key file, move the current database aside
                              (into backups/, never deleted) and put FILE in its place; recorded in the use log
    askel restore --list      the backups in the data folder, newest first
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from askel.cli.common import CommandError, check_data_folder, data_dir, open_vault, passphrase
from askel.cli.files import check_destination, write_file


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser("backup", help="write an encrypted copy of the database")
    backup.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="the file to write (outside the data folder)")
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser(
        "restore", help="restore an encrypted backup (the current database is moved aside, never deleted)"
    )
    restore.add_argument("file", type=Path, nargs="?", metavar="FILE", help="the backup file (.db)")
    restore.add_argument("--list", action="store_true", help="list the backups in the data folder")
    restore.set_defaults(handler=run_restore)


def run_backup(args) -> int:
    from askel.store.backup import backup_metadata, metadata_path

    check_destination(args.out, data_dir(args))  # before the passphrase is asked
    check_destination(metadata_path(args.out), data_dir(args))
    vault = open_vault(args)
    try:
        metadata = backup_metadata(vault)
        target = write_file(args, args.out, vault.backup, what=None)
        write_file(args, metadata_path(target), metadata, what=None, mode=0o644)
        vault.log("backup", target="file", detail={"kind": "out"})  # a name the user chose stays out of the log
    finally:
        vault.close()
    head = json.loads(metadata)["use_log_head"]
    print(f"encrypted backup written to {target}; use log head {head} (also in {metadata_path(target).name})")
    return 0


def run_restore(args) -> int:
    from askel.store.backup import list_backups, read_metadata, restore_backup

    folder = data_dir(args)
    if args.list:
        backups = list_backups(folder)
        if not backups:
            print("no backups in this data folder")
        for info in backups:
            head = read_metadata(info.path).get("use_log_head", "")
            print(f"{info.created:%Y-%m-%d %H:%M}Z  {info.size:>12,} bytes  {info.kind:<16}  {info.path}"
                  + (f"  use log head {head}" if head else ""))
        return 0
    if args.file is None:
        raise CommandError("name the backup file to restore, or use --list")
    check_data_folder(folder)
    if not args.file.is_file():
        raise CommandError(f"{args.file} is not a backup file")
    result = restore_backup(folder, args.file, passphrase(args))
    result.vault.close()
    print(f"restored {result.restored_from.name}")
    for path in result.moved_aside:
        print(f"the previous file is kept as {path}")
    if result.key_file_restored:
        print("the key file was restored from its copy in the backups folder")
    return 0
