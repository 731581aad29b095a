"""`askel policy …`: IT's commands for the settings policy.

    askel policy templates --out DIR    write the ADMX/ADML templates and the JSON schema
    askel policy show [--json]          every setting with its value, source and lock, then any problems

`register(subparsers)` adds the commands; each sets `args.handler`, which takes the parsed arguments and
returns the exit code: 0 on success, 1 when `show` found problems or `templates` could not write its files.
The templates are written through `askel.cli.files.write_file`, like every file a command writes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from askel.cli.common import data_dir
from askel.cli.files import check_destination, write_file
from askel.core import paths
from askel.core.settings import REGISTRY, USER_SETTINGS_FILENAME, Settings
from askel.deployment import policy_templates

_SHOWN_TEXT_LENGTH = 60


def register(subparsers: argparse._SubParsersAction) -> None:
    policy = subparsers.add_parser("policy", help="IT policy: Group Policy templates and effective settings")
    commands = policy.add_subparsers(dest="policy_command", required=True)

    templates = commands.add_parser("templates", help="write Askel.admx, its ADML files and the JSON schema")
    templates.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    templates.set_defaults(handler=run_templates)

    show = commands.add_parser("show", help="show every setting, its value, source and lock")
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show.add_argument(
        "--user-file",
        type=Path,
        default=None,
        help=f"the user settings file (default: {USER_SETTINGS_FILENAME} in the config folder)",
    )
    show.set_defaults(handler=run_show)


def run_templates(args: argparse.Namespace) -> int:
    files = {args.out / path: text for path, text in policy_templates.template_files().items()}
    for path in files:
        check_destination(path, data_dir(args))
    for path, text in files.items():
        write_file(args, path, text.encode("utf-8"), what=None, mode=0o644)
        print(path)
    return 0


def run_show(args: argparse.Namespace) -> int:
    settings = Settings.load(args.user_file or paths.config_dir() / USER_SETTINGS_FILENAME)
    rows = [
        {
            "key": key,
            "value": REGISTRY[key].to_json(settings.get(key)),
            "source": settings.source(key),
            "locked": settings.is_locked(key),
        }
        for key in REGISTRY
    ]
    problems = [problem.english() for problem in settings.problems]
    if args.json:
        print(json.dumps({"settings": rows, "problems": problems}, ensure_ascii=False, indent=2))
    else:
        _print_table(rows)
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _print_table(rows: list[dict]) -> None:
    shown = [
        (row["key"], _short(row["value"]), row["source"], "locked" if row["locked"] else "") for row in rows
    ]
    widths = [max(len(cells[column]) for cells in shown) for column in range(3)]
    for key, value, source, locked in shown:
        print(f"{key:<{widths[0]}}  {value:<{widths[1]}}  {source:<{widths[2]}}  {locked}".rstrip())


def _short(value: object) -> str:
    """One line per setting: multi-line text and long key lists are cut, with an ellipsis."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN_TEXT_LENGTH else text[: _SHOWN_TEXT_LENGTH - 1] + "…"
