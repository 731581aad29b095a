"""Restoring a backup from the unlock screen: the link, the list, the passphrase, the confirmation, the result.

The assertions use widget state, not English text, so that they hold whatever catalogue is loaded.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from askel.store import clients
from askel.store.backup import latest_backup, make_backup
from askel.store.vault import DataFolder, Vault
from askel.ui.i18n import format_datetime
from askel.ui.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE


@pytest.fixture
def backed_up(vault, data_dir):
    """A vault with one client in its backup and a second added after it; closed, as at the lock screen."""
    clients.add_client(vault, clients.ClientData("Sanna", "Kivikallio", date(1952, 10, 13)))
    backup = make_backup(vault, keep=5)
    clients.add_client(vault, clients.ClientData("Elias", "Berg", date(2001, 1, 1)))
    vault.close()
    return backup


def open_dialog(qtbot, shell) -> RestoreDialog:
    screen = shell.unlock_screen
    assert screen.restore_link.isVisibleTo(shell) and screen.restore_link.isEnabled()
    qtbot.mouseClick(screen.restore_link, Qt.MouseButton.LeftButton)
    dialog = screen.restore_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def family_names(vault) -> list[str]:
    return sorted(c.family_name for c in clients.search_clients(vault, ""))


def test_restore_a_backup_from_the_lock_screen(qtbot, make_shell, backed_up, data_dir):
    shell = make_shell("fi")
    assert shell.vault is None and shell.stack.currentWidget() is shell.unlock_screen
    dialog = open_dialog(qtbot, shell)
    assert dialog.table.topLevelItemCount() == 1
    row = dialog.table.topLevelItem(0)
    assert row.text(0) == format_datetime(dialog.backups[0].created.astimezone())
    assert row.text(1) and row.text(2)  # the size and the kind
    assert dialog.selected().path == backed_up  # the latest is chosen already
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.confirm_page  # nothing happens before the confirmation
    assert format_datetime(dialog.backups[0].created.astimezone()) in dialog.confirm_text.text()
    assert DataFolder(data_dir).database.exists() and not list(DataFolder(data_dir).backups.glob("replaced-*"))
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=15000)
    assert family_names(shell.vault) == ["Kivikallio"]  # Berg was added after the backup
    assert list(DataFolder(data_dir).backups.glob("replaced-*.db")), "the previous database is kept"
    assert shell.unlock_screen.restore_dialog is None or not shell.unlock_screen.restore_dialog.isVisible()


def test_going_back_and_a_wrong_passphrase_change_nothing(qtbot, make_shell, backed_up, data_dir):
    shell = make_shell("fi")
    database = DataFolder(data_dir).database.read_bytes()
    dialog = open_dialog(qtbot, shell)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.passphrase_field.error.isVisibleTo(dialog)  # the passphrase is needed
    assert dialog.pages.currentWidget() is dialog.choose_page
    dialog.passphrase.setText("not the passphrase")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.choose_page
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.passphrase_field.error.isVisibleTo(dialog), timeout=10000)
    assert dialog.pages.currentWidget() is dialog.choose_page
    assert shell.vault is None
    assert DataFolder(data_dir).database.read_bytes() == database
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.unlock_screen.restore_dialog is None)


def test_a_damaged_database_points_at_the_latest_backup(qtbot, make_shell, backed_up, data_dir):
    database = DataFolder(data_dir).database
    with open(database, "r+b") as handle:
        handle.truncate(database.stat().st_size // 2)
    shell = make_shell("fi")
    screen = shell.unlock_screen
    screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.passphrase_field.error.isVisibleTo(shell), timeout=10000)
    assert shell.vault is None
    latest = format_datetime(latest_backup(data_dir).created.astimezone())
    assert latest in screen.status.text()
    assert screen.restore_link.hasFocus() or not shell.isActiveWindow()
    dialog = open_dialog(qtbot, shell)
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=15000)
    assert family_names(shell.vault) == ["Kivikallio"]


def test_a_missing_key_file_can_be_put_back_alone(qtbot, make_shell, backed_up, data_dir):
    DataFolder(data_dir).key_file.unlink()
    shell = make_shell("fi")
    dialog = open_dialog(qtbot, shell)
    assert dialog.key_button.isVisibleTo(dialog) and dialog.key_note.isVisibleTo(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.key_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.confirm_page
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=15000)
    assert family_names(shell.vault) == ["Berg", "Kivikallio"]  # the database was kept as it was


def test_no_backups_says_so(qtbot, vault, data_dir):
    vault.close()
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisibleTo(dialog) and not dialog.table.isVisibleTo(dialog)
    assert not dialog.restore_button.isEnabled()
    assert not dialog.key_button.isVisibleTo(dialog)


@pytest.mark.parametrize("size", ["a clinician's own vault", "a unit-wide vault"])
def test_damage_found_after_unlock_closes_the_vault_and_points_at_the_backup(qtbot, make_shell, backed_up,
                                                                           data_dir, monkeypatch, size):
    """The window opens a vault without reading every page first (a big one in any case): the check runs first
    thing in the background, the damage closes the vault again, nothing is backed up over the good backups, and
    the unlock screen offers the latest one."""
    from askel.store import vault as vault_module
    from askel.store.backup import list_backups

    if size == "a unit-wide vault":
        monkeypatch.setattr(vault_module, "INLINE_CHECK_MAX_BYTES", 0)
    checks = []
    real_check = vault_module.Vault.check_integrity
    monkeypatch.setattr(vault_module.Vault, "check_integrity", lambda self: (checks.append(1), real_check(self)))
    database = DataFolder(data_dir).database
    vault = Vault.unlock(data_dir, PASSPHRASE)
    with vault.read() as session:  # the export log's page: opening the vault does not read it
        page = session.execute(text("SELECT rootpage FROM sqlite_master WHERE name = 'export_record'")).scalar()
    vault.close()
    with open(database, "r+b") as handle:  # one bit in that page
        offset = (page - 1) * 4096 + 123
        handle.seek(offset)
        byte = handle.read(1)[0]
        handle.seek(offset)
        handle.write(bytes([byte ^ 0x01]))
    backups = [info.path for info in list_backups(data_dir)]
    shell = make_shell("fi")
    screen = shell.unlock_screen
    screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(checks) and screen.passphrase_field.error.isVisibleTo(shell), timeout=15000)
    assert shell.vault is None and shell.workspace is None
    assert shell.stack.currentWidget() is screen
    assert [info.path for info in list_backups(data_dir)] == backups
    latest = format_datetime(latest_backup(data_dir).created.astimezone())
    assert latest in screen.status.text()
