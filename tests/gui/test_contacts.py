"""Quick log writes contacts: a phone call never takes a session of the method, defaults to the client's open course,
and leaves "session n / N", fidelity and the record as they were (issue 17, defect 1)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from askel.export.text_entry import build_entry
from askel.store.clients import ClientData, add_client
from askel.store.courses import (
    add_session,
    close_session,
    fidelity,
    first_treatment_date,
    load_course,
    start_course,
    waiting_courses,
)
from askel.store.vault import Vault
from askel.ui.quick_log import NEW_COURSE, QuickLogDialog
from tests.conftest import PASSPHRASE
from tests.gui.test_sessions_flow import when_dialog


@pytest.fixture
def ipc_two_sessions_in(make_shell, vault):
    """A 16-year-old with an IPC course (6 planned) and two sessions of the method held, the shell on her page."""
    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), "140410A9128"))
    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    library = shell.context.library
    protocol = library.protocol("ipc_adolescents")
    course = start_course(shell.vault, client.id, protocol.id, protocol.version, need_established=date.today()
                          - timedelta(days=30), planned_sessions=6)
    start = datetime.combine(date.today() - timedelta(days=14), time(9))
    for number in (1, 2):
        record = add_session(shell.vault, course.id, start + timedelta(days=7 * (number - 1)), mode="in_person")
        close_session(shell.vault, record.id, agenda={"0": {"done": True, "note": ""}})
    shell.workspace.open_client(client.id)
    return shell, client, course


def run_quick_log(shell, action) -> None:
    """Open quick log from the workspace and run `action` on it; a failing check closes the dialog, then fails."""
    failures = []

    def guarded(dialog: QuickLogDialog):
        try:
            action(dialog)
        except Exception as error:  # noqa: BLE001 - re-raised below, after the modal dialog is closed
            failures.append(error)
        if dialog.isVisible():
            dialog.reject()

    when_dialog(QuickLogDialog, guarded)
    shell.workspace.quick_log()
    if failures:
        raise failures[0]


def log_call(qtbot, shell, choose=None):
    def log(dialog: QuickLogDialog):
        if choose:
            choose(dialog)
        dialog.note.setPlainText("Soitto: kuulumiset")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    run_quick_log(shell, log)


def test_a_phone_call_is_a_contact_on_the_open_course_not_session_3(qtbot, ipc_two_sessions_in):
    shell, client, course = ipc_two_sessions_in
    before = fidelity(load_course(shell.vault, course.id), shell.context.library.protocol("ipc_adolescents"))
    seen = {}

    def check_defaults(dialog: QuickLogDialog):
        # The client's open course, not the alphabetically first method; a phone call of 15 minutes.
        seen["course"], seen["kind"] = dialog.course.currentData(), dialog.kind.currentData()
        seen["minutes"] = dialog.duration.value()
        seen["method visible"] = dialog.method_field.isVisibleTo(dialog)

    log_call(qtbot, shell, check_defaults)
    assert seen == {"course": course.id, "kind": "phone", "minutes": 15, "method visible": False}

    loaded = load_course(shell.vault, course.id)
    call = next(s for s in loaded.sessions if s.kind == "phone")
    assert call.number < 0 and call.closed and call.mode == "phone"
    assert sorted(s.number for s in loaded.sessions if s.kind == "method") == [1, 2]
    assert fidelity(loaded, shell.context.library.protocol("ipc_adolescents")) == before
    page = shell.workspace.course_page
    assert page.course.id == course.id and page.next_number() == 3
    assert page.tr("{done} of {planned} sessions").format(done=2, planned=6) in page.summary.text()
    assert page.session_button.text().endswith("3")
    assert page.contacts_list.isVisibleTo(page) and "Puhelu" in page.contacts_list.text()

    entry = build_entry(loaded, shell.context.library, "fi").text()
    assert "Käynti 3/6" not in entry and "Käynti 2/6" in entry and "puhelu" in entry
    alone = build_entry(loaded, shell.context.library, "fi", session_number=call.number)
    assert alone.title.startswith("Yhteydenotto ") and "Käynti 3/6" not in alone.text() and "puhelu" in alone.text()


def test_the_clinician_may_say_it_was_a_session_of_the_method(qtbot, ipc_two_sessions_in):
    shell, client, course = ipc_two_sessions_in
    log_call(qtbot, shell, lambda d: d.kind.setCurrentIndex(d.kind.findData("method")))
    loaded = load_course(shell.vault, course.id)
    assert sorted(s.number for s in loaded.sessions) == [1, 2, 3]
    assert "Käynti 3/6" in build_entry(loaded, shell.context.library, "fi", session_number=3).text()


def test_a_contact_does_not_start_the_guarantee_or_the_course(qtbot, make_shell, vault):
    client = add_client(vault, ClientData("Eero", "Koski", date(2011, 1, 5), None))
    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    protocol = shell.context.library.protocol("ipc_adolescents")
    course = start_course(shell.vault, client.id, protocol.id, protocol.version, need_established=date.today())
    shell.workspace.open_client(client.id)
    log_call(qtbot, shell, lambda d: d.kind.setCurrentIndex(d.kind.findData("guardian_meeting")))
    loaded = load_course(shell.vault, course.id)
    assert [s.kind for s in loaded.sessions] == ["guardian_meeting"]
    assert loaded.status == "planned" and first_treatment_date(loaded) is None
    assert course.id in {c.id for c in waiting_courses(shell.vault)}  # still waiting for the first session


def test_without_an_open_course_the_method_must_be_chosen(qtbot, make_shell, vault):
    client = add_client(vault, ClientData("Eero", "Koski", date(2011, 1, 5), None))
    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    shell.workspace.open_client(client.id)
    errors = []

    def log(dialog: QuickLogDialog):
        assert dialog.course.currentData() == NEW_COURSE and dialog.method.currentIndex() == -1
        dialog.save()  # no method: refused with one line, nothing written
        errors.append(dialog.error.text())
        dialog.method.setCurrentIndex(dialog.method.findData("ali"))
        dialog.save()

    run_quick_log(shell, log)
    assert errors and errors[0]
    course = shell.workspace.course_page.course
    assert course.method_id == "ali" and [s.number for s in course.sessions] == [-1]
