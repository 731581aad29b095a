"""Crash reports that carry no client data.

An exception's message and the local variables of its frames may hold whatever the program was working on: a name,
an identity code, a note. A crash report here keeps only what identifies the fault in the code: the exception's
type, and for each frame the file, line number, function and that line of source code (code, not data); the same
for every chained exception (`raise … from …`, or raised while handling another). Reports go to the log folder as
`crash-<UTC time>-<pid>.txt`, mode 0600. Nothing else is printed: the default hook would write the message to
standard error, which a terminal, a service log or a Windows event collector may keep.

    from askel import crash
    crash.install()          # sys.excepthook, threading.excepthook, and faulthandler for hard crashes

The lead wires `install()` into `askel.app` after `setup_logging()`.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from askel import __version__
from askel.core import paths
from askel.core.atomic import atomic_write

logger = logging.getLogger(__name__)
MAX_FRAMES = 200
MAX_CHAIN = 10
_fault_file = None  # kept open for faulthandler, which writes to it from a signal handler


def format_report(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None,
                  *, thread: str | None = None) -> str:
    """The report text: types and frames of the exception and its chain; never a message, never a variable."""
    lines = [
        "Askel crash report",
        f"time: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"version: {__version__}",
        f"python: {platform.python_version()} ({sys.platform}, {platform.machine()})",
    ]
    if thread:
        lines.append(f"thread: {thread}")
    chain = _chain(exc_type, exc, tb)
    for depth, (kind, trace) in enumerate(chain):
        if depth:
            lines += ["", "which was caused by, or raised while handling:"]
        lines.append(f"exception: {_qualified_name(kind)}")
        lines.append("traceback (most recent call last):")
        for frame in traceback.extract_tb(trace, limit=MAX_FRAMES):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
    lines.append("")
    lines.append("(exception messages and variables are left out: they may contain client data)")
    return "\n".join(lines) + "\n"


def _chain(exc_type, exc, tb) -> list[tuple[type[BaseException], TracebackType | None]]:
    """The exception and its causes, innermost last; a cycle or a very long chain is cut."""
    chain = [(exc_type, tb)]
    seen = {id(exc)}
    current = exc
    while current is not None and len(chain) < MAX_CHAIN:
        following = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if following is None or id(following) in seen:
            break
        seen.add(id(following))
        chain.append((type(following), following.__traceback__))
        current = following
    return chain


def _qualified_name(kind: type) -> str:
    module = getattr(kind, "__module__", "") or ""
    name = getattr(kind, "__qualname__", None) or getattr(kind, "__name__", "?")
    return name if module in ("builtins", "") else f"{module}.{name}"


def write_report(report: str, log_dir: Path | None = None) -> Path | None:
    """Write one report file into the log folder; None when even that fails (a crash handler must not raise)."""
    folder = Path(log_dir) if log_dir else paths.log_dir()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"crash-{stamp}-{os.getpid()}.txt"
    try:
        atomic_write(target, report.encode("utf-8"), mode=0o600)
    except OSError:
        return None
    return target


def handle(exc_type, exc, tb, *, log_dir: Path | None = None, thread: str | None = None) -> Path | None:
    """Write the report and say where it is, in one line without the message."""
    try:
        path = write_report(format_report(exc_type, exc, tb, thread=thread), log_dir)
        where = str(path) if path else "nowhere (the log folder is not writable)"
        logger.error("unexpected error %s; crash report: %s", _qualified_name(exc_type), where)
        with contextlib.suppress(Exception):
            print(f"Askel: unexpected error ({_qualified_name(exc_type)}); crash report: {where}", file=sys.stderr)
        return path
    except Exception:  # the last line of defence never raises
        return None


def install(log_dir: Path | None = None, *, on_crash: Callable[[Path | None], None] | None = None) -> None:
    """Replace sys.excepthook and threading.excepthook, and send hard crashes (faulthandler) to the log folder.

    `on_crash(path)` runs after a report was written, e.g. to show the user a short apology dialog.
    KeyboardInterrupt keeps its default handling.
    """
    previous = sys.excepthook

    def excepthook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        path = handle(exc_type, exc, tb, log_dir=log_dir)
        if on_crash is not None:
            with contextlib.suppress(Exception):
                on_crash(path)

    def thread_hook(args: threading.ExceptHookArgs):
        if args.exc_type is SystemExit:
            return
        path = handle(args.exc_type, args.exc_value, args.exc_traceback, log_dir=log_dir,
                      thread=args.thread.name if args.thread else None)
        if on_crash is not None:
            with contextlib.suppress(Exception):
                on_crash(path)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    enable_faulthandler(log_dir)


def enable_faulthandler(log_dir: Path | None = None) -> Path | None:
    """A segfault in Qt or a driver prints the Python stacks (file, line, function only) into the log folder."""
    global _fault_file
    folder = Path(log_dir) if log_dir else paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "faults.txt"
        handle_ = open(path, "a", encoding="utf-8")  # noqa: SIM115 (kept open for the process's lifetime)
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
    except OSError:
        return None
    if _fault_file is not None:
        with contextlib.suppress(OSError):
            _fault_file.close()
    _fault_file = handle_
    faulthandler.enable(file=handle_, all_threads=True)
    return path
