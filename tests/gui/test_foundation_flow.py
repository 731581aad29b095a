"""The foundation walk in both languages: first run → add client → search → auto-lock → unlock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from askel.store.vault import DataFolder
from askel.ui.client_form import ClientDialog
from tests.gui.conftest import visible_texts

PASSPHRASE = "kolme pienta sanaa 9"  # ASCII: QTest types only ASCII key by key
EXPECTED = {
    "fi": {"clients": "Asiakkaat", "locked": "Askel on lukittu"},
    "sv": {"clients": "Klienter", "locked": "Askel är låst"},
}


def fill_client_dialog(qtbot, family: str, given: str, hetu: str):
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ClientDialog) and w.isVisible())
    qtbot.keyClicks(dialog.family, family)
    qtbot.keyClicks(dialog.given, given)
    qtbot.keyClicks(dialog.hetu, hetu)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def first_run(qtbot, shell, language: str):
    assistant = shell.first_run
    assert assistant is not None
    # The first screen speaks both languages, whatever the program's language is.
    assert "Tervetuloa" in assistant.language_title.text() and "Välkommen" in assistant.language_title.text()
    button = assistant.finnish if language == "fi" else assistant.swedish
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(assistant.name, "Testi Hoitaja")
    qtbot.mouseClick(assistant.next, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(assistant.passphrase, PASSPHRASE)
    qtbot.keyClicks(assistant.repeat, PASSPHRASE)
    qtbot.mouseClick(assistant.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=15000)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_first_run_add_search_autolock_unlock(qtbot, make_shell, data_dir, language):
    shell = make_shell(language)
    first_run(qtbot, shell, language)
    assert DataFolder(data_dir).has_vault()
    workspace = shell.workspace
    assert workspace.nav.text("clients") == EXPECTED[language]["clients"]

    # Add two clients through the real dialog.
    QTimer.singleShot(0, lambda: fill_client_dialog(qtbot, "Kivikallio", "Sanna", "131052-308T"))
    workspace.add_client()
    assert workspace.client_page is not None
    assert "Sanna Kivikallio" in workspace.header_label.text()
    assert "131052-****" in workspace.header_label.text()
    QTimer.singleShot(0, lambda: fill_client_dialog(qtbot, "Berg", "Elias", "010101A123N"))
    workspace.add_client()

    # Search as you type, by name and by birth date.
    workspace.find_client()
    qtbot.keyClicks(workspace.client_list.search, "kivi")
    qtbot.waitUntil(lambda: workspace.client_list.model.rowCount() == 1)
    assert workspace.client_list.model.clients[0].family_name == "Kivikallio"
    workspace.client_list.search.clear()
    qtbot.keyClicks(workspace.client_list.search, "1.1.2001")
    qtbot.waitUntil(lambda: [c.family_name for c in workspace.client_list.model.clients] == ["Berg"])

    # Open with Enter from the search box.
    qtbot.keyClick(workspace.client_list.search, Qt.Key.Key_Return)
    assert workspace.client_page is not None and workspace.client_page.client.family_name == "Berg"

    # Auto-lock: every client detail disappears from the window.
    shell.autolock.set_timeout_ms(50)
    qtbot.waitUntil(lambda: shell.vault is None, timeout=5000)
    assert shell.stack.currentWidget() is shell.unlock_screen
    assert shell.unlock_screen.heading.text() == EXPECTED[language]["locked"]
    texts = visible_texts(shell)
    for secret in ("Kivikallio", "Berg", "Elias", "Sanna", "131052", "010101"):
        assert secret not in texts
    assert shell.workspace is None

    # A wrong passphrase is refused with a message; the right one brings the same client back.
    qtbot.keyClicks(shell.unlock_screen.passphrase, "vaara tunnuslause")
    qtbot.keyClick(shell.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.unlock_screen.passphrase_field.error.isVisibleTo(shell), timeout=10000)
    assert shell.vault is None
    shell.unlock_screen.passphrase.clear()
    qtbot.keyClicks(shell.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(shell.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=10000)
    assert shell.workspace.client_page.client.family_name == "Berg"


def test_language_switch_at_runtime(qtbot, make_shell):
    shell = make_shell("fi")
    first_run(qtbot, shell, "fi")
    assert shell.workspace.nav.text("clients") == EXPECTED["fi"]["clients"]
    shell.set_language("sv")
    assert shell.workspace.nav.text("clients") == EXPECTED["sv"]["clients"]
    assert shell.settings.get("language") == "sv"
    shell.set_language("fi")
    assert shell.workspace.nav.text("clients") == EXPECTED["fi"]["clients"]


def test_client_form_rejects_bad_input_and_saves_nothing(qtbot, make_shell):
    from askel.store.clients import search_clients

    shell = make_shell("fi")
    first_run(qtbot, shell, "fi")
    dialog = ClientDialog(shell.vault, parent=shell)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.family, "Kivi3")
    qtbot.keyClicks(dialog.given, "Anna")
    qtbot.keyClicks(dialog.hetu, "131052-308X")
    dialog.save()
    assert dialog.result() == 0
    assert dialog.family_field.error.text()  # a digit in a name
    assert dialog.hetu_field.error.text()  # wrong check character
    assert "T" in dialog.hetu_field.error.text()  # the message says which character is expected
    assert search_clients(shell.vault, "") == []


def click_area(qtbot, workspace, key: str) -> None:
    """A mouse click on one of the sidebar's entries."""
    nav = workspace.nav
    row = next(r for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == key)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(row)).center())


def test_the_sidebar_opens_the_statistics_of_the_unit(qtbot, make_shell):
    shell = make_shell("sv")
    first_run(qtbot, shell, "sv")
    workspace = shell.workspace
    QTimer.singleShot(0, lambda: fill_client_dialog(qtbot, "Berg", "Elias", "010101A123N"))
    workspace.add_client()
    click_area(qtbot, workspace, "statistics")
    page = workspace.statistics_page
    assert page is not None and workspace.pages.currentWidget() is page
    assert workspace.nav.current_key() == "statistics" and not workspace.header.isVisible()  # no client in view
    qtbot.waitUntil(lambda: page.statistics is not None, timeout=10000)
    assert page.table_widgets  # the figures of the unit are on screen
    # Leaving for the client list drops nothing: the client is still there.
    click_area(qtbot, workspace, "clients")
    assert workspace.pages.currentWidget() is workspace.client_list
    assert [c.family_name for c in workspace.client_list.model.clients] == ["Berg"]
