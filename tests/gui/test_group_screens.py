"""The group page and the group session in `askel screenshots`, on the demo vault's school Cool Kids group; and, at
200 % text on a 1366×768 screen, what the real-window screenshots showed wrong (issue 19): a column heading cut off
("Muistiinpano" showed as "Muistiinpanc", "Deltagare" as "Deltagar"), "5 / 10" broken over two lines in the meeting's title, and the members'
table giving the date and the count the room the reasons for leaving or joining late needed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from askel.ui import theme
from askel.ui.i18n import LanguageManager
from askel.ui.screenshots import _close, _png, _settle, prepare, scenes

SCREEN = (1366, 768)


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    from askel.app import make_context

    folder = tmp_path_factory.mktemp("group-stage")
    staged = prepare(folder, make_context(folder / "data"))
    yield staged
    staged.close()


def shown(stage, language: str, name: str):
    scene = next(s for s in scenes(stage, language) if s.name == name)
    widget = scene.build()
    widget.resize(*SCREEN)
    widget.show()
    _settle(QApplication.instance(), 50)
    return widget


def lines_of(label) -> list[str]:
    """The lines `label` shows its text in, laid out at its width."""
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        lines.append(label.text()[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def headings_cut(table) -> list[str]:
    header = table.horizontalHeader()
    return [table.model().headerData(c, header.orientation()) for c in range(header.count())
            if header.sectionSize(c) < header.sectionSizeHint(c)]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_screenshots_show_the_group_and_its_session_under_way(qtbot, stage, language):
    languages = LanguageManager(QApplication.instance())
    languages.set_language(language)
    try:
        names = [scene.name for scene in scenes(stage, language)]
        assert {"groups", "group", "group-session"} <= set(names)
        page = shown(stage, language, "group")
        assert page.group_page.group.name == "Cool Kids, Kivikon koulu"
        assert page.group_page.members_model.rowCount() == 7  # six in the group and the one who left
        assert page.group_page.session_button.isVisible()
        image = _png(page.grab())
        _close(page)
        session = shown(stage, language, "group-session").group_session
        marked = [a for a in session.members.attendance if a is not None]
        assert len(session.members.attendance) == 6 and sorted(marked) == ["attended"] * 3 + ["cancelled"]
        assert image[:8] == b"\x89PNG\r\n\x1a\n"
        _close(session.window())
    finally:
        languages.set_language("fi")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_group_screens_fit_at_200_percent(qtbot, stage, language):
    app = QApplication.instance()
    languages = LanguageManager(app)
    languages.set_language(language)
    theme.apply(app, 200)
    try:
        listing = shown(stage, language, "groups")
        assert headings_cut(listing.groups_page.table) == []  # "Deltagare" showed as "Deltagar"
        _close(listing)

        page = shown(stage, language, "group")
        group = page.group_page
        assert headings_cut(group.members) == [] and headings_cut(group.meetings) == []
        for column in (1, 2):  # the date joined and the count attended never wrap: each gets its width
            assert group.members.columnWidth(column) >= group.members.sizeHintForColumn(column)
        # The state (a reason for leaving or joining late) gets the room, not the date and the count.
        widths = [group.members.columnWidth(c) for c in range(4)]
        assert widths[3] == max(widths) and widths[3] > 1.3 * widths[0]
        assert page.minimumSizeHint().width() <= SCREEN[0]
        _close(page)

        screen = shown(stage, language, "group-session").group_session
        assert headings_cut(screen.members) == []
        assert any("5\u00a0/\u00a010" in line or "5 / 10" in line for line in lines_of(screen.where))
        assert screen.window().minimumSizeHint().width() <= SCREEN[0]
        _close(screen.window())
    finally:
        theme.apply(app, 100)
        languages.set_language("fi")


def test_each_column_gets_its_share_but_never_less_than_it_needs():
    from askel.ui.groups import share_widths

    assert share_widths(1000, (0.25, 0.25, 0.5), (0, 0, 0)) == [250, 250, 500]
    # The narrow columns get what they need; the rest is shared out as before.
    assert share_widths(1000, (0.25, 0.25, 0.5), (300, 0, 0)) == [300, 233, 466]
    assert share_widths(100, (0.5, 0.5), (80, 80)) == [80, 80]  # no room: each its minimum (the table scrolls)


def test_moving_down_the_attendance_list_keeps_the_member_in_view_at_200_percent(qtbot, stage):
    """At 200 % on 1366×768 the list is taller than the page shows: the member the keyboard is on must scroll into
    view (it stayed below the fold)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QScrollArea

    app = QApplication.instance()
    theme.apply(app, 200)
    try:
        screen = shown(stage, "fi", "group-session").group_session
        members = screen.members
        area = members.parentWidget()
        while not isinstance(area, QScrollArea):
            area = area.parentWidget()
        members.setFocus()
        members.setCurrentCell(0, 1)
        for row in range(1, members.rowCount()):
            qtbot.keyClick(members, Qt.Key.Key_Down)
            _settle(app, 20)
            assert members.currentRow() == row
            cell = members.visualRect(members.currentIndex())
            top_left = members.viewport().mapTo(area.viewport(), cell.topLeft())
            assert area.viewport().rect().contains(QRect(top_left, cell.size())), row
        _close(screen.window())
    finally:
        theme.apply(app, 100)
