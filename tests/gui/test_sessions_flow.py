"""Courses and sessions from the GUI: start a course, run and close a session, finish, quick log, guarantee."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from askel.store.clients import ClientData, add_client
from askel.store.courses import load_course, open_sessions, start_course
from askel.store.vault import Vault
from askel.ui.course_dialog import CourseDialog
from askel.ui.finish_course import FinishCourseDialog
from askel.ui.quick_log import QuickLogDialog
from askel.ui.session_summary import SessionSummaryDialog
from tests.conftest import PASSPHRASE, ready_for_another_process

ROOT = Path(__file__).resolve().parents[2]


def when_dialog(kind, action):
    """Run `action(dialog)` on the next visible dialog of `kind` once the event loop has shown it."""

    def attempt():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, attempt)
        else:
            action(dialog)

    QTimer.singleShot(0, attempt)


@pytest.fixture
def unlocked(make_shell, vault, qtbot):
    """A shell already past first run, unlocked on a vault with one adolescent client."""
    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), "140410A9128"))
    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    shell.workspace.open_client(client.id)
    return shell, client


def test_start_course_run_session_close_and_finish(qtbot, unlocked):
    shell, client = unlocked
    workspace = shell.workspace

    def choose_ipc(dialog: CourseDialog):
        row = next(i for i, p in enumerate(dialog.protocols) if p.id == "ipc_adolescents")
        dialog.methods.setCurrentRow(row)
        dialog.focus.setCurrentIndex(dialog.focus.findData("role_dispute"))
        # The need date is never filled in for the clinician: for a client under 23 saving without it is refused.
        assert dialog.need.text() == ""
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "terapiatakuu" in dialog.need_field.error.text()
        dialog.need.setText(f"{date.today().day}.{date.today().month}.{date.today().year}")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(CourseDialog, choose_ipc)
    workspace.start_course()
    page = workspace.course_page
    assert page is not None and page.course.method_id == "ipc_adolescents"
    assert page.course.focus_area == "role_dispute" and page.course.planned_sessions == 6
    assert page.guarantee.isVisibleTo(page)  # a 16-year-old: the guarantee applies

    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the shortcut, not a click
    runner = workspace.runner
    assert runner is not None and runner.session.number == 1
    assert runner.agenda_checks, "the protocol's agenda for session 1 is shown"
    qtbot.mouseClick(runner.agenda_checks[0], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runner.notes, "Talked about the conflict at home")
    qtbot.keyClicks(runner.homework, "Write down two situations")
    # Autosave: within a couple of seconds the database holds what was typed, without closing anything.
    qtbot.waitUntil(lambda: "conflict" in load_course(shell.vault, page.course.id).sessions[0].notes, timeout=4000)

    summary_text = []
    when_dialog(SessionSummaryDialog, lambda d: (summary_text.append(d.lines.text()), d.accept()))
    qtbot.mouseClick(runner.close_button, Qt.MouseButton.LeftButton)
    assert summary_text and "1" in summary_text[0]
    course = load_course(shell.vault, page.course.id)
    session = course.sessions[0]
    assert session.closed and session.agenda["0"]["done"] is True
    assert session.homework_given == "Write down two situations"
    assert workspace.course_page.next_number() == 2

    def finish(dialog: FinishCourseDialog):
        dialog.interrupted.setChecked(True)
        dialog.usefulness_buttons[2].setChecked(True)
        dialog.next_step.setCurrentIndex(dialog.next_step.findData("follow_up"))
        dialog.save()

    when_dialog(FinishCourseDialog, finish)
    workspace.finish_course()
    course = load_course(shell.vault, page.course.id)
    assert (course.status, course.usefulness, course.next_step) == ("interrupted", 3, "follow_up")


def test_quick_log_in_three_steps(qtbot, unlocked):
    shell, client = unlocked

    def log(dialog: QuickLogDialog):
        assert dialog.client.id == client.id  # step 1 is done: the open client is preselected
        dialog.method.setCurrentIndex(dialog.method.findData("ali"))  # step 2: no open course, so a new one
        dialog.kind.setCurrentIndex(dialog.kind.findData("guardian_meeting"))
        dialog.duration.setValue(45)  # step 3
        dialog.note.setPlainText("Short check-in at school")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(QuickLogDialog, log)
    shell.workspace.quick_log()
    course = shell.workspace.course_page.course
    assert course.method_id == "ali" and course.status == "planned"  # a contact does not start the method
    [session] = course.sessions
    assert (session.closed, session.duration_minutes, session.notes) == (True, 45, "Short check-in at school")
    assert (session.kind, session.number) == ("guardian_meeting", -1)


def test_guarantee_list_orders_by_days_waited(qtbot, unlocked):
    shell, client = unlocked
    other = add_client(shell.vault, ClientData("Eero", "Koski", date(2008, 1, 5), None))
    today = date.today()
    start_course(shell.vault, client.id, "ipc_adolescents", "1", need_established=today - timedelta(days=10))
    start_course(shell.vault, other.id, "ali", "1", need_established=today - timedelta(days=25))
    shell.workspace.show_guarantee_list()
    model = shell.workspace.guarantee_page.model
    assert [(c.client.family_name, s.state) for c, s in model.rows] == [("Koski", "at_risk"), ("Laaksonen", "on_time")]


CRASH_SCRIPT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import datetime
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from PySide6.QtCore import QCoreApplication
app = QApplication([])
from askel.app import make_context
from askel.store.courses import add_session, load_course
from askel.store.vault import Vault
from askel.ui.session_runner import SessionRunner
data_dir, course_id, passphrase = sys.argv[1], sys.argv[2], sys.argv[3]
vault = Vault.unlock(data_dir, passphrase)
context = make_context(data_dir)
session = add_session(vault, course_id, datetime.now().replace(microsecond=0))
runner = SessionRunner(vault, context.library, load_course(vault, course_id), session)
runner.show()
QTest.keyClicks(runner.notes, "first words before the crash")
QTest.qWait(2500)  # longer than the autosave delay
QTest.keyClicks(runner.notes, " and more")
print("typed", flush=True)
while True:
    QTest.qWait(50)
"""


def test_crash_while_typing_keeps_the_notes_and_offers_the_session_back(qtbot, make_shell, vault, tmp_path):
    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), None))
    course = start_course(vault, client.id, "ipc_adolescents", "1", need_established=date.today())
    data_dir = vault.folder.root
    ready_for_another_process(vault)
    vault.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, "-c", CRASH_SCRIPT, str(data_dir), course.id, PASSPHRASE],
                               stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert process.stdout.readline().strip() == "typed"
        time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)

    reopened = Vault.unlock(data_dir, PASSPHRASE)
    [unfinished] = open_sessions(reopened)
    assert unfinished.notes.startswith("first words before the crash")
    reopened.close()

    shell = make_shell("fi")
    shell.show_unlock(by_timer=False)
    shell.on_unlocked(Vault.unlock(data_dir, PASSPHRASE))
    notices = shell.workspace.client_list.unfinished_sessions
    assert [s.id for s in notices] == [unfinished.id]
    shell.workspace.open_session(unfinished.course_id, unfinished.id)
    assert shell.workspace.runner.notes.toPlainText().startswith("first words before the crash")
    assert isinstance(shell.workspace.runner, QDialog) is False


@pytest.mark.parametrize(("language", "line"), [
    ("fi", "PHQ-9: 9 pistettä (suhteutettu, kysymys 4 vastaamatta)."),
    ("sv", "PHQ-9: 9 poäng (uppräknad, fråga 4 obesvarad)."),
])
def test_the_session_summary_says_a_score_is_prorated_and_which_question_was_not_answered(
        qtbot, qapp, vault, language, line):
    from datetime import datetime

    from askel.core.content.library import ContentLibrary
    from askel.core.paths import resources_dir
    from askel.store.courses import add_session, score_and_record
    from askel.ui.i18n import LanguageManager

    content_library = ContentLibrary.load(resources_dir())
    languages = LanguageManager(qapp)
    languages.set_language(language)
    try:
        client = add_client(vault, ClientData("Aino", "Esimerkki", date(1990, 5, 6)))
        course = start_course(vault, client.id, "klt_adults", "1", need_established=date(2026, 1, 2))
        session = add_session(vault, course.id, datetime(2026, 1, 8, 14), attendance="attended")
        phq9 = content_library.instrument("phq9")
        # Question 4 blank: 2+1+1+1+1+0+1+1 = 8 of eight answers, 8 * 9 / 8 = 9.
        score_and_record(vault, course.id, phq9, dict(zip(phq9.item_ids, (2, 1, 1, None, 1, 1, 0, 1, 1),
                                                          strict=True)), session_id=session.id)
        course = load_course(vault, course.id)
        dialog = SessionSummaryDialog(content_library, course, course.sessions[0], (1, 3), vault=vault)
        qtbot.addWidget(dialog)
        assert line in dialog.lines.text()
    finally:
        languages.set_language("fi")
