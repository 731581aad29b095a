"""The `askel` command: the program by default, and headless commands for IT, content authors and automation.

One module per command group; each has `register(commands)`, which adds its sub-commands with
`set_defaults(handler=…)`; a handler takes the parsed arguments and returns the exit code (0 done, 1 refused or
failed). Two helpers are shared by all of them, and no command reads a passphrase or writes a file another way:

- `askel.cli.common`: the context (settings, data folder, content), the passphrase (--passphrase-file,
  ASKEL_PASSPHRASE, or a no-echo prompt at a terminal), `open_vault(args)`, and `CommandError` for one-line failures;
- `askel.cli.files.write_file`: every file a command writes (never into the data folder, never over a key,
  atomically, one line).

`main()` turns every failure into one line on standard error: a CommandError, a VaultError (wrong passphrase,
damaged file), a closed pipe (`askel selftest | head`), an argument that is not UTF-8, and anything unexpected
(then with a crash report that carries no client data).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from askel import __version__


def build_parser() -> argparse.ArgumentParser:
    # The command groups, in the order of `askel --help`; a new group is one module with register(commands) here.
    # Imported plainly (not by name) so that the packaged program finds them.
    from askel.cli import (
        audit,
        backups,
        content,
        dataset,
        demo,
        exports,
        handover,
        init,
        policy,
        recovery,
        region,
        release,
        screenshots,
        selftest,
        stats,
    )

    parser = argparse.ArgumentParser(
        prog="askel",
        description="Askel: short psychosocial interventions in primary care. Without a command, starts the program.",
    )
    parser.add_argument("--version", action="version", version=f"Askel {__version__}")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: ASKEL_DATA_DIR or the user data folder)")
    parser.add_argument("--passphrase-file", type=Path,
                        help="read the passphrase from the first line of this file (automation only; else "
                             "ASKEL_PASSPHRASE, else it is asked at the terminal)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in (init, selftest, audit, backups, recovery, exports, handover, stats, dataset, region, content,
                  policy, demo, release, screenshots):
        group.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    from askel.cli.common import CommandError

    _tolerant_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    if any(not _is_utf8(argument) for argument in argv):
        return fail("an argument is not valid UTF-8 text; nothing was done")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.command:
            parser.parse_args([args.command, "--help"])
        from askel.app import run_gui, setup_logging
        from askel.cli.common import context

        setup_logging()
        return run_gui(context(args))
    from askel.store.errors import VaultError

    try:
        code = handler(args)
        sys.stdout.flush()
        return code
    except CommandError as error:
        return fail(str(error))
    except VaultError as error:  # a wrong passphrase, a damaged file: one clear line, no traceback
        return fail(error.message.english())
    except BrokenPipeError:  # `askel selftest | head`: the reader has gone; nothing more to say
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except Exception:  # anything else: one line (from the crash handler) and a report without client data
        from askel import crash

        crash.handle(*sys.exc_info())
        return 1


def fail(text: str) -> int:
    print(f"askel: {text}", file=sys.stderr)
    return 1


def _is_utf8(argument: str) -> bool:
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes reach Python as lone surrogates
        return False
    return True


def _tolerant_output() -> None:
    """A path or name that the terminal cannot show is escaped, never a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _silence_stdout() -> None:
    """After a closed pipe, point standard output at nothing so that the interpreter's last flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())
