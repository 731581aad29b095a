"""`askel stats`: the unit's anonymous statistics as CSV or XLSX, for the unit head and the coordination centre.

    askel stats --from 2025-01-01 --to 2025-12-31 [--method klt_adults] --format csv|xlsx --out FILE [--lang fi|sv|en]

Dates as YYYY-MM-DD or d.m.yyyy. The method is a protocol id (klt_adults) or a method family (klt). The outcome
rules are the organisation's setting `outcome_preset`. The vault is opened with ASKEL_PASSPHRASE or
--passphrase-file, like the other headless commands; the export is logged in the use log.

`register(subparsers, get_context)` adds the command; `get_context()` is called only when it runs and returns an
object with `data_dir`, `settings` and `library`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path


def parse_date(text: str) -> date:
    """2025-03-01 or 1.3.2025."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD or d.m.yyyy)") from None


def register(subparsers: argparse._SubParsersAction, get_context: Callable[[], object]) -> None:
    stats = subparsers.add_parser("stats", help="anonymous unit statistics as CSV or XLSX (no client data)")
    stats.add_argument("--from", dest="start", type=parse_date, required=True, metavar="DATE",
                       help="first day of the period")
    stats.add_argument("--to", dest="end", type=parse_date, required=True, metavar="DATE", help="last day")
    stats.add_argument("--method", default=None, metavar="ID", help="a protocol id (klt_adults) or family (klt)")
    stats.add_argument("--format", choices=("csv", "xlsx"), default=None,
                       help="file format (default: from the file name)")
    stats.add_argument("--out", type=Path, required=True, metavar="FILE", help="the file to write")
    stats.add_argument("--lang", choices=("fi", "sv", "en"), default=None,
                       help="language of the labels (default: the user interface language)")
    stats.set_defaults(handler=lambda args: run_stats(args, get_context))


def _fail(text: str) -> int:
    print(f"askel stats: {text}", file=sys.stderr)
    return 1


def run_stats(args: argparse.Namespace, get_context: Callable[[], object]) -> int:
    from askel.cli import _open_vault
    from askel.export.stats import UnknownMethod, compute_statistics, export_statistics
    from askel.store.errors import VaultError

    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        return _fail("choose --format csv or xlsx (or name the file .csv or .xlsx)")
    if args.end < args.start:
        return _fail("the period ends before it starts")
    context = get_context()
    language = args.lang or str(context.settings.get("language"))
    preset = str(context.settings.get("outcome_preset"))
    try:
        vault = _open_vault(args)
    except VaultError as error:
        return _fail(error.message.english())
    try:
        statistics = compute_statistics(vault, context.library, args.start, args.end, method=args.method,
                                        preset=preset)
        export_statistics(vault, statistics, args.out, fmt, language=language, library=context.library)
    except UnknownMethod:
        return _fail(f"unknown method {args.method!r}; use a protocol id such as klt_adults or a family such as klt")
    except OSError as error:
        return _fail(f"cannot write {args.out}: {error.strerror or error}")
    finally:
        vault.close()
    print(f"statistics for {args.start.isoformat()}–{args.end.isoformat()} written to {args.out}")
    return 0
