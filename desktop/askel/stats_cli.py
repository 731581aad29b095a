"""`askel stats`: the unit's anonymous statistics as CSV or XLSX, for the unit head and the coordination centre.

    askel stats --from 2025-01 --to 2025-06 [--method klt_adults] --format csv|xlsx --out FILE [--lang fi|sv|en]

The period is a whole calendar month, quarter, half-year or year that has ended (YYYY-MM, or the first and last
day as YYYY-MM-DD or d.m.yyyy); anything else is refused with the reason (`askel.export.disclosure.Period`). The method is a protocol id (klt_adults) or a method family (klt). The outcome
rules are the organisation's setting `outcome_preset`. The vault is opened with ASKEL_PASSPHRASE or
--passphrase-file, like the other headless commands; the export is logged in the use log.

`register(subparsers, get_context)` adds the command; `get_context()` is called only when it runs and returns an
object with `data_dir`, `settings` and `library`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path


def month_bound(end: bool) -> Callable[[str], date]:
    """An argparse type: `2025-03` (the month's first day, or its last for --to) or a date."""
    def parse(text: str) -> date:
        from askel.export.disclosure import PeriodError, parse_bound

        try:
            return parse_bound(text, end=end)
        except PeriodError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    return parse


def register(subparsers: argparse._SubParsersAction, get_context: Callable[[], object]) -> None:
    stats = subparsers.add_parser("stats", help="anonymous unit statistics as CSV or XLSX (no client data)")
    stats.add_argument("--from", dest="start", type=month_bound(False), required=True, metavar="YYYY-MM",
                       help="the first month of the period")
    stats.add_argument("--to", dest="end", type=month_bound(True), required=True, metavar="YYYY-MM",
                       help="the last month (the period must have ended)")
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
    from askel.export.disclosure import Period, PeriodError
    from askel.export.stats import UnknownMethod, compute_statistics, export_statistics
    from askel.store.errors import VaultError

    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        return _fail("choose --format csv or xlsx (or name the file .csv or .xlsx)")
    try:
        Period.checked(args.start, args.end, today=date.today())
    except PeriodError as error:
        return _fail(str(error))
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
