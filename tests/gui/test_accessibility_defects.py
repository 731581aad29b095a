"""The ten findings of the accessibility review (issue 20), each as the user met it: keys pressed, what a screen
reader is handed (Qt's accessibility events and interfaces), and the pixels drawn.

What is announced is read where Askel hands it to Qt: `QAccessible.updateAccessibility`, which passes it on to
AT-SPI, UI Automation or NSAccessibility.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from askel.store.courses import scores_by_instrument
from askel.ui import accessibility, theme
from askel.ui.i18n import LanguageManager, format_date
from tests.conftest import PASSPHRASE
from tests.gui.accessibility import contrast, name_of, tab_walk
from tests.gui.screens import build, close


@pytest.fixture(scope="module", autouse=True)
def finnish_and_plain_theme():
    app = QApplication.instance()
    languages = LanguageManager(app)
    languages.set_language("fi")
    theme.apply(app, 100)
    accessibility.install(app)  # as app.run_gui does
    yield
    theme.apply(app, 100)


@pytest.fixture
def announced(monkeypatch):
    """Every accessibility event Askel hands to Qt, as (event type, message or None)."""
    events: list[tuple[QAccessible.Event, str | None]] = []

    def record(event):
        message = event.message() if hasattr(event, "message") else None
        events.append((event.type(), message))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return events


def spoken(events, text: str) -> int:
    """How many announcements carried `text`."""
    return sum(1 for kind, message in events if kind == QAccessible.Event.Announcement and message
               and text in message)


def shown(qtbot, window, size=(1366, 768)):
    window.resize(*size)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # keys go where a desktop's keyboard focus is
    return window


def key(window, key_, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    """A key on the widget that has the keyboard in `window`."""
    target = window.focusWidget() or window
    if text:
        QTest.keyClicks(target, text)
    else:
        QTest.keyClick(target, key_, modifiers)


def phq9(env):
    return env.library.instrument("phq9")


# 1 -------------------------------------------------------------------------------------------------------------
def test_1_a_keyboard_alone_ends_self_completion(qtbot, screen_env):
    from askel.ui.self_completion import SelfCompletionWindow

    window = SelfCompletionWindow(phq9(screen_env), "sv", lambda passphrase: passphrase == PASSPHRASE,
                                  staff_language="fi")
    shown(qtbot, window)
    try:
        key(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        assert window.views.currentWidget() is window.staff_view, "the staff shortcut opens the staff panel"
        assert window.focusWidget() is window.passphrase
        key(window, Qt.Key.Key_Escape)
        assert window.views.currentWidget() is window.questions_view
        # The shortcut is told to a screen reader with the button, and the button is a Tab stop too.
        button = QAccessible.queryAccessibleInterface(window.staff_button)
        assert "Ctrl+Alt+S" in button.text(QAccessible.Text.Description)
        stops, closed = tab_walk(window)
        assert closed and window.staff_button in stops
        with qtbot.waitSignal(window.abandoned, timeout=5000):
            window.staff_button.setFocus()
            key(window, Qt.Key.Key_Space)
            key(window, 0, text=PASSPHRASE)
            key(window, Qt.Key.Key_Return)
    finally:
        close(window)


# 2 -------------------------------------------------------------------------------------------------------------
def test_2_enter_in_clinician_entry_never_discards_a_positive_item_9(qtbot, screen_env):
    from askel.ui.questionnaire_flow import EntryDialog

    dialog = EntryDialog(phq9(screen_env), "fi", "client")
    ended = []
    dialog.finished.connect(ended.append)
    shown(qtbot, dialog, (1100, 760))
    dialog.form.rows[8].set_value(1)  # item 9: thoughts of self-harm on several days
    dialog.form.rows[0].set_value(2)
    dialog.form.rows[0].focus_answer() if hasattr(dialog.form.rows[0], "focus_answer") else dialog.form.rows[0].setFocus()
    key(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and not ended, "Enter discarded the answers"
    assert dialog.form.answers()["q9"] == 1 and dialog.form.answers()["q1"] == 2
    for digit in "1111111":  # Enter went on to question 2: answer 2 to 8 by their digits
        key(dialog, 0, text=digit)
    assert all(value is not None for value in dialog.form.answers().values())
    key(dialog, Qt.Key.Key_Return)
    assert ended == [QDialog.DialogCode.Accepted], "with every answer given, Enter saves"


# 3 -------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("keys", [(Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
                                  (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier),
                                  (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)])
def test_3_tab_leaves_the_guarantee_list(qtbot, screen_env, keys):
    window = shown(qtbot, build("guarantee", screen_env))
    try:
        table = window.guarantee_page.table
        assert table.model().rowCount() >= 2
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        key(window, *keys)
        assert window.focusWidget() is not table, "the keys walked the table's cells instead of leaving it"
    finally:
        close(window)


def test_3_every_statistics_table_is_reached_and_left_by_tab(qtbot, screen_env):
    window = shown(qtbot, build("statistics", screen_env))
    try:
        page = window.statistics_page
        qtbot.waitUntil(lambda: page.statistics is not None, timeout=20000)
        qtbot.wait(50)  # the tables just made are shown by the event loop
        tables = [w for w in page.findChildren(QTableWidget) if w.isVisibleTo(page)]
        assert len(tables) >= 10
        stops, closed = tab_walk(window)
        assert closed, "Tab is trapped"
        assert [w for w in stops if w in tables] == sorted(tables, key=lambda t: t.mapTo(page, QPoint()).y())
    finally:
        close(window)


# 4 -------------------------------------------------------------------------------------------------------------
def test_4_the_item_9_warning_and_the_running_score_are_announced_once(qtbot, screen_env, announced):
    from askel.ui.questionnaire_form import QuestionnaireForm

    form = shown(qtbot, QuestionnaireForm(phq9(screen_env), "fi"), (1100, 760))
    alert = phq9(screen_env).scoring
    del alert
    form.rows[8].focus_answer() if hasattr(form.rows[8], "focus_answer") else form.rows[8].setFocus()
    key(form, 0, text="1")  # item 9: several days
    warning = form.alert_label.text().replace("\u26a0", "").strip()
    assert warning and spoken(announced, warning) == 1
    assert spoken(announced, form.score_label.text()) == 1
    form.rows[0].focus_answer() if hasattr(form.rows[0], "focus_answer") else form.rows[0].setFocus()
    key(form, 0, text="2")
    assert spoken(announced, warning) == 1, "the warning is said once, not again with every answer"
    assert spoken(announced, form.score_label.text()) == 1


def test_4_the_unanswered_notice_and_the_thanks_of_self_completion_are_announced(qtbot, screen_env, announced):
    from askel.ui.self_completion import SelfCompletionWindow

    window = SelfCompletionWindow(phq9(screen_env), "sv", lambda _p: False, one_per_page=False, staff_language="fi")
    shown(qtbot, window)
    try:
        window.go_next()  # Done with nothing answered
        assert window.notice.isVisible() and spoken(announced, window.notice.text()) == 1
        window.go_next()  # Done again: finished
        assert window.views.currentWidget() is window.thanks_view
        assert spoken(announced, "Tack!") == 1
    finally:
        close(window)


def test_4_the_export_confirmation_is_announced_and_in_view(qtbot, screen_env, announced):
    from askel.ui.export_dialog import ExportDialog

    dialog = ExportDialog(screen_env.vault, screen_env.context, screen_env.course())
    shown(qtbot, dialog, (1000, 640))
    try:
        dialog.run_export()  # to the clipboard
        qtbot.waitUntil(lambda: dialog.confirmation.isVisible(), timeout=10000)
        assert spoken(announced, dialog.confirmation.text()) == 1

        def in_view() -> bool:
            """Inside the dialog, and inside the visible part of every scroll area around it."""
            widget, parent = dialog.confirmation, dialog.confirmation.parentWidget()
            while parent is not None:
                if isinstance(parent, QScrollArea):
                    corner = widget.mapTo(parent.viewport(), QPoint(0, 0))
                    if not parent.viewport().rect().contains(corner):
                        return False
                parent = parent.parentWidget()
            return dialog.rect().contains(widget.mapTo(dialog, QPoint(0, 0)))

        qtbot.waitUntil(in_view, timeout=2000)
    finally:
        qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
        dialog.accept()


def test_4_a_wrong_passphrase_is_announced_and_belongs_to_the_field(qtbot, screen_env, announced):
    window = shown(qtbot, build("unlock", screen_env))
    try:
        window.passphrase.setFocus()
        key(window, 0, text="vaara tunnuslause")
        key(window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.passphrase_field.error.isVisible(), timeout=10000)
        error = window.passphrase_field.error.text()
        assert spoken(announced, error) == 1
        assert QAccessible.queryAccessibleInterface(window.passphrase).text(QAccessible.Text.Description) == error
    finally:
        close(window)


def test_4_the_result_is_announced(qtbot, screen_env, announced):
    dialog = build("result", screen_env)
    shown(qtbot, dialog, (600, 400))
    total = scores_by_instrument(screen_env.course())["phq9"][-1].total
    assert spoken(announced, f"{total:g}") == 1
    dialog.accept()


# 5 -------------------------------------------------------------------------------------------------------------
def dark_system_palette() -> QPalette:
    """What a dark desktop theme hands an application."""
    palette = QPalette()
    for role, value in ((QPalette.ColorRole.Window, "#2d2d2d"), (QPalette.ColorRole.WindowText, "#eeeeee"),
                        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                        (QPalette.ColorRole.Text, "#eeeeee"), (QPalette.ColorRole.Button, "#353535"),
                        (QPalette.ColorRole.ButtonText, "#eeeeee"), (QPalette.ColorRole.Highlight, "#3d6fa5"),
                        (QPalette.ColorRole.HighlightedText, "#ffffff")):
        palette.setColor(role, QColor(value))
    return palette


def indicator_rect(button, element):
    """Where `button` draws its check box or radio indicator."""
    option = QStyleOptionButton()
    option.initFrom(button)
    return button.style().subElementRect(element, option, button)


def pixels(image, rect):
    return [image.pixelColor(x, y).name() for y in range(rect.top(), rect.bottom()) for x in
            range(rect.left(), rect.right())]


def text_contrast(image, rect) -> float:
    """The contrast of the strongest pixel in `rect` against the most common one (the background)."""
    colours = pixels(image, rect)
    background = max(set(colours), key=colours.count)
    return max(contrast(colour, background) for colour in set(colours))


@pytest.fixture
def dark_system():
    app = QApplication.instance()
    before, scheme = app.palette(), app.styleHints().colorScheme()
    app.setPalette(dark_system_palette())
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    theme.apply(app, 100)
    yield app
    app.styleHints().unsetColorScheme()
    app.setPalette(before)
    theme.apply(app, 100)
    del scheme


def test_5_a_dark_system_theme_keeps_every_table_row_and_radio_button_readable(qtbot, screen_env, dark_system):
    window = shown(qtbot, build("clients", screen_env))
    try:
        table = window.client_list.table
        image = table.viewport().grab().toImage()
        for row in range(min(4, table.model().rowCount())):
            rect = table.visualRect(table.model().index(row, 0))
            assert text_contrast(image, rect) >= 4.5, f"row {row + 1}"
    finally:
        close(window)
    page = QWidget()
    layout = QVBoxLayout(page)
    chosen, other = QRadioButton("Valittu"), QRadioButton("Ei valittu")
    layout.addWidget(chosen)
    layout.addWidget(other)
    chosen.setChecked(True)
    shown(qtbot, page, (300, 120))
    image = chosen.grab().toImage()
    indicator = indicator_rect(chosen, QStyle.SubElement.SE_RadioButtonIndicator)
    checked = set(pixels(image, indicator))
    unchecked = set(pixels(other.grab().toImage(), indicator))
    assert max(contrast(a, b) for a in checked for b in unchecked) >= 3, "checked looks like unchecked"


def test_5_every_colour_pair_of_every_colour_set_meets_wcag_aa():
    failing = [(what, palette, round(ratio, 2), minimum) for what, palette, ratio, minimum in theme.contrast_table()
               if ratio < minimum]
    assert failing == []


# 6 -------------------------------------------------------------------------------------------------------------
def focus_change(qtbot, widget, page) -> tuple[int, int]:
    """(pixels that change by at least 3:1 when `widget` takes the focus, its perimeter in pixels)."""
    QApplication.instance().processEvents()
    margin = 4
    area = widget.geometry().adjusted(-margin, -margin, margin, margin)
    page.setFocus()
    qtbot.wait(10)
    before = page.grab(area).toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(10)
    after = page.grab(area).toImage()
    changed = sum(1 for y in range(before.height()) for x in range(before.width())
                  if contrast(before.pixelColor(x, y).name(), after.pixelColor(x, y).name()) >= 3)
    return changed, 2 * (widget.width() + widget.height())


@pytest.mark.parametrize("kind", ["primary", "button", "link", "radio", "check", "edit", "combo"])
def test_6_the_keyboard_focus_is_visible_on_every_kind_of_control(qtbot, kind):
    page = QWidget()
    page.setObjectName("page")
    page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    layout = QVBoxLayout(page)
    widget = {"primary": lambda: QPushButton("Tallenna"), "button": lambda: QPushButton("Peru"),
              "link": lambda: QPushButton("← Asiakkaat"), "radio": lambda: QRadioButton("Asiakas täyttää itse"),
              "check": lambda: QCheckBox("Muista tällä koneella"), "edit": QLineEdit, "combo": QComboBox}[kind]()
    if kind in ("primary", "link"):
        widget.setObjectName(kind)
    if kind == "combo":
        widget.addItems(["Suomi", "Svenska"])
    layout.addWidget(widget)
    layout.addStretch()
    shown(qtbot, page, (400, 160))
    changed, perimeter = focus_change(qtbot, widget, page)
    assert changed >= perimeter, f"{changed} pixels change by 3:1 on focus; the perimeter is {perimeter}"


@pytest.mark.parametrize("kind", ["button", "edit", "check"])
def test_6_outlines_of_inputs_buttons_and_check_boxes_reach_3_to_1(qtbot, kind):
    page = QWidget()
    page.setObjectName("page")
    page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(page)
    widget = {"button": lambda: QPushButton("Peru"), "edit": QLineEdit,
              "check": lambda: QCheckBox("Muista")}[kind]()
    layout.addWidget(widget)
    layout.addStretch()
    shown(qtbot, page, (300, 120))
    image = page.grab().toImage()
    background = image.pixelColor(1, 1).name()
    if kind == "check":
        box = indicator_rect(widget, QStyle.SubElement.SE_CheckBoxIndicator)
        row = widget.mapTo(page, box.center()).y()
        xs = range(widget.mapTo(page, box.topLeft()).x() - 1, widget.mapTo(page, box.center()).x())
    else:
        row = widget.mapTo(page, widget.rect().center()).y()
        xs = range(widget.mapTo(page, QPoint(0, 0)).x(), widget.mapTo(page, widget.rect().center()).x())
    strongest = max(contrast(image.pixelColor(x, row).name(), background) for x in xs[:8])
    assert strongest >= 3


def test_6_placeholders_are_readable_and_the_date_format_is_also_written_out(qtbot, screen_env):
    page = QWidget()
    layout = QVBoxLayout(page)
    edit = QLineEdit()
    edit.setPlaceholderText("Hae nimellä, henkilötunnuksella tai syntymäajalla")
    layout.addWidget(edit)
    shown(qtbot, page, (500, 80))
    image = edit.grab().toImage()
    assert text_contrast(image, edit.rect().adjusted(12, 8, -12, -8)) >= 4.5
    window = shown(qtbot, build("my methods", screen_env))
    try:
        methods = window.methods_page
        hint = methods.sinces[0].placeholderText()
        written = [label.text() for label in methods.findChildren(QLabel) if label.isVisibleTo(methods)]
        assert any(hint in text for text in written), "the date format is only in the placeholder"
    finally:
        close(window)


# 7 -------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("screen", ["settings", "export", "client", "course", "self-completion", "client form",
                                    "session", "statistics", "my methods", "risk alert"])
def test_7_no_scroll_area_is_a_tab_stop(qtbot, screen_env, screen):
    window = shown(qtbot, build(screen, screen_env))
    try:
        stops, _closed = tab_walk(window)
        assert not [w for w in stops if isinstance(w, QScrollArea) and not isinstance(w, QAbstractItemView)]
    finally:
        close(window)


def test_7_opening_a_client_and_a_course_and_leaving_a_session_keep_the_keyboard_on_the_page(qtbot, screen_env):
    window = shown(qtbot, build("clients", screen_env))
    visited = []

    def moved(_old, new) -> None:
        if new is not None and window.sidebar.isAncestorOf(new):
            visited.append(new)

    QApplication.instance().focusChanged.connect(moved)
    try:
        window.client_list.search.setFocus()
        key(window, 0, text="Laaksonen")
        key(window, Qt.Key.Key_Return)
        assert window.client_page is not None and window.client_page.isAncestorOf(window.focusWidget())
        window.open_course(screen_env.course_id)
        assert window.course_page.isAncestorOf(window.focusWidget())
        window.open_session(screen_env.course_id, screen_env.session_id)
        assert window.focusWidget() is window.runner.notes
        window.open_course(screen_env.course_id)  # back from the session (saved, still open)
        assert window.course_page.isAncestorOf(window.focusWidget()), "the focus fell to the sidebar"
        assert not visited, "on the way, the focus passed through the sidebar"
    finally:
        QApplication.instance().focusChanged.disconnect(moved)
        close(window)


def test_7_enter_presses_the_focused_button_outside_dialogs_too(qtbot, make_shell, vault):
    from askel.store.vault import Vault

    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow, timeout=2000)
    opened = []
    shell.workspace.client_list.add_requested.disconnect()
    shell.workspace.client_list.add_requested.connect(lambda: opened.append("new client"))
    shell.workspace.client_list.add_button.setFocus()
    key(shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened == ["new client"], timeout=2000)


def test_7_enter_on_a_table_row_opens_it_and_does_nothing_more(qtbot, screen_env):
    window = shown(qtbot, build("guarantee", screen_env))
    try:
        table = window.guarantee_page.table
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        key(window, Qt.Key.Key_Return)
        qtbot.wait(300)  # (a button pressed by the same Enter would have taken effect by now)
        assert window.course_page is not None and window.pages.currentWidget() is window.course_page
    finally:
        close(window)


def test_7_enter_on_back_in_self_completion_goes_back(qtbot, screen_env):
    from askel.ui.self_completion import SelfCompletionWindow

    window = shown(qtbot, SelfCompletionWindow(phq9(screen_env), "fi", lambda _p: False, staff_language="fi"))
    try:
        window.go_next()
        window.go_next()
        window.back_button.setFocus()
        key(window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window._index == 1, timeout=2000)
    finally:
        close(window)


def test_7_the_focus_stays_in_the_passphrase_field_while_it_is_checked(qtbot, screen_env):
    window = shown(qtbot, build("unlock", screen_env))
    moves = []

    def moved(_old, new) -> None:
        if new is not None and window.isAncestorOf(new):
            moves.append(new)

    QApplication.instance().focusChanged.connect(moved)
    try:
        window.passphrase.setFocus()
        moves.clear()
        key(window, 0, text="vaara tunnuslause")
        key(window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.passphrase_field.error.isVisible(), timeout=10000)
        assert window.focusWidget() is window.passphrase
        assert all(widget is window.passphrase for widget in moves), "the focus jumped about meanwhile"
    finally:
        QApplication.instance().focusChanged.disconnect(moved)
        close(window)


def test_7_an_unfinished_session_is_reached_where_it_is_shown(qtbot, screen_env):
    window = shown(qtbot, build("clients", screen_env))
    try:
        stops, closed = tab_walk(window)
        names = [name_of(QAccessible.queryAccessibleInterface(w)) for w in stops]
        continue_ = next(i for i, w in enumerate(stops) if isinstance(w, QPushButton) and w.text() == "Jatka")
        assert closed and stops[(continue_ + 1) % len(stops)] is window.client_list.search, names
    finally:
        close(window)


# 8 -------------------------------------------------------------------------------------------------------------
def test_8_the_sidebar_is_a_list_whose_selection_follows_the_page(qtbot, screen_env):
    window = shown(qtbot, build("clients", screen_env))
    opened = []
    window.settings_requested.connect(lambda: opened.append("settings"))
    try:
        lists = [iface for iface in _all(window) if iface.role() == QAccessible.Role.List
                 and window.sidebar.isAncestorOf(iface.object())]
        assert len(lists) == 1, "the sidebar's areas are not a list"
        sidebar = lists[0]
        entries = [sidebar.child(i) for i in range(sidebar.childCount())]
        assert {e.role() for e in entries} == {QAccessible.Role.ListItem}
        names = [e.text(QAccessible.Text.Name) for e in entries]
        assert {"Asiakkaat", "Omat menetelmät", "Tilastot"} <= set(names)
        assert "Asetukset" not in names, "Settings is a dialog, not an area: a button of its own"
        sidebar.object().setFocus()
        for _ in range(6):
            key(window, Qt.Key.Key_Down)  # arrowing through the areas opens nothing, settings least of all
        assert not opened and window.pages.currentWidget() is window.client_list
        window.show_statistics()
        assert [e.text(QAccessible.Text.Name) for e in entries if e.state().selected] == ["Tilastot"]
    finally:
        close(window)


def _all(window):
    from tests.gui.accessibility import interfaces

    return list(interfaces(QAccessible.queryAccessibleInterface(window)))


def test_8_answers_are_radio_buttons_and_tab_leaves_each_question_in_self_completion(qtbot, screen_env):
    from askel.ui.self_completion import SelfCompletionWindow

    window = SelfCompletionWindow(phq9(screen_env), "fi", lambda _p: False, one_per_page=False, staff_language="fi")
    shown(qtbot, window)
    try:
        first, second = window.questions[0], window.questions[1]
        roles = {QAccessible.queryAccessibleInterface(b).role() for b in first.buttons}
        assert roles == {QAccessible.Role.RadioButton}
        group = QAccessible.queryAccessibleInterface(first)
        assert group.role() == QAccessible.Role.Grouping and group.text(QAccessible.Text.Name) == first.question.text()
        first.buttons[0].setFocus()
        key(window, Qt.Key.Key_Space)  # Space chooses
        key(window, Qt.Key.Key_Down)  # the arrows move among the answers, the choice with them
        assert window.focusWidget() is first.buttons[1] and first.buttons[1].isChecked()
        key(window, Qt.Key.Key_Tab)  # Tab leaves the question: on to the next one
        assert window.focusWidget() in second.buttons
    finally:
        close(window)


def test_8_every_combo_on_my_methods_is_labelled_for_every_platform(qtbot, screen_env):
    window = shown(qtbot, build("my methods", screen_env))
    try:
        combos = [iface for iface in _all(window) if iface.role() == QAccessible.Role.ComboBox]
        assert len(combos) >= 5
        assert all(name_of(iface) for iface in combos), "a combo without a label reaches AT-SPI nameless"
    finally:
        close(window)


def test_8_the_timer_says_the_time_in_words_and_the_required_note_says_so(qtbot, screen_env):
    window = shown(qtbot, build("session", screen_env))
    try:
        name = window.runner.clock.accessibleName()
        assert name != "clock" and "minuut" in name
    finally:
        close(window)
    alert = build("risk alert", screen_env)
    try:
        assert "pakollinen" in QAccessible.queryAccessibleInterface(alert.note_edit).text(QAccessible.Text.Name)
    finally:
        close(alert)
    export = build("export", screen_env)
    try:
        assert QAccessible.queryAccessibleInterface(export.preview).text(QAccessible.Text.Name)
    finally:
        close(export)


# 9 -------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_9_the_chart_is_focusable_and_says_every_point_with_date_band_and_thresholds(qtbot, screen_env, language):
    languages = LanguageManager(QApplication.instance())
    languages.set_language(language)
    window = shown(qtbot, build("course", screen_env))
    try:
        chart = window.course_page.chart
        assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus
        text = QAccessible.queryAccessibleInterface(chart).text(QAccessible.Text.Description)
        scores = scores_by_instrument(screen_env.course())["phq9"]
        for administration in scores:
            assert format_date(administration.administered_at.date()) in text or \
                format_date(date.today()) in text
        assert "12" in text and "9" in text
        band_words = {"fi": ("lievä", "keskivaikea"), "sv": ("lindrig", "måttlig")}[language]
        assert all(word in text for word in band_words)
        assert {"fi": "Luotettavan muutoksen", "sv": "tillförlitlig"}[language].lower() in text.lower()
    finally:
        close(window)
        languages.set_language("fi")


def test_9_swedish_questions_report_swedish_to_the_screen_reader(qtbot, screen_env):
    window = shown(qtbot, build("questionnaire entry", screen_env))  # Finnish UI, Swedish questions
    try:
        row = window.form.rows[0]
        iface = QAccessible.queryAccessibleInterface(row.buttons[0])
        attributes = iface.attributesInterface()
        assert attributes.attributeValue(QAccessible.Attribute.Locale).name() == "sv_FI"
        ui = QAccessible.queryAccessibleInterface(window.save_button).attributesInterface()
        assert ui.attributeValue(QAccessible.Attribute.Locale).name() == "fi_FI"
    finally:
        close(window)


# 10 ------------------------------------------------------------------------------------------------------------
def test_10_headings_the_risk_alerts_title_and_the_running_score_scale_with_the_text_size(qtbot, screen_env):
    from askel.ui.questionnaire_form import QuestionnaireForm
    from askel.ui.risk_alert import RiskAlertDialog
    from askel.ui.widgets import title

    app = QApplication.instance()
    heading = title("Asiakkaat")
    form = QuestionnaireForm(phq9(screen_env), "fi")
    alert = build("risk alert", screen_env)
    assert isinstance(alert, RiskAlertDialog)
    qtbot.addWidget(heading)
    qtbot.addWidget(form)

    def sizes() -> list[float]:
        for widget in (heading, form.score_label, alert.heading):
            widget.ensurePolished()
        return [widget.font().pointSizeF() for widget in (heading, form.score_label, alert.heading)]

    normal = sizes()
    theme.apply(app, 200)
    try:
        large = sizes()
    finally:
        theme.apply(app, 100)
        close(alert)
    assert [round(b / a, 2) for a, b in zip(normal, large, strict=True)] == [2.0, 2.0, 2.0]
