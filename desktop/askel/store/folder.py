"""The files of a data folder, by name only: no database, no cryptography.

Light enough to import before the first window paints (the unlock screen and the start-up check whether a vault
exists); `askel.store.vault` opens what these paths name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class DataFolder:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "askel.db"

    @property
    def key_file(self) -> Path:
        return self.root / "askel.key"

    @property
    def attempts(self) -> Path:
        return self.root / "unlock-attempts.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def packs(self) -> Path:
        return self.root / "content" / "packs"

    def has_vault(self) -> bool:
        return self.key_file.exists() or self.database.exists()

    def sidecars(self, database: Path | None = None) -> tuple[Path, Path]:
        """SQLite's write-ahead log and its index beside a database file."""
        database = database or self.database
        return database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")

    def looks_like_training(self) -> bool:
        """The key file's training flag, read without checking the file's MAC: only for the banner shown before
        unlocking (the unlocked window takes the flag from the authenticated key file)."""
        return self._header().get("training") is True

    def may_be_remembered(self) -> bool:
        """Whether the key file has a wrap for the OS keyring: only then is opening without the passphrase tried
        (`Vault.unlock_remembered` checks it all); otherwise the unlock screen needs nothing of the store."""
        wraps = self._header().get("wraps")
        return isinstance(wraps, dict) and "keyring" in wraps

    def _header(self) -> dict:
        try:
            if self.key_file.stat().st_size > MAX_HEADER_BYTES:
                return {}
            data = json.loads(self.key_file.read_bytes())
        except (OSError, ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}
