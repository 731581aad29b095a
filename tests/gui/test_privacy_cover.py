"""Self-completion is private, not only modal (issue 14, item 8): minimised or behind another window, the main
window behind it shows no client detail until the clinician unlocks with the passphrase."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit

from askel.ui.privacy_cover import PrivacyCover
from askel.ui.questionnaire_flow import ChooseQuestionnaireDialog
from tests.conftest import PASSPHRASE
from tests.gui.test_questionnaire_flow import choose, course_open  # noqa: F401 (the fixture)
from tests.gui.test_questionnaire_widgets import answer_all, unlock
from tests.gui.test_sessions_flow import when_dialog


def shown_client_details(shell) -> list[str]:
    """Texts with the client's name that a person looking at the main window could read now."""
    seen = []
    widgets = [w for kind in (QLabel, QLineEdit, QTextEdit, QPlainTextEdit) for w in shell.findChildren(kind)]
    for widget in widgets:
        text = widget.text() if isinstance(widget, QLabel | QLineEdit) else widget.toPlainText()
        if "Laaksonen" not in text or not widget.isVisibleTo(shell):
            continue
        centre = widget.mapTo(shell, widget.rect().center())
        on_top = shell.childAt(centre)
        if on_top is widget or (on_top is not None and widget.isAncestorOf(on_top)):
            seen.append(text)
    return seen


def start_self_completion(qtbot, shell, course):
    when_dialog(ChooseQuestionnaireDialog, choose("phq9", by_client=True))
    shell.workspace.give_questionnaire(course.id, None)
    window = shell.workspace.questionnaire_flow.self_completion
    qtbot.waitExposed(window)
    return window


def test_a_minimised_self_completion_uncovers_no_client_detail(qtbot, course_open):  # noqa: F811
    shell, course = course_open
    assert shown_client_details(shell)  # the course page names the client
    window = start_self_completion(qtbot, shell, course)
    window.showMinimized()
    shell.activateWindow()
    assert shown_client_details(shell) == []
    (cover,) = [c for c in shell.findChildren(PrivacyCover) if c.isVisible()]
    corners = [QPoint(1, 1), QPoint(shell.width() - 2, shell.height() - 2), shell.rect().center()]
    assert all(cover.isAncestorOf(shell.childAt(p)) or shell.childAt(p) is cover for p in corners)
    shell.resize(shell.width() + 40, shell.height() + 30)
    assert cover.geometry() == shell.rect() and shown_client_details(shell) == []
    cover.show_button.click()  # the only thing the cover offers: the questionnaire again
    assert window.isVisible() and not window.isMinimized()


def test_the_details_come_back_only_after_the_passphrase(qtbot, course_open):  # noqa: F811
    shell, course = course_open
    window = start_self_completion(qtbot, shell, course)
    answer_all(qtbot, window, [0, 0, 0, 0, 0, 0, 0, 0, 0])
    assert shown_client_details(shell) == []
    when_dialog(__import__("askel.ui.questionnaire_flow", fromlist=["ResultDialog"]).ResultDialog,
                lambda dialog: dialog.accept())
    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: shell.workspace.questionnaire_flow is None, timeout=10000)
    qtbot.waitUntil(lambda: not [c for c in shell.findChildren(PrivacyCover) if c.isVisible()], timeout=5000)
    assert shown_client_details(shell)
