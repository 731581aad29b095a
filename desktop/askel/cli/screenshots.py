"""`askel screenshots --out DIR`: every main screen and dialog in Finnish and Swedish, at 100 % and 200 % text.

Offscreen by default (documentation); `--real-windows` shows each as a real window on the current display and shoots
the whole screen, which is what a person gets: run it under Xvfb with a window manager (see
../shared/tools/real-window or `xvfb-run`), on a 1366×768 screen.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from askel.cli.common import CommandError, context, data_dir
from askel.cli.files import check_destination, write_file


def register(commands: argparse._SubParsersAction) -> None:
    shots = commands.add_parser("screenshots", help="render every main screen and dialog in Finnish and Swedish")
    shots.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    shots.add_argument("--text-size", type=int, nargs="+", choices=(100, 125, 150, 175, 200), default=[100, 200],
                       help="text sizes in per cent (default: 100 200)")
    shots.add_argument("--language", nargs="+", choices=("fi", "sv"), default=["fi", "sv"])
    shots.add_argument("--real-windows", action="store_true",
                       help="show real windows on the current display and shoot the whole screen")
    shots.set_defaults(handler=run_screenshots)


def run_screenshots(args) -> int:
    check_destination(args.out / "screenshot.png", data_dir(args))
    if args.real_windows:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            raise CommandError("--real-windows needs a display: run it under Xvfb with a window manager")
        from askel.ui.screenshots import render_real_windows as render
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from askel.ui.screenshots import render_all as render

    for name, image in render(context(args), tuple(args.language), tuple(args.text_size)):
        write_file(args, args.out / name, image, what="screenshot", mode=0o644)
    return 0
