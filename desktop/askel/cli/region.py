"""`askel region …`: the coordinator's side of the regional data set.

    askel region keygen --out KEY                      passphrase-protected private key; public key to KEY.pub
    askel region import --key KEY --store STORE FILE…  import data sets (idempotent; refusals are one line each)
    askel region report --store STORE --from YYYY-MM --to YYYY-MM --format csv|xlsx --out FILE [--lang fi|sv|en]
    askel region anchors --store STORE                 the use-log heads imported, per installation
    askel region [--store STORE]                       the coordinator's window (charts and tables by unit and method)

STORE is a file (an encrypted SQLCipher store, made on first use, with STORE.key beside it) or a
`postgresql+psycopg://` URL. The passphrase (of the key, and of an embedded store) comes as for every command:
--passphrase-file, ASKEL_PASSPHRASE (automation), or a prompt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from askel.cli.common import CommandError, context, new_passphrase, passphrase
from askel.cli.files import write_file
from askel.cli.stats import add_period_arguments, checked_period


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("region", help="the coordinator: import regional data sets and report on them; "
                                "without a command, the coordinator's window")
    group.add_argument("--store", metavar="STORE", default=None,
                       help="the store the window opens (default: the setting region_store, else "
                            "region/region.db in the data folder)")
    group.set_defaults(handler=run_window)
    sub = group.add_subparsers(dest="region_command", metavar="COMMAND")
    keygen = sub.add_parser("keygen", help="the coordinator's key pair (the public key goes into the policy)")
    keygen.add_argument("--out", type=Path, required=True, metavar="KEY", help="the private key file to write")
    keygen.set_defaults(handler=run_keygen)
    store_help = "the region store: a file (encrypted) or a postgresql+psycopg:// URL"
    imports = sub.add_parser("import", help="import data sets into the region store")
    imports.add_argument("--key", type=Path, required=True, metavar="KEY", help="the coordinator's private key")
    imports.add_argument("--store", required=True, metavar="STORE", help=store_help)
    imports.add_argument("--accept-new-key", action="store_true",
                         help="accept an installation that now signs with another key (after checking with its IT)")
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imports.set_defaults(handler=run_import)
    report = sub.add_parser("report", help="the pooled tables of a period, protected, as CSV or XLSX")
    report.add_argument("--store", required=True, metavar="STORE", help=store_help)
    add_period_arguments(report)
    report.add_argument("--format", choices=("csv", "xlsx"), default=None)
    report.add_argument("--out", type=Path, required=True, metavar="FILE")
    report.add_argument("--lang", choices=("fi", "sv", "en"), default=None)
    report.set_defaults(handler=run_report)
    anchors = sub.add_parser("anchors", help="the use-log heads imported per installation")
    anchors.add_argument("--store", required=True, metavar="STORE", help=store_help)
    anchors.set_defaults(handler=run_anchors)


def run_window(args: argparse.Namespace) -> int:
    """`askel region` alone: the coordinator's window on the store (its passphrase is asked in the window)."""
    from askel.app import run_coordinator, setup_logging
    from askel.ui.coordinator import default_store

    ctx = context(args)
    target = args.store or str(ctx.settings.get("region_store") or "") or str(default_store(ctx.data_dir))
    setup_logging()
    return run_coordinator(ctx, target)


def open_region_store(args):
    from askel.region.store import StoreError, is_url, open_store

    secret = None if is_url(args.store) else passphrase(args, prompt="Store passphrase: ")
    try:
        return open_store(args.store, secret)
    except StoreError as error:
        raise CommandError(str(error)) from None
    except Exception as error:  # a server that cannot be reached, a refused login: one line, no parameters
        raise CommandError(f"cannot open the store: {type(error).__name__}") from None


def run_keygen(args: argparse.Namespace) -> int:
    from askel.region.keys import generate

    pem, public = generate(new_passphrase(args))
    public_path = args.out.with_name(args.out.name + ".pub")
    write_file(args, args.out, pem, what="coordinator private key", new_only=True)
    write_file(args, public_path, (public + "\n").encode("ascii"), what="public key (policy region_recipient_key)",
               mode=0o644)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from askel.region.importer import ImportRefused, import_file
    from askel.region.keys import KeyError_, load
    from askel.region.summary import refresh

    try:
        private_key = load(args.key.read_bytes(), passphrase(args, prompt="Key passphrase: "))
    except OSError as error:
        raise CommandError(f"cannot read {args.key}: {error.strerror or type(error).__name__}") from None
    except KeyError_ as error:
        raise CommandError(str(error)) from None
    store = open_region_store(args)
    failed = 0
    try:
        for path in args.files:
            try:
                result = import_file(store, path.read_bytes(), private_key, name=path.name,
                                     accept_new_key=args.accept_new_key)
            except OSError as error:
                print(f"askel: {path.name}: cannot read: {error.strerror or type(error).__name__}",
                      file=sys.stderr)
                failed += 1
                continue
            except ImportRefused as error:
                print(f"askel: {error}", file=sys.stderr)
                failed += 1
                continue
            verb = "replaced" if result.replaced else "imported"
            print(f"{path.name}: {verb} {result.records} records of unit {result.unit_code or '-'} "
                  f"({result.period[0]}..{result.period[1]})")
        refresh(store)  # the pooled summary once for all the files, so that the next report is quick
    finally:
        store.close()
    return 1 if failed else 0


def run_report(args: argparse.Namespace) -> int:
    from askel.export.stats import csv_bytes, xlsx_bytes
    from askel.region.report import regional_report

    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise CommandError("choose --format csv or xlsx (or name the file .csv or .xlsx)")
    ctx = context(args)
    period = checked_period(args, str(ctx.settings.get("statistics_period")))
    language = args.lang or str(ctx.settings.get("language"))
    store = open_region_store(args)
    try:
        statistics = regional_report(store, period)
    finally:
        store.close()
    data = (csv_bytes if fmt == "csv" else xlsx_bytes)(statistics, language, ctx.library)
    write_file(args, args.out, data, what=f"regional report for {period.label()}", mode=0o644)
    return 0


def run_anchors(args: argparse.Namespace) -> int:
    from askel.region.importer import anchors

    store = open_region_store(args)
    try:
        rows = anchors(store)
    finally:
        store.close()
    print("installation;unit_code;period;imported_at;log_seq;log_hash;key_changes")
    for row in rows:
        print(f"{row.installation};{row.unit_code};{row.period[0]}..{row.period[1]};"
              f"{row.imported_at.isoformat(timespec='seconds')};{row.log_seq};{row.log_hash};{row.key_changes}")
    return 0
