"""The unlock screen, which is also the lock screen: it shows nothing about any client."""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from askel.store.errors import VaultError, offers_backup
from askel.ui.accessibility import announce
from askel.ui.i18n import content_locale, format_datetime, translate
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, Field, lead, line_edit, set_busy, title
from askel.ui.workers import run_in_background

log = logging.getLogger(__name__)


class UnlockScreen(QWidget):
    unlocked = Signal(object)  # the opened Vault
    language_requested = Signal(str)

    def __init__(self, data_dir, parent: QWidget | None = None):
        super().__init__(parent)
        styled_page(self, "screen")
        self.data_dir = data_dir
        self.locked_by_timer = False

        self.heading = title()
        self.explanation = lead()
        self.passphrase = line_edit(password=True, max_length=1024)
        self.passphrase_field = Field(self.passphrase)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setObjectName("caption")
        self.status.setWordWrap(True)
        # Restoring needs the passphrase too and shows no client data, so the locked screen may offer it.
        self.restore_link = QPushButton()
        self.restore_link.setObjectName("link")
        self.restore_link.clicked.connect(self.open_restore)
        self.restore_dialog = None
        self.backup_hint = ""

        card = Card()
        card.setMaximumWidth(52 * GRID)
        card.body.addWidget(self.heading)
        card.body.addWidget(self.explanation)
        card.body.addWidget(self.passphrase_field)
        card.body.addWidget(self.unlock_button)
        card.body.addWidget(self.busy)
        card.body.addWidget(self.status)
        card.body.addWidget(self.restore_link, 0, Qt.AlignmentFlag.AlignLeft)

        self.finnish = QPushButton("Suomeksi")
        self.swedish = QPushButton("På svenska")
        for button, language in ((self.finnish, "fi"), (self.swedish, "sv")):
            button.setObjectName("link")
            button.setLocale(content_locale(language))  # each language's name is spoken in that language
            button.clicked.connect(lambda _=False, lang=language: self.language_requested.emit(lang))
        languages = QHBoxLayout()
        languages.addStretch()
        languages.addWidget(self.finnish)
        languages.addWidget(self.swedish)
        languages.addStretch()

        outer = QVBoxLayout(self)
        outer.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(card)
        row.addStretch()
        outer.addLayout(row)
        outer.addLayout(languages)
        outer.addStretch()

        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.retranslate()

    def retranslate(self) -> None:
        if self.locked_by_timer:
            self.heading.setText(self.tr("Askel is locked"))
            self.explanation.setText(
                self.tr("Askel locked itself to protect client data. Enter your passphrase to continue.")
            )
        else:
            self.heading.setText(self.tr("Welcome back"))
            self.explanation.setText(self.tr("Enter your passphrase to open your clients."))
        self.passphrase_field.set_text(self.tr("&Passphrase"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.status.setText(self.tr("Opening…") if self.busy.isVisible() else self._backup_hint_text())
        self.restore_link.setText(self.tr("Restore a backup…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self, locked_by_timer: bool) -> None:
        self.locked_by_timer = locked_by_timer
        self.passphrase.clear()
        self.passphrase_field.set_error("")
        self.backup_hint = ""
        self._set_busy(False)
        self.retranslate()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self) -> None:
        if self.busy.isVisible():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.passphrase_field.set_error(self.tr("Enter your passphrase."))
            announce(self.passphrase, self.passphrase_field.error.text(), urgent=True)
            return
        self.passphrase_field.set_error("")
        self._set_busy(True)
        # Argon2id takes about half a second: run it off the UI thread so the window stays responsive. The store
        # is imported there too (usually it already is: see `preload_store`).
        run_in_background(lambda: _unlock(self.data_dir, passphrase), self._done, self.show_refusal)

    def _done(self, vault) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(vault)

    def show_refusal(self, error: Exception) -> None:
        """Why the vault did not open (or was closed), with the latest backup offered when that can help."""
        self._set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(error, VaultError):
            self.passphrase_field.set_error(translate(error.message))
        else:
            self.passphrase_field.set_error(self.tr("Askel could not open the data folder."))
        announce(self.passphrase, self.passphrase_field.error.text(), urgent=True)  # the field keeps the focus
        # A damaged or missing database or key file: point at the newest backup.
        if offers_backup(error):
            from askel.store.backup import latest_backup

            latest = latest_backup(self.data_dir)
        else:
            latest = None
        self.backup_hint = format_datetime(latest.created.astimezone()) if latest else ""
        self.status.setText(self._backup_hint_text())
        if latest is not None:
            self.restore_link.setFocus()

    def _backup_hint_text(self) -> str:
        if not self.backup_hint:
            return ""
        return self.tr("The latest backup was taken on {date}.").format(date=self.backup_hint)

    def open_restore(self) -> None:
        """The restore dialog; a restored vault opens like an unlocked one."""
        if self.busy.isVisible():
            return
        from askel.ui.restore_dialog import RestoreDialog

        self.restore_dialog = RestoreDialog(self.data_dir, self)
        self.restore_dialog.restored.connect(self._done)
        self.restore_dialog.finished.connect(self._restore_closed)
        self.restore_dialog.open()

    def _restore_closed(self) -> None:
        if self.restore_dialog is not None:
            self.restore_dialog.deleteLater()
            self.restore_dialog = None

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        set_busy((self.passphrase, self.unlock_button, self.restore_link), busy)
        self.status.setText(self.tr("Opening…") if busy else self._backup_hint_text())


def _unlock(data_dir, passphrase: str):
    from askel.store.vault import Vault

    return Vault.unlock(data_dir, passphrase, check_later=True)  # checked after the paint: shell.unlock_maintenance


# The store, then what building the unlocked window imports (module code only: no widget is made on this thread).
STORE_MODULES = ("askel.store.vault", "askel.store.backup", "askel.store.courses", "askel.store.groups",
                 "askel.store.clients",
                 "askel.export.retention", "askel.export.log", "askel.ui.workspace", "askel.ui.client_list")


def preload_store() -> threading.Thread:
    """Import the store stack (SQLAlchemy, SQLCipher, cryptography, the models) and the workspace's modules on a
    thread of its own while the passphrase is typed: the unlock screen paints before any of it is imported, and
    Enter finds it ready. Importing defines classes; every widget is still made on the UI thread."""

    def run() -> None:
        for name in STORE_MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the unlock itself imports again and reports any real error
                log.warning("preloading %s failed", name)
                return

    thread = threading.Thread(target=run, name="askel-preload", daemon=True)
    thread.start()
    return thread
