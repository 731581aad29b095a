"""The visit as a nurse lives it (issue 17): the risk stays in sight after the alert, a minor's guardian is
recorded, the clock knows the planned length, the next appointment is agreed at the close and reaches the client
page, the summary, the record and the client's handout."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from askel.export.handout import build_handout
from askel.export.service import ExportPolicy, ExportRequest, handout_for, render
from askel.export.text_entry import build_entry
from askel.store.clients import ClientData, add_client
from askel.store.courses import (
    acknowledge_alert,
    add_session,
    close_session,
    load_course,
    score_and_record,
    start_course,
)
from askel.store.models import ExportRecord
from askel.store.vault import Vault
from askel.ui.handout_dialog import HandoutDialog
from askel.ui.risk_marker import GuardianDialog
from askel.ui.session_runner import SessionRunner, clock_state
from askel.ui.session_summary import SessionSummaryDialog
from tests.conftest import PASSPHRASE
from tests.gui.test_sessions_flow import when_dialog

HETU = "140410A9128"
NOTE = "Kysytty tarkemmin: ei välitöntä vaaraa, kriisinumerot annettu."


@pytest.fixture
def risky(make_shell, vault):
    """A 16-year-old with an IPC course: session 1 held, its PHQ-9 with a risk answer acknowledged."""
    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), HETU, language="sv"))
    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    library = shell.context.library
    protocol = library.protocol("ipc_adolescents")
    course = start_course(shell.vault, client.id, protocol.id, protocol.version, need_established=date.today(),
                          planned_sessions=6)
    session = add_session(shell.vault, course.id, datetime.now().replace(microsecond=0) - timedelta(days=7))
    phq9 = library.instrument("phq9")
    record, result = score_and_record(shell.vault, course.id, phq9, {item.id: 1 for item in phq9.items},
                                      session_id=session.id)
    assert result.alerts
    acknowledge_alert(shell.vault, record.id, NOTE)
    close_session(shell.vault, session.id, homework_given="Kirjaa kaksi riitatilannetta.",
                  next_appointment=datetime.combine(date.today() + timedelta(days=7), time(14, 0)))
    return shell, client, course, session


def test_after_the_alert_the_risk_is_in_sight_everywhere(qtbot, risky):
    shell, client, course, _session = risky
    workspace = shell.workspace
    workspace.open_client(client.id)
    page = workspace.client_page
    assert page.risk.isVisibleTo(page) and NOTE.split(":")[0] in page.risk.text.text()
    assert workspace.header_risk.isVisibleTo(workspace)  # beside the name, on every page of the client
    workspace.open_course(course.id)
    course_page = workspace.course_page
    assert course_page.risk.isVisibleTo(course_page) and NOTE.split(":")[0] in course_page.risk.text.text()
    assert any(any(series.risks) for series in course_page.chart.series)  # the point in the chart
    assert "riskivastaus" in course_page.chart.describe()  # and in its words for a screen reader
    workspace.start_or_continue_session()
    runner = workspace.runner
    assert runner.risk.isVisibleTo(runner)


def test_a_minors_guardian_is_prompted_and_recorded_from_the_marker(qtbot, risky):
    shell, client, course, _session = risky
    shell.workspace.open_client(client.id)
    marker = shell.workspace.client_page.risk
    assert marker.needs_guardian() and marker.guardian_button.isVisibleTo(marker)

    def record(dialog: GuardianDialog):
        dialog.not_informed.setChecked(True)
        dialog.note.setPlainText("Ei kerrottu: asiakas pelkää kotona, lastensuojelu konsultoitu.")
        dialog.save()

    when_dialog(GuardianDialog, record)
    qtbot.mouseClick(marker.guardian_button, Qt.MouseButton.LeftButton)
    [answer] = load_course(shell.vault, course.id).administrations
    assert answer.guardian_informed is False and "lastensuojelu" in answer.guardian_note
    assert answer.guardian_recorded_at is not None
    assert not marker.guardian_button.isVisibleTo(marker) and "lastensuojelu" in marker.text.text()


def test_the_clock_knows_the_planned_length_and_says_quietly_when_the_end_is_near(qtbot, risky):
    shell, _client, course, _session = risky
    assert clock_state(10 * 60) == "running" and clock_state(4 * 60) == "ending" and clock_state(-1) == "over"
    session = add_session(shell.vault, course.id, datetime.now().replace(microsecond=0) - timedelta(minutes=42))
    loaded = load_course(shell.vault, course.id)
    runner = SessionRunner(shell.vault, shell.context.library, loaded,
                           next(s for s in loaded.sessions if s.id == session.id))
    qtbot.addWidget(runner)
    assert runner.length.value() == 45  # the protocol's default
    assert runner.time_left.objectName() == "notice" and "3" in runner.time_left.text()
    runner.length.setValue(60)  # editable: a longer visit today
    assert runner.time_left.objectName() == "caption"
    runner.save_now()
    assert next(s for s in load_course(shell.vault, course.id).sessions if s.id == session.id).planned_minutes == 60


def test_the_next_appointment_is_agreed_at_the_close_and_shown_where_it_is_needed(qtbot, risky):
    shell, client, course, _session = risky
    workspace = shell.workspace
    workspace.open_course(course.id)
    workspace.start_or_continue_session()
    runner = workspace.runner
    runner.next_date.setText("31.2.2027")  # no such day: the close is refused, under the field, nothing closed
    runner.next_time.setText("14.00")
    qtbot.mouseClick(runner.close_button, Qt.MouseButton.LeftButton)
    assert workspace.runner is runner and runner.next_date_field.error.isVisibleTo(runner)
    when = datetime.combine(date.today() + timedelta(days=14), time(9, 30))
    runner.next_date.setText(f"{when.day}.{when.month}.{when.year}")
    runner.next_time.setText("9.30")
    summaries = []
    when_dialog(SessionSummaryDialog, lambda d: (summaries.append(d.lines.text()), d.accept()))
    qtbot.mouseClick(runner.close_button, Qt.MouseButton.LeftButton)
    second = next(s for s in load_course(shell.vault, course.id).sessions if s.number == 2)
    assert second.closed and second.next_appointment == when
    assert summaries and "klo 9.30" in summaries[0]
    workspace.open_client(client.id)
    assert "klo 9.30" in workspace.client_page.next_label.text()
    entry = build_entry(load_course(shell.vault, course.id), shell.context.library, "fi", session_number=2).text()
    assert f"Seuraava tapaaminen sovittu {when.day}.{when.month}.{when.year} klo 9.30." in entry


def test_the_handout_is_for_the_client_in_the_clients_language(qtbot, risky, tmp_path):
    shell, client, course, session = risky
    policy = ExportPolicy.from_settings(shell.context.settings)
    handout = handout_for(shell.vault, policy, ExportRequest(course.id, "handout", "sv", session.number))
    text = handout.text()
    assert "Kirjaa kaksi riitatilannetta." in text and "kl. 14.00" in text  # homework and next appointment
    assert "112" in text  # after a risk answer: where to get help at once (the policy's text)
    for private in ("Aino", "Laaksonen", HETU, "F32", "PHQ", NOTE):  # names no one, nothing clinical
        assert private not in text
    # Without a risk answer, no crisis text; in Finnish, the Finnish words.
    quiet = build_handout(load_course(shell.vault, course.id), "fi", safety_text="")
    assert "Kotitehtävä" in quiet.text() and "112" not in quiet.text()

    dialog = HandoutDialog(shell.vault, shell.context, course, session)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "sv"  # the client's language by default
    target = tmp_path / "handout.pdf"
    dialog.ask_save_path = lambda suggested: (target if suggested.startswith("askel-asiakkaalle-") else None)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes()[:5] == b"%PDF-" and dialog.confirmation.isVisibleTo(dialog)
    with shell.vault.read() as db:
        [logged] = db.query(ExportRecord).filter(ExportRecord.kind == "handout").all()
    assert logged.recipient == "client" and logged.language == "sv"
    assert render(shell.vault, shell.context.library, policy,
                  ExportRequest(course.id, "handout", "fi")).media_type == "application/pdf"
