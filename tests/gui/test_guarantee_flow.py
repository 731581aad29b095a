"""The therapy guarantee as the law says (issue 12): the clock starts at the need date the clinician enters, only for
needs from 1.5.2025, stops at the first session of the method (never at a quick-logged contact), and a recorded
exception with its reason is audited and shown. Dates and days are worked out by hand below."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from askel.store.clients import ClientData, add_client
from askel.store.courses import add_session, load_course, start_course
from askel.store.models import AuditEvent, Session
from askel.store.vault import Vault
from askel.ui.course_dialog import GuaranteeExceptionDialog
from askel.ui.guarantee_page import guarantee_rows
from tests.conftest import PASSPHRASE
from tests.gui.test_sessions_flow import when_dialog

TODAY = date(2026, 3, 12)
NEED = date(2026, 3, 2)  # day 10 today; the deadline is 2.3. + 28 days = 30.3.2026, 18 days left


def young(vault, given="Aino"):
    return add_client(vault, ClientData(given, "Laaksonen", date(2010, 4, 14), None))


def contact(vault, course_id, when: datetime, kind: str) -> None:
    record = add_session(vault, course_id, when, attendance="attended", closed=True)
    with vault.write() as session:
        session.get(Session, record.id).kind = kind


def test_a_quick_logged_contact_does_not_stop_the_clock_a_method_session_does(vault):
    course = start_course(vault, young(vault).id, "ipc_adolescents", "2", need_established=NEED)
    contact(vault, course.id, datetime(2026, 3, 4, 10), "phone")  # a phone call two days after the need
    [(listed, status)] = guarantee_rows(vault, TODAY)
    assert listed.id == course.id
    assert (status.state, status.days, status.days_left, status.deadline) == ("on_time", 10, 18, date(2026, 3, 30))
    contact(vault, course.id, datetime(2026, 3, 9, 10), "method")  # the first session of the method, day 7
    assert guarantee_rows(vault, TODAY) == []


def test_needs_before_the_law_are_not_on_the_list(vault):
    start_course(vault, young(vault).id, "ipc_adolescents", "2", need_established=date(2025, 4, 30))
    start_course(vault, young(vault, "Eeva").id, "ipc_adolescents", "2", need_established=date(2025, 5, 1))
    [(course, status)] = guarantee_rows(vault, date(2025, 5, 20))
    assert course.need_established == date(2025, 5, 1) and status.days == 19


def test_an_exception_is_recorded_with_its_reason_audited_and_listed_last(qtbot, vault):
    waiting = start_course(vault, young(vault).id, "ipc_adolescents", "2", need_established=date(2026, 3, 10))
    course = start_course(vault, young(vault, "Eeva").id, "ipc_adolescents", "2", need_established=NEED)

    dialog = GuaranteeExceptionDialog(vault, load_course(vault, course.id))
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentIndex(dialog.reason.findData("medical"))
    dialog.save()  # no reason written: refused, nothing saved
    assert dialog.note_field.error.text() and load_course(vault, course.id).guarantee_exception is None
    dialog.note.setPlainText("Inpatient care until 5.4.")
    dialog.save()
    stored = load_course(vault, course.id)
    assert (stored.guarantee_exception, stored.guarantee_exception_note) == ("medical", "Inpatient care until 5.4.")
    with vault.read() as session:
        details = [e.detail for e in session.scalars(select(AuditEvent).where(AuditEvent.target == f"course:{course.id}"))]
    assert {"guarantee_exception": "medical"} in details

    rows = guarantee_rows(vault, date(2026, 4, 10))  # day 41: overdue without the exception
    assert [(c.id, s.state) for c, s in rows] == [(waiting.id, "overdue"), (course.id, "exception")]


def test_course_page_says_days_left_deadline_and_the_exception(qtbot, make_shell, vault):
    course = start_course(vault, young(vault).id, "ipc_adolescents", "2", need_established=NEED)
    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    workspace = shell.workspace
    workspace.open_course(course.id)
    page = workspace.course_page
    page.today = TODAY
    page.retranslate()
    assert "odotuspäivä 10/28" in page.guarantee.text() and "30.3.2026 (aikaa 18 päivää)" in page.guarantee.text()
    assert page.exception_button.isVisibleTo(page)

    def record(dialog: GuaranteeExceptionDialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData("treatment"))
        dialog.note.setPlainText("The client asked to start after the exams.")
        dialog.save()

    when_dialog(GuaranteeExceptionDialog, record)
    page.guarantee_exception_requested.emit()
    page = workspace.course_page
    assert "poikkeus kirjattu (hoidolliset syyt): The client asked to start after the exams." in page.guarantee.text()
