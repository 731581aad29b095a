"""Questionnaire widgets: clinician entry, client self-completion, the risk alert and the progress chart.

Assertions avoid the English source of translated UI strings (a built catalogue would change them); they check
content-layer texts (item wording, band words), numbers, the scoring engine's result and widget state instead.
"""

from __future__ import annotations

import re
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QMainWindow, QWidget

from askel.core.content.library import ContentLibrary
from askel.core.content.scoring import score
from askel.core.paths import resources_dir
from askel.ui import theme
from askel.ui.i18n import LanguageManager
from askel.ui.progress_chart import BAND_RAMP, ChartSeries, ProgressChart, series_for
from askel.ui.questionnaire_form import QuestionnaireForm, WordingMissing
from askel.ui.risk_alert import RiskAlertDialog
from askel.ui.self_completion import SelfCompletionWindow

RIGHT = "oikea tunnuslause 7"  # ASCII: QTest types ASCII only
SV_Q1 = "Jag har haft lite intresse för eller glädje av att göra saker."
FI_Q1 = "Minulla on ollut vähän kiinnostusta tai mielihyvää asioiden tekemisessä."


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


@pytest.fixture
def phq9(library):
    return library.instrument("phq9")


@pytest.fixture(autouse=True)
def finnish_ui(qapp):
    theme.apply(qapp)
    languages = LanguageManager(qapp)
    languages.set_language("fi")
    yield languages
    languages.set_language("fi")


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def texts_of(widget: QWidget) -> list[str]:
    """Every text the window holds, shown or not: labels, buttons, fields, accessible names and descriptions."""
    parts = [widget.windowTitle(), widget.accessibleName(), widget.accessibleDescription()]
    for child in widget.findChildren(QWidget):
        parts += [child.accessibleName(), child.accessibleDescription(), child.toolTip()]
        if isinstance(child, QLabel | QAbstractButton | QLineEdit):
            parts.append(child.text())
    return [part for part in parts if part]


# -- clinician entry --------------------------------------------------------------------------------------------


def test_form_mouse_and_digit_keys_fill_answers_and_summary_follows_the_engine(qtbot, phq9):
    form = QuestionnaireForm(phq9, "fi")
    qtbot.addWidget(form)
    form.resize(1100, 760)
    form.show()
    activate(qtbot, form)
    emitted: list[dict] = []
    form.answers_changed.connect(emitted.append)

    # Mouse: question 1, answer 2.
    qtbot.mouseClick(form.rows[0].buttons[2], Qt.MouseButton.LeftButton)
    assert form.answers()["q1"] == 2
    assert emitted[-1]["q1"] == 2
    assert not re.search(r"\d", form.score_label.text()), "one answer: no score yet"

    # Keyboard: each digit answers the focused question and moves on.
    form.rows[1].setFocus()
    for expected_row, digit in enumerate((1, 3, 0, 2, 1, 3, 0, 1), start=1):
        assert form.rows[expected_row].hasFocus()
        qtbot.keyClick(form.rows[expected_row], getattr(Qt.Key, f"Key_{digit}"))
    assert form.answers() == {"q1": 2, "q2": 1, "q3": 3, "q4": 0, "q5": 2, "q6": 1, "q7": 3, "q8": 0, "q9": 1}
    # By hand: 2+1+3+0+2+1+3+0+1 = 13, PHQ-9 moderate (10-14) = "keskivaikea" in Finnish.
    assert re.search(r"\b13\b", form.score_label.text())
    assert "keskivaikea" in form.score_label.text()
    assert re.search(r"\b9\s*/\s*9\b", form.progress_label.text())
    assert form.alert_label.isVisibleTo(form), "question 9 above 0 is flagged"

    # A digit no answer has is ignored; Backspace clears the focused question.
    form.rows[3].setFocus()
    qtbot.keyClick(form.rows[3], Qt.Key.Key_7)
    assert form.answers()["q4"] == 0
    qtbot.keyClick(form.rows[3], Qt.Key.Key_Backspace)
    assert form.answers()["q4"] is None
    assert emitted[-1]["q4"] is None
    # One missing is prorated by the engine: 13 * 9 / 8 = 14.625, shown 14,6 and still moderate ("keskivaikea"),
    # not rounded to 15 and "moderately severe"; the question not answered is named.
    assert form.result().prorated and form.result().total == 14.6
    text = form.score_label.text()
    assert "14,6" in text and "keskivaikea" in text and "melko vaikea" not in text
    assert "kysymys 4 vastaamatta" in text
    # Two missing: no score.
    form.rows[0].setFocus()
    qtbot.keyClick(form.rows[0], Qt.Key.Key_Delete)
    assert form.result().total is None
    assert not re.search(r"\d", form.score_label.text())


def test_form_set_answers_and_refuses_impossible_values(qtbot, phq9):
    form = QuestionnaireForm(phq9, "fi")
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.answers_changed) as signal:
        form.set_answers({"q1": 3, "q2": 3})
    assert signal.args[0]["q1"] == 3 and signal.args[0]["q3"] is None
    assert form.rows[0].buttons[3].isChecked()
    with pytest.raises(ValueError):
        form.set_answers({"q1": 4})
    with pytest.raises(ValueError):
        form.set_answers({"q99": 1})
    form.set_answers({"q1": None})
    assert form.answers()["q1"] is None and not any(b.isChecked() for b in form.rows[0].buttons)


def test_form_shows_the_clients_swedish_while_the_ui_is_finnish(qtbot, phq9):
    form = QuestionnaireForm(phq9, "sv")
    qtbot.addWidget(form)
    form.show()
    assert form.rows[0].text_label.text() == SV_Q1
    assert [b.label for b in form.rows[0].buttons] == ["Inte alls", "Flera dagar", "Mer än hälften av dagarna",
                                                       "Nästan varje dag"]
    assert form.heading.text() == phq9.name.fi  # the frame follows the clinician's language
    assert form.language_note.isVisibleTo(form)
    form.set_answers({f"q{n}": 2 for n in range(1, 10)})  # 18: moderately severe
    assert "melko vaikea" in form.score_label.text() and "måttligt svår" not in form.score_label.text()
    # Accessible names: every question is a group named by the question, every answer a named radio button in it.
    for row in form.rows:
        group = QAccessible.queryAccessibleInterface(row)
        assert group.role() == QAccessible.Role.Grouping and row.text in group.text(QAccessible.Text.Name)
        for button in row.buttons:
            answer = QAccessible.queryAccessibleInterface(button)
            assert answer.role() == QAccessible.Role.RadioButton and answer.text(QAccessible.Text.Name)
            assert answer.parent().object() is row

    finnish = QuestionnaireForm(phq9, "fi")
    qtbot.addWidget(finnish)
    assert finnish.rows[0].text_label.text() == FI_Q1
    assert not finnish.language_note.isVisibleTo(finnish)


def test_instrument_without_wording_is_refused_clearly(qtbot, library):
    bdi = library.instrument("bdi21")
    form = QuestionnaireForm(bdi, "fi")
    qtbot.addWidget(form)
    form.show()
    assert form.rows == [] and form.answers() == {} and form.result() is None
    assert form.error.isVisibleTo(form)
    assert "BDI-21" in form.error.text() and len(form.error.text()) > 40
    assert not form.summary_bar.isVisibleTo(form)
    with pytest.raises(WordingMissing, match="BDI-21"):
        SelfCompletionWindow(bdi, "fi", lambda _: True)


# -- self-completion --------------------------------------------------------------------------------------------


@pytest.fixture
def make_window(qtbot):
    windows: list[SelfCompletionWindow] = []
    calls: list[tuple[str, bool]] = []

    def verify(passphrase: str) -> bool:
        calls.append((passphrase, threading.current_thread() is threading.main_thread()))
        return passphrase == RIGHT

    def make(instrument, language="fi", one_per_page=True) -> SelfCompletionWindow:
        window = SelfCompletionWindow(instrument, language, verify, one_per_page=one_per_page, staff_language="fi")
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        windows.append(window)
        return window

    make.calls = calls
    yield make
    for window in windows:
        if window.isVisible():
            window.dismiss()


def answer_all(qtbot, window: SelfCompletionWindow, values: list[int]) -> None:
    for index, value in enumerate(values):
        question = window.questions[index]
        assert question.isVisible() and sum(q.isVisible() for q in window.questions) == 1
        button = next(b for b in question.buttons if b.value == value)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)


def unlock(qtbot, window: SelfCompletionWindow, passphrase: str) -> None:
    qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    assert window.views.currentWidget() is window.staff_view
    qtbot.keyClicks(window.passphrase, passphrase)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)


def test_self_completion_one_question_at_a_time_with_progress(qtbot, make_window, phq9):
    window = make_window(phq9, "sv")
    assert window.isWindow() and window.windowModality() == Qt.WindowModality.ApplicationModal
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.progress_label.text() == "1 / 9"
    assert [q.isVisible() for q in window.questions].count(True) == 1
    assert window.questions[0].question.text() == SV_Q1
    assert not window.back_button.isVisible()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.progress_label.text() == "2 / 9" and window.questions[1].isVisible()
    assert window.next_button.text() == "Nästa" and window.back_button.text() == "Föregående"
    # Large type and large targets.
    assert window.questions[1].question.font().pointSizeF() >= 18
    for button in window.questions[1].buttons:
        assert button.height() >= 56 and button.font().pointSizeF() >= 18


def test_self_completion_finish_then_unlock_emits_exactly_the_answers(qtbot, make_window, phq9):
    window = make_window(phq9, "fi")
    values = [2, 1, 3, 0, 2, 1, 3, 0, 1]
    completed: list[dict] = []
    abandoned: list[dict] = []
    window.completed.connect(completed.append)
    window.abandoned.connect(abandoned.append)
    answer_all(qtbot, window, values)
    assert window.views.currentWidget() is window.thanks_view
    assert window.thanks_text.text() == "Anna laite takaisin työntekijälle."

    unlock(qtbot, window, "vaara tunnus")
    qtbot.waitUntil(lambda: not window._verifying and not window.passphrase.isReadOnly(), timeout=5000)
    assert window.staff_error.isVisible()
    assert window.isVisible() and not completed and not abandoned
    assert window.passphrase.text() == "", "a typed passphrase is not left in the field"

    qtbot.keyClicks(window.passphrase, RIGHT)
    with qtbot.waitSignal(window.completed, timeout=5000) as signal:
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] == {f"q{n}": v for n, v in enumerate(values, start=1)}
    assert not window.isVisible() and not abandoned
    assert make_window.calls and all(not on_main for _, on_main in make_window.calls), "checked off the UI thread"


def test_unlocking_before_the_client_finished_is_abandoned_with_partial_answers(qtbot, make_window, phq9):
    window = make_window(phq9, "fi")
    completed: list[dict] = []
    window.completed.connect(completed.append)
    qtbot.mouseClick(window.questions[0].buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.questions[1].buttons[1], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.abandoned, timeout=5000) as signal:
        unlock(qtbot, window, RIGHT)
    assert signal.args[0]["q1"] == 3 and signal.args[0]["q2"] == 1
    assert all(signal.args[0][f"q{n}"] is None for n in range(3, 10))
    assert not completed and not window.isVisible()


def test_repeated_wrong_passphrases_make_the_staff_panel_wait(qtbot, make_window, phq9):
    window = make_window(phq9, "fi")
    for attempt in range(3):
        if attempt:
            qtbot.keyClicks(window.passphrase, f"arvaus {attempt}")
            qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
        else:
            unlock(qtbot, window, "arvaus 0")
        qtbot.waitUntil(lambda: not window._verifying, timeout=5000)
    assert window.passphrase.isReadOnly() and not window.unlock_button.isEnabled()
    assert "5 s" in window.staff_error.text() and window.isVisible()
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert len(make_window.calls) == 3, "no check while waiting"


def test_staff_cancel_returns_to_the_same_question(qtbot, make_window, phq9):
    window = make_window(phq9, "fi")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    assert not window.questions[1].isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert window.views.currentWidget() is window.questions_view and window.questions[1].isVisible()


def test_unanswered_questions_are_pointed_out_once(qtbot, make_window, phq9):
    window = make_window(phq9, "fi")
    for _ in range(8):
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.questions[8].buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # Done, with 1-8 open
    assert window.notice.isVisible() and "1, 2, 3" in window.notice.text()
    assert not window.is_finished()
    qtbot.mouseClick(window.go_to_button, Qt.MouseButton.LeftButton)
    assert window.questions[0].isVisible()
    for _ in range(8):
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # Done again: finishes
    assert window.is_finished() and window.views.currentWidget() is window.thanks_view


def test_all_questions_on_one_page(qtbot, make_window, library):
    oasis = library.instrument("oasis")
    window = make_window(oasis, "sv", one_per_page=False)
    assert all(q.isVisible() for q in window.questions)
    assert window.progress_label.text() == "Besvarade 0 / 5"
    qtbot.mouseClick(window.questions[4].buttons[2], Qt.MouseButton.LeftButton)
    assert window.progress_label.text() == "Besvarade 1 / 5"
    assert window.answers()["q5"] == 2


def test_the_client_cannot_leave_or_reach_the_main_window(qtbot, make_window, phq9):
    main = QMainWindow()
    qtbot.addWidget(main)
    fired: list[str] = []
    for sequence in ("Ctrl+W", "Ctrl+L"):
        shortcut = QShortcut(QKeySequence(sequence), main)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda s=sequence: fired.append(s))
    main.show()
    activate(qtbot, main)
    qtbot.keyClick(main, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert fired == ["Ctrl+W"], "the shortcut works while no self-completion is open"
    fired.clear()

    window = make_window(phq9, "fi")
    activate(qtbot, window)
    target = window.questions[0].buttons[0]
    assert target.hasFocus()
    qtbot.keyClick(target, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    assert fired == [] and window.isVisible()
    assert window.close() is False and window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible()


def test_no_score_band_or_clinician_word_anywhere_in_the_window(qtbot, make_window, phq9):
    values = [2, 2, 2, 2, 2, 2, 2, 2, 1]  # 17: moderately severe, and question 9 raises the risk alert
    result = score(phq9, {f"q{n}": v for n, v in enumerate(values, start=1)})
    assert result.total == 17 and result.band.id == "moderately_severe" and result.alerts
    window = make_window(phq9, "fi")
    answer_all(qtbot, window, values)
    qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    text = "\n".join(texts_of(window))
    assert not re.search(r"\b17\b", text)
    for language in ("fi", "sv", "en"):
        assert result.band.label.get(language) not in text
        assert result.alerts[0].text.get(language) not in text
    for word in ("score", "pisteet", "poäng", "band", "vaikeusaste", "svårighetsgrad", "item", "PHQ"):
        assert word.lower() not in text.lower(), word


# -- risk alert -------------------------------------------------------------------------------------------------


def test_risk_alert_needs_a_note_and_cannot_be_dismissed(qtbot, phq9):
    answers = {f"q{n}": 0 for n in range(1, 10)} | {"q9": 2}
    alerts = score(phq9, answers).alerts
    dialog = RiskAlertDialog(alerts, phq9.short_name.fi, "Soita päivystävälle lääkärille: 09 123 456.",
                             instrument=phq9)
    qtbot.addWidget(dialog)
    outcome: list[int] = []

    def act():
        assert dialog.isVisible()
        text, detail = dialog.answer_boxes[0]
        assert text.text() == alerts[0].text.fi
        assert "2" in detail.text() and "Yli puolena päivistä" in detail.text() and "9" in detail.text()
        assert "09 123 456" in dialog.instructions.text()
        assert not dialog.acknowledge_button.isEnabled()
        dialog.reject()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        dialog.close()
        assert dialog.isVisible(), "reject, Escape and close leave the alert up"
        qtbot.keyClicks(dialog.note_edit, "ok")
        assert not dialog.acknowledge_button.isEnabled(), "two letters are not a note"
        qtbot.keyClicks(dialog.note_edit, " - called the duty doctor")
        assert dialog.acknowledge_button.isEnabled()
        qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)
    outcome.append(dialog.exec())
    assert outcome == [QDialog.DialogCode.Accepted]
    assert dialog.note() == "ok - called the duty doctor"


# -- progress chart ---------------------------------------------------------------------------------------------


def non_white_pixels(image) -> int:
    white = QColor("white").rgb()
    return sum(image.pixel(x, y) != white for x in range(0, image.width(), 4) for y in range(0, image.height(), 4))


@pytest.mark.parametrize("count", [1, 10])
def test_chart_renders_points_and_band_words(qtbot, phq9, count):
    chart = ProgressChart()
    qtbot.addWidget(chart)
    values = [19, 17, 14, 12, 11, 9, 8, 6, 7, 5][:count]
    chart.set_series([series_for(phq9, [(f"{n}.", v) for n, v in enumerate(values, start=1)], "fi")])
    image = chart.render_to_image(900, 420)
    assert image.width() == 900 and not image.isNull()
    assert non_white_pixels(image) > 500
    drawn = chart.drawn_labels()
    for band in phq9.scoring.band_sets[0].bands:
        assert band.label.fi in drawn
    for value in values:
        assert str(value) in drawn
    assert "1." in drawn and f"{count}." in drawn  # the first and the latest measurement are always labelled
    assert chart.tr("reliable change {change}").format(change="−6") in drawn


def test_chart_at_double_text_size_and_empty(qtbot, library):
    chart = ProgressChart()
    qtbot.addWidget(chart)
    font = QFont(chart.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    chart.setFont(font)
    gad7 = library.instrument("gad7")
    chart.set_series([
        series_for(library.instrument("phq9"), [("1.", 18), ("2.", 11)], "sv"),
        series_for(gad7, [("1.", 14), ("2.", 9)], "sv"),
    ])
    hint = chart.sizeHint()
    chart.render_to_image(1366, hint.height())
    drawn = chart.drawn_labels()
    assert "måttligt svår" in drawn and "lindrig" in drawn and "18" in drawn and "9" in drawn
    chart.set_series([])
    empty = chart.render_to_image(600, 300)
    assert chart.drawn_labels() and non_white_pixels(empty) > 0


def test_chart_series_from_plain_data_and_grey_ramp():
    series = ChartSeries("X", [("a", 3)], max_score=10, bands=[(5, "high", 1), (0, "low", 0)])
    assert series.bands[0] == (0.0, "low", 0) and series.points == (("a", 3.0),)
    with pytest.raises(ValueError):
        ChartSeries("X", [], max_score=0)
    lightness = [QColor(color).lightnessF() for color in BAND_RAMP]
    assert lightness == sorted(lightness, reverse=True) and len(set(lightness)) == len(lightness)


