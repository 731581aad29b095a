"""Restore a backup, from the unlock screen: choose a backup, give the passphrase, confirm.

The dialog shows only file facts (when each backup was taken, its size, its kind), never client data: it is reached
from the lock screen. The current database is moved aside into the backups folder, never deleted (see
`askel.store.backup`). When the key file is missing or damaged and a copy of it is among the backups, the dialog also
offers to put back only the key file, keeping the database as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from askel.store.backup import BackupInfo, list_backups, restorable_key_copy, restore_backup, restore_key_file
from askel.store.errors import VaultError, WrongPassphrase
from askel.ui.i18n import format_datetime, translate
from askel.ui.theme import GRID
from askel.ui.widgets import Field, lead, line_edit, set_busy, title
from askel.ui.workers import run_in_background

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    restored = Signal(object)  # the opened Vault, after a restore

    def __init__(self, data_dir, parent: QWidget | None = None, preselect=None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.backups: list[BackupInfo] = list_backups(data_dir)
        self.key_copy_available = restorable_key_copy(data_dir)
        self.pending: tuple[str, BackupInfo | None] | None = None  # ("backup", info) or ("key_file", None)
        self.setModal(True)
        self.setMinimumWidth(72 * GRID)

        # Page 1: choose a backup and give the passphrase.
        self.heading = title()
        self.explanation = lead()
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(3)
        self.table.setMinimumHeight(20 * GRID)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        self.key_button = QPushButton()
        self.key_button.setObjectName("link")
        self.passphrase = line_edit(password=True, max_length=1024)
        self.passphrase_field = Field(self.passphrase)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("primary")
        self.cancel_button = QPushButton()

        choose = QWidget()
        choose_layout = QVBoxLayout(choose)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.setSpacing(GRID + GRID // 2)
        choose_layout.addWidget(self.table)
        choose_layout.addWidget(self.empty)
        choose_layout.addWidget(self.key_note)
        choose_layout.addWidget(self.key_button, 0, Qt.AlignmentFlag.AlignLeft)
        choose_layout.addWidget(self.passphrase_field)
        choose_layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        choose_layout.addLayout(buttons)

        # Page 2: confirm (what happens, in plain words), then the work runs off the UI thread.
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("primary")
        self.back_button = QPushButton()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        confirm = QWidget()
        confirm_layout = QVBoxLayout(confirm)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_layout.setSpacing(2 * GRID)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addWidget(self.busy)
        confirm_layout.addStretch()
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addStretch()
        confirm_buttons.addWidget(self.back_button)
        confirm_buttons.addWidget(self.confirm_button)
        confirm_layout.addLayout(confirm_buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(choose)
        self.pages.addWidget(confirm)
        self.choose_page, self.confirm_page = choose, confirm

        layout = QVBoxLayout(self)
        layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
        layout.setSpacing(GRID + GRID // 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.pages)

        self.restore_button.clicked.connect(self.ask_backup)
        self.key_button.clicked.connect(self.ask_key_file)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(self.confirm)
        self.back_button.clicked.connect(self.back)
        self.passphrase.returnPressed.connect(self.ask_backup)
        self.table.itemDoubleClicked.connect(lambda *_: self.passphrase.setFocus())

        self._fill()
        self.retranslate()
        self.select(preselect)
        self.passphrase.setFocus()

    # -- content ---------------------------------------------------------------------------------------------------
    def _fill(self) -> None:
        self.table.clear()
        for info in self.backups:
            item = QTreeWidgetItem(["", "", ""])
            item.setData(0, PATH_ROLE, str(info.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        has_backups = bool(self.backups)
        self.table.setVisible(has_backups)
        self.empty.setVisible(not has_backups)
        self.restore_button.setEnabled(has_backups)
        self.key_note.setVisible(self.key_copy_available)
        self.key_button.setVisible(self.key_copy_available)

    def select(self, path=None) -> None:
        """Select the backup at `path`, else the newest one that is not a moved-aside database."""
        wanted = str(path) if path else None
        for row, info in enumerate(self.backups):
            if (wanted and str(info.path) == wanted) or (not wanted and info.kind != "replaced"):
                self.table.setCurrentItem(self.table.topLevelItem(row))
                return
        if self.backups:
            self.table.setCurrentItem(self.table.topLevelItem(0))

    def selected(self) -> BackupInfo | None:
        row = self.table.indexOfTopLevelItem(self.table.currentItem()) if self.table.currentItem() else -1
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def kind_text(self, kind: str) -> str:
        return {
            "scheduled": self.tr("Automatic backup"),
            "before_migration": self.tr("Before an update"),
            "replaced": self.tr("Database replaced by a restore"),
        }.get(kind, self.tr("Backup"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.heading.setText(self.tr("Restore a backup"))
        self.explanation.setText(self.tr(
            "Choose the backup to restore. The current database is not deleted: it is moved into the backups "
            "folder. Changes made after the backup was taken are not in the restored data."
        ))
        self.table.setHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Kind")])
        self.table.setAccessibleName(self.tr("Backups"))
        locale = QLocale()
        for row, info in enumerate(self.backups):
            item = self.table.topLevelItem(row)
            item.setText(0, format_datetime(info.created.astimezone()))
            item.setText(1, locale.formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat))
            item.setText(2, self.kind_text(info.kind))
        self.empty.setText(self.tr("There are no backups in this data folder."))
        self.key_note.setText(self.tr(
            "The key file is missing or damaged, and a copy of it is among the backups. You can put back only the "
            "key file and keep the database as it is."
        ))
        self.key_button.setText(self.tr("Restore only the key file…"))
        self.passphrase_field.set_text(self.tr("&Passphrase"), self.tr("The passphrase you use to open Askel."))
        self.restore_button.setText(self.tr("Restore…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.confirm_button.setText(self.tr("Restore now"))
        self.back_button.setText(self.tr("Back"))
        self._update_confirm_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- steps -----------------------------------------------------------------------------------------------------
    def _check_passphrase_given(self) -> bool:
        if not self.passphrase.text():
            self.passphrase_field.set_error(self.tr("Enter your passphrase."))
            self.passphrase.setFocus()
            return False
        self.passphrase_field.set_error("")
        return True

    def ask_backup(self) -> None:
        if self.busy.isVisible():
            return
        info = self.selected()
        if info is None:
            self._show_error(self.tr("Choose a backup."))
            return
        if not self._check_passphrase_given():
            return
        self.pending = ("backup", info)
        self._show_confirm()

    def ask_key_file(self) -> None:
        if self.busy.isVisible() or not self._check_passphrase_given():
            return
        self.pending = ("key_file", None)
        self._show_confirm()

    def _show_confirm(self) -> None:
        self._show_error("")
        self._update_confirm_text()
        self.pages.setCurrentWidget(self.confirm_page)
        self.confirm_button.setFocus()

    def _update_confirm_text(self) -> None:
        if self.pending is None:
            self.confirm_text.setText("")
        elif self.pending[0] == "backup":
            self.confirm_text.setText(self.tr(
                "Restore the backup taken on {date}? The current database is moved into the backups folder and "
                "kept. Changes made after {date} will not be in the restored data."
            ).format(date=format_datetime(self.pending[1].created.astimezone())))
        else:
            self.confirm_text.setText(self.tr(
                "Put back the copy of the key file from the backups folder? The damaged key file is moved into the "
                "backups folder and kept. The database is not changed."
            ))

    def back(self) -> None:
        if self.busy.isVisible():
            return
        self.pending = None
        self.pages.setCurrentWidget(self.choose_page)
        self.passphrase.setFocus()

    def confirm(self) -> None:
        if self.pending is None or self.busy.isVisible():
            return
        passphrase = self.passphrase.text()
        kind, info = self.pending
        self._set_busy(True)
        if kind == "backup":
            work = lambda: restore_backup(self.data_dir, info.path, passphrase).vault  # noqa: E731
        else:
            work = lambda: restore_key_file(self.data_dir, passphrase)  # noqa: E731
        run_in_background(work, self._done, self._failed)

    def _done(self, vault) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.restored.emit(vault)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.back()
        if isinstance(error, WrongPassphrase):
            self.passphrase_field.set_error(translate(error.message))
            self.passphrase.selectAll()
        elif isinstance(error, VaultError):
            self._show_error(translate(error.message))
        else:
            self._show_error(self.tr("The backup could not be restored."))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        set_busy((self.confirm_button, self.back_button, self.restore_button, self.cancel_button, self.key_button,
                  self.passphrase, self.table), busy)
        if not busy:
            self.restore_button.setEnabled(bool(self.backups))

    def reject(self) -> None:
        if self.busy.isVisible():
            return  # the restore is running: it finishes, then the dialog closes by itself
        self.passphrase.clear()
        super().reject()
