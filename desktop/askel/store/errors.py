"""Errors the vault raises, each with a user-visible message the UI translates (context "vault").

Messages never contain client data: they describe what is wrong with a file, not what is in it.
"""

from __future__ import annotations

from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message


class VaultError(Exception):
    """Base class: `.message` is the translatable explanation shown to the user."""

    default_text = QT_TRANSLATE_NOOP("vault", "The data folder could not be opened.")

    def __init__(self, msg: Message | None = None):
        self.message = msg or message("vault", self.default_text)
        super().__init__(self.message.english())


class WrongPassphrase(VaultError):
    default_text = QT_TRANSLATE_NOOP("vault", "The passphrase is not correct. Check the keyboard layout and Caps Lock.")


class TooManyAttempts(VaultError):
    def __init__(self, wait_seconds: int):
        self.wait_seconds = wait_seconds
        super().__init__(
            message(
                "vault",
                QT_TRANSLATE_NOOP("vault", "Too many wrong passphrases. Try again in {seconds} seconds."),
                seconds=wait_seconds,
            )
        )


class KeyFileMissing(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "The key file of this data folder is missing. Without it the data cannot be opened: "
        "restore the key file from a backup or ask IT to use the organisation recovery key.",
    )


class KeyFileDamaged(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "The key file of this data folder is damaged. Nothing was changed. "
        "Restore the key file from a backup or ask IT to use the organisation recovery key.",
    )


class KeyFileOutdated(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "This key file is older than the database: the passphrase or the keys were changed after it was made, so "
        "it is no longer accepted. Nothing was changed. Put the current key file back, or ask IT to use the "
        "organisation recovery key.",
    )


class DataFolderNotFolder(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault", "The data folder is a file, not a folder. Check the data folder setting. Nothing was changed.")


class DatabaseDamaged(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "The database could not be read: it may be damaged or belong to another key file. "
        "Nothing was changed. You can restore the latest backup.",
    )


class DatabaseMissing(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "The database file of this data folder is missing. Nothing was created in its place. "
        "You can restore the latest backup.",
    )


class DatabaseTooNew(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "This data was saved by a newer version of Askel. Install the newer version to open it; "
        "nothing was changed.",
    )


class KeyringUnavailable(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault", "This computer has no secure key storage available. Use the passphrase instead."
    )


class NotRemembered(VaultError):
    default_text = QT_TRANSLATE_NOOP("vault", "The passphrase is not remembered on this computer.")


class RecoveryNotConfigured(VaultError):
    default_text = QT_TRANSLATE_NOOP("vault", "This data folder has no organisation recovery key.")


class VaultExists(VaultError):
    default_text = QT_TRANSLATE_NOOP("vault", "This data folder already holds an Askel vault.")


class StorageFull(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault", "The disk is full or not writable. The last change was not saved; free some space and try again."
    )


class DatabaseIncomplete(VaultError):
    """The write-ahead log (askel.db-wal) is gone while its index (askel.db-shm) is still there."""

    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "Part of the database is missing: the file askel.db-wal, which holds the latest changes, is gone. "
        "Nothing was changed. Put the file back if you have a copy, or restore the latest backup.",
    )


class StorageFailed(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "Askel could not read or write the data folder. Check that the disk is connected and working. "
        "The last change was not saved.",
    )


class BackupUnusable(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "This backup cannot be restored: it is damaged or was made with another key file. "
        "Nothing was changed.",
    )


class BackupTooNew(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "This backup was made by a newer version of Askel and cannot be restored here. Nothing was changed.",
    )


# The errors after which the unlock screen offers the latest backup (the database or its key file is unusable).
OFFER_BACKUP = (DatabaseDamaged, DatabaseMissing, DatabaseIncomplete, KeyFileDamaged, KeyFileMissing)


def offers_backup(error: BaseException) -> bool:
    """True when restoring a backup is a sensible next step after this error."""
    return isinstance(error, OFFER_BACKUP)
