"""`askel screenshots --out DIR`: render the main screens offscreen in Finnish and Swedish (documentation)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from askel.cli.common import context, data_dir
from askel.cli.files import check_destination


def register(commands: argparse._SubParsersAction) -> None:
    shots = commands.add_parser("screenshots", help="render the main screens offscreen in Finnish and Swedish")
    shots.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    shots.set_defaults(handler=run_screenshots)


def run_screenshots(args) -> int:
    check_destination(args.out / "screenshot.png", data_dir(args))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from askel.ui.screenshots import render_all

    for path in render_all(args.out, context(args)):
        print(path)
    return 0
