"""Text size: the setting scales every text, and at 200 % every main screen and dialog still fits a 1366×768
screen (what does not fit scrolls) in Finnish and in Swedish."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from askel.store.clients import add_client
from askel.store.courses import load_course
from askel.ui import theme
from askel.ui.case_summary_dialog import CaseSummaryDialog
from askel.ui.client_form import ClientDialog
from askel.ui.course_dialog import CourseDialog
from askel.ui.export_dialog import ExportDialog
from askel.ui.finish_course import FinishCourseDialog
from askel.ui.i18n import LanguageManager
from askel.ui.screenshots import DEMO_CLIENTS, _demo_course
from askel.ui.settings_dialog import SettingsDialog
from askel.ui.workspace import Workspace

SCREEN = (1366, 768)


@pytest.fixture
def large_text():
    app = QApplication.instance()
    theme.apply(app, 200)
    yield app
    theme.apply(app, 100)


@pytest.fixture
def context(data_dir):
    from askel.app import make_context

    return make_context(data_dir)


def fits(widget) -> tuple[int, int]:
    widget.ensurePolished()
    hint = widget.minimumSizeHint()
    return hint.width(), hint.height()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_screen_fits_1366_by_768_at_200_percent(qtbot, vault, context, large_text, language):
    languages = LanguageManager(large_text)
    languages.set_language(language)
    try:
        clients = [add_client(vault, data) for data in DEMO_CLIENTS]
        course_id, session_id = _demo_course(vault, context.library, clients[0].id)
        course = load_course(vault, course_id)
        screens = {}
        for name, show in (("clients", lambda w: None),
                           ("client", lambda w: w.open_client(clients[0].id)),
                           ("course", lambda w: w.open_course(course_id)),
                           ("session", lambda w: w.open_session(course_id, session_id)),
                           ("guarantee", lambda w: w.show_guarantee_list()),
                           ("my methods", lambda w: w.show_my_methods()),
                           ("statistics", lambda w: w.show_statistics())):
            workspace = Workspace(vault, context)
            qtbot.addWidget(workspace)
            show(workspace)
            workspace.resize(*SCREEN)
            workspace.show()
            screens[name] = fits(workspace)
        for name, dialog in (("start course", CourseDialog(vault, context.library, clients[0], language)),
                             ("export", ExportDialog(vault, context, course)),
                             ("case summary", CaseSummaryDialog(vault, context, course)),
                             ("finish course", FinishCourseDialog(vault, context.library, course, "nhs")),
                             ("client form", ClientDialog(vault, clients[0])),
                             ("settings", SettingsDialog(context.settings, vault))):
            qtbot.addWidget(dialog)
            screens[name] = fits(dialog)
        too_big = {name: size for name, size in screens.items() if size[0] > SCREEN[0] or size[1] > SCREEN[1]}
        assert not too_big, too_big
        assert QApplication.instance().font().pointSizeF() == 2 * theme.BASE_POINTS
    finally:
        languages.set_language("fi")


def test_choosing_a_text_size_in_settings_applies_and_keeps_it(qtbot, vault, context):
    dialog = SettingsDialog(context.settings, vault)
    qtbot.addWidget(dialog)
    applied = []
    dialog.text_size_changed.connect(applied.append)
    try:
        dialog.text_size.setCurrentIndex(dialog.text_size.findData(150))
        assert applied == [150] and context.settings.get("text_size") == "150"
    finally:
        context.settings.set("text_size", "100")


def test_the_shell_applies_the_chosen_size_at_once(qtbot, make_shell, vault):
    from askel.store.vault import Vault
    from tests.conftest import PASSPHRASE

    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    app = QApplication.instance()
    before = shell.workspace.sidebar.width()

    def choose(dialog: SettingsDialog):
        dialog.text_size.setCurrentIndex(dialog.text_size.findData(200))
        dialog.accept()

    from tests.gui.test_sessions_flow import when_dialog

    try:
        when_dialog(SettingsDialog, choose)
        shell.open_settings()
        assert app.font().pointSizeF() == 2 * theme.BASE_POINTS
        qtbot.waitUntil(lambda: shell.workspace.sidebar.width() > before)
    finally:
        theme.apply(app, 100)
        shell.context.settings.set("text_size", "100")
