"""`askel stats`: the unit's anonymous statistics as CSV or XLSX, for the unit head and the coordination centre.

    askel stats --from 2025-01 --to 2025-06 [--method klt_adults] --format csv|xlsx --out FILE [--lang fi|sv|en]

The period is a whole calendar month, quarter, half-year or year that has ended (YYYY-MM, or its first and last
day as YYYY-MM-DD or d.m.yyyy), of the one kind the organisation publishes (setting `statistics_period`, a year by
default); anything else is refused with the reason (`askel.export.disclosure.Period`). The
method is a protocol id (klt_adults) or a method family (klt). The outcome rules are the organisation's setting
`outcome_preset`. The export is logged in the use log.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from askel.cli.common import CommandError, context, open_vault
from askel.cli.files import check_destination, write_file

# A period outside these years is a typing mistake (and beyond 9999 the calendar arithmetic would overflow).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def month_bound(end: bool) -> Callable[[str], date]:
    """An argparse type: `2025-03` (the month's first day, or its last for --to) or a date."""
    def parse(text: str) -> date:
        from askel.export.disclosure import PeriodError, parse_bound

        try:
            return parse_bound(text, end=end)
        except PeriodError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    return parse


def add_period_arguments(parser: argparse.ArgumentParser) -> None:
    """--from and --to as every command that publishes figures takes them."""
    parser.add_argument("--from", dest="start", type=month_bound(False), required=True, metavar="YYYY-MM",
                        help="the first month of the period")
    parser.add_argument("--to", dest="end", type=month_bound(True), required=True, metavar="YYYY-MM",
                        help="the last month (a calendar month, quarter, half-year or year that has ended)")


def checked_period(args, kind: str | None = None):
    """The period of --from/--to, or a CommandError that says why it may not be published. Tables are published
    for one `kind` of period only (setting statistics_period); a data set (record level) may cover any period."""
    from askel.export.disclosure import Period, PeriodError

    if args.start.year < FIRST_YEAR or args.end.year > LAST_YEAR:
        raise CommandError(f"the period must lie within the years {FIRST_YEAR}–{LAST_YEAR}")
    try:
        return Period.checked(args.start, args.end, today=date.today(), kind=kind)
    except PeriodError as error:
        raise CommandError(str(error)) from None


def register(commands: argparse._SubParsersAction) -> None:
    stats = commands.add_parser("stats", help="anonymous unit statistics as CSV or XLSX (no client data)")
    add_period_arguments(stats)
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
    ctx = context(args)
    checked_period(args, str(ctx.settings.get("statistics_period")))
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
