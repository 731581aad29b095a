"""The main window: first run, unlock, and the workspace, with locking in between.

Locking closes the vault and destroys the workspace, so no client detail stays in any widget or model.

Start-up: this module and the unlock screen import nothing of the store (SQLAlchemy, SQLCipher, cryptography, the
models) nor the workspace, so the unlock screen paints first; `unlock.preload_store` then imports the store on a
thread of its own while the passphrase is typed (docs/performance.md has the figures).
"""

from __future__ import annotations

import contextlib
import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from askel.core import paths
from askel.store.errors import DatabaseDamaged, VaultError
from askel.store.folder import DataFolder
from askel.ui import geometry, theme
from askel.ui.autolock import AutoLock
from askel.ui.clipboard import shared_clipboard_guard
from askel.ui.policy_banner import PolicyBanner
from askel.ui.theme import styled_page
from askel.ui.unlock import UnlockScreen, preload_store
from askel.ui.widgets import Card, lead, title
from askel.ui.workers import run_in_background

if TYPE_CHECKING:
    from askel.store.vault import Vault
    from askel.ui.first_run import FirstRunAssistant
    from askel.ui.workspace import Workspace

log = logging.getLogger(__name__)
PRELOAD_AFTER_MS = 300  # long enough for the first paint of the unlocked window
PRELOAD_STORE_AFTER_MS = 100  # the unlock screen paints first, then the store is imported in the background
BUILD_AHEAD_POLL_MS = 50  # how often to look whether that import has finished


class Shell(QMainWindow):
    def __init__(self, context, languages, preload: bool = False):
        """`preload`: import the store stack in the background once the unlock screen is up (the program does;
        tests that build many shells need not)."""
        super().__init__()
        self.preload = preload
        self.preloading = None  # the thread importing the store, once started
        self.context = context
        self.settings = context.settings
        self.languages = languages
        self.vault: Vault | None = None
        self.workspace: Workspace | None = None
        self.workspace_ahead: Workspace | None = None  # built while the passphrase is typed (no client data)
        self.resume_at: tuple = ()  # where the user was when the screen locked (ids only)

        self.stack = QStackedWidget()
        # A training vault (fictitious clients, for teaching new staff) is marked on every screen.
        self.training_banner = QLabel()
        self.training_banner.setObjectName("training")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setVisible(DataFolder(context.data_dir).looks_like_training())
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.training_banner)
        self.policy_banner = PolicyBanner(context.settings.problems)  # hidden while IT's policy is in order
        column.addWidget(self.policy_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.unlock_screen = UnlockScreen(context.data_dir)
        self.unlock_screen.unlocked.connect(self.on_unlocked)
        self.unlock_screen.language_requested.connect(self.set_language)
        self.stack.addWidget(self.unlock_screen)
        self.first_run: FirstRunAssistant | None = None
        self.setup_blocked = SetupBlocked()

        self.autolock = AutoLock(QApplication.instance(), int(self.settings.get("auto_lock_minutes")), self)
        self.autolock.expired.connect(lambda: self.lock(by_timer=True))
        self.setMinimumSize(1024, 640)
        # Where the window was last time, clamped to this screen; never larger than the screen.
        geometry.restore(self, self.geometry_file)
        self.retranslate()

    # -- start ---------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """First run when there is no vault; otherwise open with the keyring if remembered, else ask."""
        if not DataFolder(self.context.data_dir).has_vault():
            if self.settings.is_failsafe("recovery_public_key"):
                # A vault made now would lack the organisation's recovery key, if the broken policy names one.
                self.stack.addWidget(self.setup_blocked)
                self.stack.setCurrentWidget(self.setup_blocked)
                return
            from askel.ui.first_run import FirstRunAssistant

            self.first_run = FirstRunAssistant(
                self.context.data_dir, bool(self.settings.get("remember_allowed")),
                str(self.settings.get("recovery_public_key") or ""),
                minimum_strength=int(self.settings.get("passphrase_min_strength")),
            )
            self.first_run.created.connect(self._first_run_done)
            self.first_run.language_requested.connect(self.set_language)
            self.stack.addWidget(self.first_run)
            self.stack.setCurrentWidget(self.first_run)
            return
        if self.settings.get("remember_allowed") and DataFolder(self.context.data_dir).may_be_remembered():
            from askel.store.vault import Vault

            try:
                self.on_unlocked(Vault.unlock_remembered(self.context.data_dir, check_later=True))
                return
            except VaultError:
                pass  # not remembered here, or the keyring is gone: ask for the passphrase
        self.show_unlock(by_timer=False)

    def _first_run_done(self, vault: Vault, remember: bool) -> None:
        if remember:
            try:
                vault.set_remembered(True)
            except VaultError:
                pass  # no keyring after all: the passphrase alone opens the vault
        self.stack.removeWidget(self.first_run)
        self.first_run.deleteLater()
        self.first_run = None
        self.on_unlocked(vault)

    # -- unlocked and locked -------------------------------------------------------------------------------------
    def on_unlocked(self, vault: Vault) -> None:
        from askel.store.courses import open_sessions
        from askel.store.groups import open_meetings
        from askel.ui.workspace import Workspace

        self.vault = vault
        self.training_banner.setVisible(vault.training)
        self.retranslate()
        self.workspace, self.workspace_ahead = self.workspace_ahead or Workspace(None, self.context), None
        self.workspace.attach(vault)
        self.workspace.lock_requested.connect(lambda: self.lock(by_timer=False))
        self.workspace.settings_requested.connect(self.open_settings)
        if self.stack.indexOf(self.workspace) < 0:
            self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        if self.resume_at:
            self.workspace.restore(self.resume_at)
            self.resume_at = ()
        else:
            self.workspace.client_list.show_unfinished_sessions(open_sessions(vault), open_meetings(vault))
            self.workspace.client_list.focus_search()
        self.autolock.start()
        QTimer.singleShot(0, self.workspace, self.workspace.raise_pending_alerts)
        # Content and the other pages load once the window is painted, not before (Workspace's docstring).
        QTimer.singleShot(PRELOAD_AFTER_MS, self.workspace, self.workspace.preload)
        run_in_background(lambda: unlock_maintenance(vault, self.settings), lambda _result: None,
                          lambda error: self._maintenance_failed(vault, error))

    def _maintenance_failed(self, vault: Vault, error: Exception) -> None:
        if isinstance(error, DatabaseDamaged) and self.vault is vault:
            # Found by the background check of a big vault: stop working on it and offer the latest backup,
            # as the unlock screen does when the check runs before opening.
            with contextlib.suppress(VaultError):
                self.lock(by_timer=False)
            if self.workspace is not None:  # the lock failed on the damaged file before hiding the workspace
                self.stack.removeWidget(self.workspace)
                self.workspace.deleteLater()
                self.workspace = None
            if self.vault is vault:  # ... or before closing the vault: close it without the log entry
                self.vault.close()
                self.vault = None
            self.show_unlock(by_timer=False)
            self.unlock_screen.show_refusal(error)
            return
        log.warning("maintenance after unlock failed: %s", type(error).__name__)

    def lock(self, by_timer: bool) -> None:
        if self.vault is None:
            return
        self.autolock.stop()
        # Close every open dialog first: a client form left open must not survive the lock. A risk alert refuses
        # reject(); it closes for the lock only, and comes back at the next unlock (Workspace.raise_pending_alerts).
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                getattr(widget, "close_for_lock", widget.reject)()
        shared_clipboard_guard().clear_now()
        if self.workspace is not None:
            self.workspace.save_pending()
            self.resume_at = self.workspace.location()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        # Background work on this vault (the backup after unlock) finishes before the vault closes.
        QThreadPool.globalInstance().waitForDone()
        try:
            self.vault.log("lock", detail={"automatic": by_timer})
        finally:
            self.vault.close()
            self.vault = None
        self.show_unlock(by_timer)

    def show_unlock(self, by_timer: bool) -> None:
        self.unlock_screen.reset(locked_by_timer=by_timer)
        self.stack.setCurrentWidget(self.unlock_screen)
        if self.preload:
            if self.preloading is None:
                # After the unlock screen's first paint, not before: the import takes longer than the paint.
                QTimer.singleShot(PRELOAD_STORE_AFTER_MS, self, self._preload_store)
            QTimer.singleShot(PRELOAD_STORE_AFTER_MS, self, self._build_workspace_ahead)

    def _preload_store(self) -> None:
        self.preloading = preload_store()

    def _build_workspace_ahead(self) -> None:
        """Once the store is imported, build the (empty) workspace behind the unlock screen: Enter then only opens
        the vault and fills the client list. Hidden in the stack, its shortcuts do not act."""
        waiting = self.vault is None and self.stack.currentWidget() is self.unlock_screen
        if not waiting or self.workspace_ahead is not None:
            return
        if self.preloading is None or self.preloading.is_alive():
            QTimer.singleShot(BUILD_AHEAD_POLL_MS, self, self._build_workspace_ahead)
            return
        from askel.ui.workspace import Workspace

        self.workspace_ahead = Workspace(None, self.context)
        self.stack.addWidget(self.workspace_ahead)

    # -- settings and language -----------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from askel.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.vault, self)
        dialog.language_changed.connect(self.set_language)
        dialog.auto_lock_changed.connect(self.autolock.set_minutes)
        dialog.text_size_changed.connect(lambda size: theme.apply(QApplication.instance(), size))
        dialog.exec()

    def set_language(self, language: str) -> None:
        self.languages.set_language(language)
        if not self.settings.is_locked("language") and self.settings.get("language") != language:
            self.settings.set("language", language)

    def retranslate(self) -> None:
        training = self.training_banner.isVisibleTo(self)
        self.setWindowTitle(self.tr("Askel – training") if training else self.tr("Askel"))
        self.training_banner.setText(self.tr("Training vault: every client here is fictitious. Do not enter real "
                                             "client data."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def geometry_file(self):
        return paths.config_dir() / "window.json"

    def closeEvent(self, event) -> None:
        geometry.save(self.geometry_file, self)
        QThreadPool.globalInstance().waitForDone()
        shared_clipboard_guard().clear_now()
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        super().closeEvent(event)


class SetupBlocked(QWidget):
    """Instead of the first run while IT's policy cannot be used: why Askel waits, and what to do."""

    def __init__(self):
        super().__init__()
        styled_page(self, "screen")
        self.heading = title()
        self.text = lead()
        card = Card()
        card.body.addWidget(self.heading)
        card.body.addWidget(self.text)
        card.setMaximumWidth(70 * theme.GRID)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Askel cannot be set up yet"))
        self.text.setText(self.tr(
            "Your organisation's IT policy cannot be used (see the notice above), so Askel cannot tell whether your "
            "data must also be protected with the organisation's recovery key. Ask your IT support to correct the "
            "policy, then start Askel again. Nothing has been saved on this computer."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def unlock_maintenance(vault: Vault, settings) -> None:
    """Off the UI thread after every unlock: the integrity check the unlock left for after the paint (so that a
    damaged database is closed again, and neither backed up over good backups nor purged), IT's key policy
    (recovery wrap, remembering), the retention purge, then a backup when due."""
    from askel.export.retention import purge_expired
    from askel.store.backup import backup_if_due

    if not vault.integrity_checked:
        vault.check_integrity()
    try:
        vault.apply_key_policy(str(settings.get("recovery_public_key") or ""), bool(settings.get("remember_allowed")))
    except Exception as error:  # noqa: BLE001 (a key policy that cannot be applied now must not stop the backup)
        log.warning("the key policy could not be applied at unlock: %s", type(error).__name__)
    purge_expired(vault, date.today(), int(settings.get("retention_days")))
    backup_if_due(vault, settings)

