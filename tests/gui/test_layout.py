"""Layout of issue 17 (defect 9): the course dialog keeps its columns whichever method is chosen, and no method name
is cut off with an ellipsis."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from askel.store.clients import ClientData, add_client
from askel.ui.course_dialog import CourseDialog
from askel.ui.i18n import LanguageManager
from askel.ui.widgets import Columns


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_course_dialog_does_not_jump_between_one_and_two_columns(qtbot, vault, language):
    from askel.app import make_context

    manager = LanguageManager(QApplication.instance())
    manager.set_language(language)
    try:
        client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), None))
        dialog = CourseDialog(vault, make_context(vault.folder.root).library, client, language)
        qtbot.addWidget(dialog)
        dialog.resize(1100, 720)
        dialog.show()
        columns = next(c for c in dialog.findChildren(Columns) if c.findChild(type(dialog.methods)) is not None)
        layouts = set()
        for row in range(dialog.methods.count()):  # IPC has the longest name; Cool Kids the longest plan
            dialog.methods.setCurrentRow(row)
            QApplication.processEvents()
            layouts.add(columns.is_side_by_side())
        assert layouts == {True}
        assert dialog.methods.textElideMode() == Qt.TextElideMode.ElideNone
    finally:
        manager.set_language("fi")


def test_the_questionnaire_cards_title_stays_at_the_top_without_a_chart(qtbot, vault):
    from askel.app import make_context
    from askel.store.courses import load_course, start_course
    from askel.ui.course_page import CoursePage

    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), None))
    course = start_course(vault, client.id, "ali", "1", need_established=date.today())
    page = CoursePage(load_course(vault, course.id), make_context(vault.folder.root).library)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    QApplication.processEvents()
    assert not page.chart.isVisible()
    assert page.scores_title.y() <= page.plan_title.y() + 4  # level with the plan's title, not floating mid-card
