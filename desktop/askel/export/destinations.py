"""Where an export goes: a file the user chose, or the drop folder that IT policy names (`export_drop_folder`).

Rules:
- every file is written atomically (temp file in the same folder, fsync, rename), so a reader of the drop folder
  never sees half a file;
- file names carry no client data: `askel-<scope>-<kind>-<language>-<UTC time>-<random>.<ext>`;
- when IT policy sets a recipient key (`export_recipient_key`), whatever goes to the drop folder is encrypted to it,
  including a "chosen" file that happens to lie in the drop folder or in any folder under it: the drop folder never
  holds readable client data; every encrypted export is signed by the installation's key;
- the drop folder is never created by Askel: a missing folder usually means an unmounted network share, and
  writing into a local folder of the same name would leave client data where nobody expects it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from askel.core.atomic import atomic_write
from askel.export import crypto

EXTENSIONS = {"text": ".txt", "pdf": ".pdf", "pdf_client": ".pdf", "fhir": ".json", "handout": ".pdf"}
MEDIA_TYPES = {"text": "text/plain; charset=utf-8", "pdf": "application/pdf", "pdf_client": "application/pdf",
               "fhir": "application/fhir+json", "handout": "application/pdf"}
FILE_MODE = 0o600
DROP_FOLDER_MODE = 0o640  # the integration service reading the share is often another account in the same group


class ExportError(Exception):
    """An export that could not be delivered. `.reason` is a stable code the UI translates; the message is
    English, for logs and the command line, and never carries client data."""

    def __init__(self, reason: str, text: str):
        self.reason = reason
        super().__init__(text)


@dataclass(frozen=True)
class Target:
    """Where the bytes go and whether they are encrypted first."""

    path: Path
    encrypt: bool
    drop_folder: bool
    recipient_key: str = ""
    chosen_name: bool = True  # named by the user (logged by a pseudonym), or generated without client data


def suggested_name(kind: str, language: str, session_number: int | None, when: datetime) -> str:
    scope = f"session{session_number}" if session_number is not None else "course"
    return f"askel-{scope}-{kind}-{language}-{when:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}{EXTENSIONS[kind]}"


def in_folder(path: Path, folder: str) -> bool:
    """True when `path` lies anywhere under `folder` (in a subfolder too, through any link or `..`)."""
    if not folder:
        return False
    with contextlib.suppress(OSError, ValueError, RuntimeError):
        return Path(path).resolve().is_relative_to(Path(folder).resolve())
    return False


def file_target(path: Path, *, encrypt: bool, drop_folder: str = "", recipient_key: str = "") -> Target:
    """A file the user chose. Encrypted when asked, and always when it lies in the drop folder and a key is set."""
    path = Path(path)
    in_drop = in_folder(path, drop_folder)
    must = bool(recipient_key) and in_drop
    if (encrypt or must) and not recipient_key:
        raise ExportError("no_recipient_key", "no recipient key is set in the IT policy")
    encrypted = encrypt or must
    if encrypted and path.suffix != crypto.SUFFIX:
        path = path.with_name(path.name + crypto.SUFFIX)
    return Target(path, encrypted, in_drop, recipient_key if encrypted else "")


def drop_folder_target(drop_folder: str, file_name: str, *, recipient_key: str = "") -> Target:
    if not drop_folder:
        raise ExportError("drop_folder_not_set", "no export folder is set in the IT policy")
    folder = Path(drop_folder)
    if not folder.is_dir():
        raise ExportError("drop_folder_missing", "the export folder is not reachable")
    name = file_name + crypto.SUFFIX if recipient_key else file_name
    return Target(folder / name, bool(recipient_key), True, recipient_key, chosen_name=False)


def payload(target: Target, data: bytes, media_type: str, plain_name: str, signer=None) -> bytes:
    """The bytes that will be written: the export itself, or its envelope, encrypted to the recipient and signed by
    `signer` (the installation, askel.store.installation.identity) so that the receiver can tell it is genuine."""
    if not target.encrypt:
        return data
    if signer is None:
        raise ValueError("an encrypted export is signed by the installation")
    return crypto.encrypt(data, target.recipient_key, media_type=media_type, name=plain_name, signer=signer)


def write(target: Target, data: bytes) -> None:
    """Write atomically; raise ExportError (no client data in it) when the disk refuses."""
    if target.drop_folder and not target.path.parent.is_dir():
        raise ExportError("drop_folder_missing", "the export folder is not reachable")
    try:
        atomic_write(target.path, data, mode=DROP_FOLDER_MODE if target.drop_folder else FILE_MODE)
    except OSError as error:
        raise ExportError("write_failed", f"the file could not be written ({error.strerror or 'error'})") from None


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
