"""Enter → workspace (issue 17): the empty workspace is built behind the unlock screen while the passphrase is typed.
It must hold no client data and answer no shortcut until the vault is opened, and a lock throws it away."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from askel.store.clients import ClientData, add_client
from tests.conftest import PASSPHRASE


def build_ahead(qtbot, shell):
    shell.preload = True  # as the program starts it (tests' shells skip the background import)
    shell.show_unlock(by_timer=False)
    qtbot.waitUntil(lambda: shell.workspace_ahead is not None, timeout=15000)
    return shell.workspace_ahead


def unlock(qtbot, shell):
    shell.unlock_screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(shell.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=15000)


def test_the_workspace_built_ahead_is_empty_and_inert_until_the_vault_opens(qtbot, make_shell, vault):
    add_client(vault, ClientData("Sanna", "Kivikallio", date(1952, 10, 13)))
    vault.close()
    shell = make_shell("fi")
    ahead = build_ahead(qtbot, shell)
    assert shell.stack.indexOf(ahead) >= 0 and shell.stack.currentWidget() is shell.unlock_screen
    assert shell.workspace is None and ahead.vault is None
    assert ahead.client_list.model.rowCount() == 0 and ahead.user_label.text() == ""

    # Its shortcuts do nothing while it waits (Ctrl+N would open a client form without a vault).
    shell.activateWindow()
    for key in (Qt.Key.Key_N, Qt.Key.Key_F, Qt.Key.Key_K, Qt.Key.Key_L):
        qtbot.keyClick(shell.unlock_screen.passphrase, key, Qt.KeyboardModifier.ControlModifier)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert shell.stack.currentWidget() is shell.unlock_screen and shell.vault is None

    unlock(qtbot, shell)
    assert shell.workspace is ahead and shell.workspace_ahead is None
    assert shell.stack.currentWidget() is ahead
    assert ahead.client_list.model.rowCount() == 1 and "Testi Hoitaja" in ahead.user_label.text()

    # The lock discards the workspace that held client data; the next one is built empty.
    shell.lock(by_timer=False)
    assert shell.stack.indexOf(ahead) < 0
    fresh = build_ahead(qtbot, shell)
    assert fresh is not ahead and fresh.client_list.model.rowCount() == 0 and fresh.vault is None
    unlock(qtbot, shell)
    assert shell.workspace is fresh and fresh.client_list.model.rowCount() == 1
