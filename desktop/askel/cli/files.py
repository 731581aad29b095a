"""The one way a command writes a file the user named (`--out`, a key, a decrypted export).

    from askel.cli.files import write_file
    write_file(args, args.out, data, what="encrypted backup")          # → "encrypted backup written to PATH"
    write_file(args, path, pem, what="private key", new_only=True)     # a key: never over an existing file

Rules, each a one-line CommandError that leaves every file as it was:
- never inside the data folder (which holds the backups folder), wherever it is reached from (`..`, a symbolic
  link), and never onto a file named like a live vault file (askel.db, its -wal/-shm, askel.key, …) anywhere:
  that may be another vault's folder or a copy somebody relies on;
- never onto an existing key (a PEM file, an Askel key file, a `.key`/`.pem` file), and never over any existing
  file when the output is itself a key (`new_only`);
- never onto a folder; missing folders on the way are created (outside the data folder, as checked above);
- written atomically: a temp file in the same folder, permissions set first, fsync, then renamed into place, so
  a reader (or a kill) sees the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from askel.cli.common import CommandError, data_dir
from askel.core.atomic import fsync_directory

# Names of the files that make up a vault: never a destination, in any folder.
LIVE_NAMES = frozenset({
    "askel.db", "askel.db-wal", "askel.db-shm", "askel.db-journal", "askel.db.restoring", "askel.key",
    "askel.key.tmp", "unlock-attempts.json", "handover-attempts.json",
})
KEY_SUFFIXES = (".key", ".pem")
_KEY_PROBE_BYTES = 64 * 1024


def check_destination(path: Path, data_folder: Path, *, new_only: bool = False) -> Path:
    """`path` made absolute, or a CommandError saying why a command may not write there."""
    path = Path(os.path.abspath(path))
    shown = str(path)
    if path.name in LIVE_NAMES or path.name.lower() in LIVE_NAMES:
        raise CommandError(f"refusing to write {shown}: {path.name} is the name of a vault file")
    resolved = _resolve(path)
    if resolved.name in LIVE_NAMES:
        raise CommandError(f"refusing to write {shown}: it leads to a vault file")
    folder = _resolve(Path(os.path.abspath(data_folder)))
    if resolved == folder or folder in resolved.parents:
        raise CommandError(f"refusing to write {shown}: it is inside the data folder {folder}; choose another folder")
    if path.is_dir():
        raise CommandError(f"{shown} is a folder; name a file")
    if path.exists() or path.is_symlink():
        if new_only:
            raise CommandError(f"{shown} already exists; a key is never written over an existing file")
        if _is_key(path):
            raise CommandError(f"refusing to write {shown}: it holds a key, and keys are never overwritten")
    return path


def write_file(args, path: Path, content: bytes | Callable[[Path], None], *, what: str | None,
               mode: int = 0o600, new_only: bool = False, detail: str = "") -> Path:
    """Check `path` (see the module rules), write `content` atomically and, when `what` is given, say so in one line.

    `content` is the bytes, or a function that writes the file at the temporary path it is given (an SQLite
    backup). Returns the absolute path written.
    """
    target = check_destination(path, data_dir(args), new_only=new_only)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or type(error).__name__}") from None
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temporary = Path(name)
    try:
        os.close(handle)
        os.chmod(temporary, mode)
        if callable(content):
            temporary.unlink()
            content(temporary)
            os.chmod(temporary, mode)
        else:
            with open(temporary, "wb") as stream:
                stream.write(content)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        if new_only:
            _link_new(temporary, target)  # fails when the target appeared meanwhile: a key is never replaced
        else:
            os.replace(temporary, target)
        fsync_directory(target.parent)
    except FileExistsError:
        raise CommandError(f"{target} already exists; a key is never written over an existing file") from None
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or type(error).__name__}") from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    if what:
        report(what, target, detail)
    return target


def _link_new(temporary: Path, target: Path) -> None:
    """Give the finished temp file the target's name only if no file has it (FileExistsError otherwise)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links (FAT, some network shares): create exclusively and copy.
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, temporary.stat().st_mode & 0o777)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(temporary.read_bytes())
            stream.flush()
            os.fsync(stream.fileno())


def report(what: str, path: Path, detail: str = "") -> None:
    """The one line a command prints for a file it wrote."""
    print(f"{what} written to {path}" + (f"; {detail}" if detail else ""))


def _resolve(path: Path) -> Path:
    with contextlib.suppress(OSError, RuntimeError):
        return path.resolve()
    return path


def _is_key(path: Path) -> bool:
    if path.suffix.lower() in KEY_SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(_KEY_PROBE_BYTES)
    except OSError:
        return False
    # A PEM private or public key, or an Askel key file (JSON with the vault id and its key wraps).
    return b"-----BEGIN" in head[:1024] or (head.lstrip().startswith(b"{") and b'"wraps"' in head
                                               and b'"vault_id"' in head)
