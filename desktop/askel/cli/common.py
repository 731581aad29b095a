"""What every headless command shares: the context, the passphrase, opening the vault, and one-line failures.

    from askel.cli.common import CommandError, context, open_vault, passphrase

    def run_something(args) -> int:
        vault = open_vault(args)              # the passphrase as below; a VaultError becomes one line in main()
        try: ...
        finally: vault.close()
        raise CommandError("what went wrong, in one line")   # → "askel: …" on standard error, exit 1

The passphrase comes from, in this order: `--passphrase-file FILE` (its first line), ASKEL_PASSPHRASE, or, when
standard input is a terminal, a prompt that does not echo. The file and the variable exist for automation and tests;
a person at a terminal types it.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

PASSPHRASE_ENV = "ASKEL_PASSPHRASE"
MAX_PASSPHRASE_FILE_BYTES = 64 * 1024


class CommandError(Exception):
    """A command that cannot go on: the message is one line for standard error, without client data."""


def context(args):
    """Settings, the data folder and (on first use) the content library for this run."""
    from askel.app import make_context

    return make_context(getattr(args, "data_dir", None))


def data_dir(args) -> Path:
    return Path(context(args).data_dir)


def passphrase(args, *, required: bool = True, prompt: str = "Passphrase: ") -> str | None:
    """The passphrase from --passphrase-file, ASKEL_PASSPHRASE or a no-echo terminal prompt.

    When not `required` (selftest) nothing is asked and the answer may be None; else, without a file, the
    variable or a terminal, a CommandError names the ways to give it.
    """
    path = getattr(args, "passphrase_file", None)
    if path is not None:
        return read_passphrase_file(Path(path))
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not required:
        return None
    if _interactive():
        try:
            typed = getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            raise CommandError("no passphrase given") from None
        if typed:
            return typed
        raise CommandError("no passphrase given")
    raise CommandError(f"give the passphrase: type it at a terminal, or (automation only) set {PASSPHRASE_ENV} "
                       "or use --passphrase-file FILE")


def new_passphrase(args, *, settings=None) -> str:
    """A passphrase for a new key wrap (init, recover): a prompt asks twice; the strength check applies to all."""
    path = getattr(args, "passphrase_file", None)
    typed = path is None and not os.environ.get(PASSPHRASE_ENV) and _interactive()
    value = passphrase(args, prompt="New passphrase: ")
    if typed:
        try:
            again = getpass.getpass("The same passphrase again: ")
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            raise CommandError("no passphrase given") from None
        if again != value:
            raise CommandError("the two passphrases differ; nothing was changed")
    check_new_passphrase(value, settings)
    return value


def check_new_passphrase(value: str, settings=None) -> None:
    """The same strength rule as the program's own passphrase dialogs."""
    from askel.core import validation

    minimum = (int(settings.get("passphrase_min_strength")) if settings is not None
               else validation.DEFAULT_PASSPHRASE_STRENGTH)
    blocking = [p for p in validation.passphrase_strength(value, minimum) if p.blocking]
    if blocking:
        raise CommandError(" ".join(p.message.english() for p in blocking))


def read_passphrase_file(path: Path, option: str = "--passphrase-file", what: str = "a passphrase") -> str:
    """The first line of `path`, with one clear line for a missing, unreadable, non-text or empty file."""
    try:
        if path.is_dir():
            raise CommandError(f"{option} {path} is a folder, not a file")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_PASSPHRASE_FILE_BYTES + 1)
    except FileNotFoundError:
        raise CommandError(f"{option} {path} does not exist") from None
    except OSError as error:
        raise CommandError(f"{option} {path} cannot be read ({error.strerror or 'error'})") from None
    if len(raw) > MAX_PASSPHRASE_FILE_BYTES:
        raise CommandError(f"{option} {path} is too large to hold " + what)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandError(f"{option} {path} is not UTF-8 text") from None
    text = text.removeprefix("\ufeff")  # a byte order mark from a Windows editor is not part of the value
    lines = text.splitlines()
    value = lines[0] if lines else ""
    if not value:
        raise CommandError(f"{option} {path} is empty")
    return value


def open_vault(args):
    """Unlock the vault of this run's data folder with the passphrase (see `passphrase`), then bring its key wraps
    in line with IT policy, as every unlock does (askel.store.vault.Vault.apply_key_policy)."""
    from askel.store.vault import Vault

    ctx = context(args)
    folder = Path(ctx.data_dir)
    check_data_folder(folder)
    vault = Vault.unlock(folder, passphrase(args))
    try:
        vault.apply_key_policy(str(ctx.settings.get("recovery_public_key") or ""),
                               bool(ctx.settings.get("remember_allowed")))
    except BaseException:
        vault.close()
        raise
    return vault


def check_data_folder(folder: Path) -> None:
    """A data folder path that is a file, or a folder without a vault, gets its own line (not "key file damaged")."""
    from askel.store.vault import DataFolder

    if folder.exists() and not folder.is_dir():
        raise CommandError(f"the data folder {folder} is a file, not a folder")
    if not DataFolder(folder).has_vault():
        raise CommandError(f"there is no vault in {folder} (create one with `askel init` or the program)")


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def check_data_folder_is_new(folder: Path) -> None:
    """Before creating a vault: the folder may not exist yet, but it must be a folder and writable."""
    from askel.store.vault import DataFolder

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"the data folder {folder} is a file, not a folder")
    if DataFolder(folder).has_vault():
        raise CommandError(f"there is already a vault in {folder}; nothing was changed")
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise CommandError(f"cannot create a vault in {folder}: {existing} is not writable")
