"""`askel stats`: the unit's anonymous statistics as CSV or XLSX, for the unit head and the coordination centre.

    askel stats --from 2025-01-01 --to 2025-12-31 [--method klt_adults] --format csv|xlsx --out FILE [--lang fi|sv|en]

Dates as YYYY-MM-DD or d.m.yyyy. The method is a protocol id (klt_adults) or a method family (klt). The outcome
rules are the organisation's setting `outcome_preset`. The export is logged in the use log.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from askel.cli.common import CommandError, context, open_vault
from askel.cli.files import check_destination, write_file

# A period outside these years is a typing mistake (and beyond 9999 the calendar arithmetic would overflow).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_date(text: str) -> date:
    """2025-03-01 or 1.3.2025."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD or d.m.yyyy)") from None


def register(commands: argparse._SubParsersAction) -> None:
    stats = commands.add_parser("stats", help="anonymous unit statistics as CSV or XLSX (no client data)")
    stats.add_argument("--from", dest="start", type=parse_date, required=True, metavar="DATE",
                       help="first day of the period")
    stats.add_argument("--to", dest="end", type=parse_date, required=True, metavar="DATE", help="last day")
    stats.add_argument("--method", default=None, metavar="ID", help="a protocol id (klt_adults) or family (klt)")
    stats.add_argument("--format", choices=("csv", "xlsx"), default=None,
                       help="file format (default: from the file name)")
    stats.add_argument("--out", type=Path, required=True, metavar="FILE", help="the file to write")
    stats.add_argument("--lang", choices=("fi", "sv", "en"), default=None,
                       help="language of the labels (default: the user interface language)")
    stats.set_defaults(handler=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    from askel.export.stats import UnknownMethod, compute_statistics, export_statistics

    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise CommandError("choose --format csv or xlsx (or name the file .csv or .xlsx)")
    if args.end < args.start:
        raise CommandError("the period ends before it starts")
    if args.start.year < FIRST_YEAR or args.end.year > LAST_YEAR:
        raise CommandError(f"the period must lie within the years {FIRST_YEAR}–{LAST_YEAR}")
    ctx = context(args)
    check_destination(args.out, ctx.data_dir)
    language = args.lang or str(ctx.settings.get("language"))
    preset = str(ctx.settings.get("outcome_preset"))
    vault = open_vault(args)
    try:
        statistics = compute_statistics(vault, ctx.library, args.start, args.end, method=args.method, preset=preset)
        export_statistics(vault, statistics, args.out, fmt, language=language, library=ctx.library,
                          writer=lambda path, data: write_file(args, path, data, what=None, mode=0o644))
    except UnknownMethod:
        raise CommandError(f"unknown method {args.method!r}; use a protocol id such as klt_adults or a family "
                           "such as klt") from None
    finally:
        vault.close()
    print(f"statistics for {args.start.isoformat()}–{args.end.isoformat()} written to {args.out}")
    return 0
