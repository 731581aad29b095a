"""A questionnaire end to end: handed to the client, risk answer, alert acknowledged, stored and audited."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from askel.store.clients import ClientData, add_client
from askel.store.courses import load_course, start_course
from askel.store.models import AuditEvent
from askel.store.vault import Vault
from askel.ui.questionnaire_flow import ChooseQuestionnaireDialog, EntryDialog, ResultDialog
from askel.ui.risk_alert import RiskAlertDialog
from askel.ui.risk_marker import GuardianDialog
from askel.ui.self_completion import SelfCompletionWindow
from tests.conftest import PASSPHRASE
from tests.gui.test_questionnaire_widgets import answer_all, unlock
from tests.gui.test_sessions_flow import when_dialog

PHQ9_WITH_RISK = [2, 1, 3, 0, 2, 1, 3, 0, 2]  # total 14 (moderate), item 9 = 2


@pytest.fixture
def course_open(make_shell, vault):
    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), None, language="sv"))
    course = start_course(vault, client.id, "ipc_adolescents", "1", need_established=date.today())
    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    shell.workspace.open_course(course.id)
    return shell, course


def choose(instrument_id: str, by_client: bool):
    def pick(dialog: ChooseQuestionnaireDialog):
        dialog.list.setCurrentRow(next(i for i, x in enumerate(dialog.instruments) if x.id == instrument_id))
        (dialog.by_client if by_client else dialog.by_clinician).setChecked(True)
        dialog.accept()

    return pick


def test_self_completion_with_risk_answer_is_stored_alerted_and_audited(qtbot, course_open):
    shell, course = course_open
    when_dialog(ChooseQuestionnaireDialog, choose("phq9", by_client=True))
    shell.workspace.give_questionnaire(course.id, None)
    window = shell.workspace.questionnaire_flow.self_completion
    assert isinstance(window, SelfCompletionWindow)
    qtbot.waitExposed(window)
    qtbot.wait(100)
    assert window.language == "sv"  # the client's language, although the clinician works in Finnish
    answer_all(qtbot, window, PHQ9_WITH_RISK)
    assert window.is_finished(), window.answers()

    notes = []

    def acknowledge(dialog: RiskAlertDialog):
        assert not dialog.acknowledge_button.isEnabled()
        dialog.reject()  # refused: the alert stays until acknowledged
        assert dialog.isVisible()
        dialog.note_edit.setPlainText("Discussed safety; on-call doctor consulted")
        notes.append(dialog.note())
        qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)

    def guardian(dialog: GuardianDialog):
        # Issue 17: the client is 16, so recording whether a guardian was informed is asked at once.
        dialog.save()  # no note: refused, nothing written
        assert dialog.isVisible() and dialog.note_field.error.isVisibleTo(dialog)
        dialog.note.setPlainText("Äidille soitettu klo 14.30")
        dialog.save()

    results = []
    when_dialog(RiskAlertDialog, acknowledge)
    when_dialog(GuardianDialog, guardian)
    when_dialog(ResultDialog, lambda d: (results.append(d.body.text()), d.accept()))
    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: shell.workspace.questionnaire_flow is None, timeout=10000)

    [record] = load_course(shell.vault, course.id).administrations
    assert (record.instrument_id, record.total, record.band, record.self_completed) == ("phq9", 14, "moderate", True)
    assert record.alerts == [{"item": "q9", "kind": "risk", "value": 2}]
    assert record.alert_acknowledged_at is not None
    assert record.alert_action_note == "Discussed safety; on-call doctor consulted" == notes[0]
    assert (record.guardian_informed, record.guardian_note) == (True, "Äidille soitettu klo 14.30")
    assert "14" in results[0]
    with shell.vault.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert "alert_ack" in actions


def test_clinician_entry_without_risk_shows_no_alert(qtbot, course_open):
    shell, course = course_open
    when_dialog(ChooseQuestionnaireDialog, choose("gad7", by_client=False))

    def enter(dialog: EntryDialog):
        dialog.form.set_answers({f"q{n}": 1 for n in range(1, 8)})
        dialog.accept()

    alerts = []
    when_dialog(EntryDialog, enter)
    when_dialog(RiskAlertDialog, lambda d: alerts.append(d))
    when_dialog(ResultDialog, lambda d: d.accept())
    shell.workspace.give_questionnaire(course.id, None)
    [record] = load_course(shell.vault, course.id).administrations
    assert (record.instrument_id, record.total, record.self_completed) == ("gad7", 7, False)
    assert alerts == []


def test_self_completion_with_question_9_left_blank_is_an_alert_the_clinician_sees_first(qtbot, course_open):
    """Issue 12: a skipped risk question is itself an alert. The client leaves PHQ-9 item 9 blank and finishes;
    the staff panel names it before unlocking; after unlocking the alert must be acknowledged with a note; the
    stored score is prorated with question 9 named, and the alert has a kind of its own."""
    shell, course = course_open
    when_dialog(ChooseQuestionnaireDialog, choose("phq9", by_client=True))
    shell.workspace.give_questionnaire(course.id, None)
    window = shell.workspace.questionnaire_flow.self_completion
    qtbot.waitExposed(window)
    qtbot.wait(100)  # as above: the first click lands once the full-screen window has settled
    answer_all(qtbot, window, [1, 1, 1, 1, 1, 1, 1, 1])  # eight answers; the client moves on to question 9
    assert window.questions[8].isVisible()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # Done with question 9 blank: told once
    assert window.notice.isVisible() and not window.is_finished()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # Done again
    assert window.is_finished() and window.risk_questions_blank() == (9,)

    # The clinician sees it in the staff panel, in the clinician's language, before unlocking.
    qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    assert "Riskikysymykseen 9 ei vastattu" in window.staff_status.text()
    window.close_staff_panel()

    seen = {}

    def acknowledge(dialog: RiskAlertDialog):
        seen["heading"] = dialog.heading.text()
        seen["detail"] = dialog.answer_boxes[0][1].text()
        dialog.reject()  # Escape does nothing: the alert stays until acknowledged
        assert dialog.isVisible() and not dialog.acknowledge_button.isEnabled()
        dialog.note_edit.setPlainText("Asked in person: no thoughts of self-harm")
        qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)

    def guardian(dialog: GuardianDialog):
        # Issue 17: the client is 16, so recording whether a guardian was informed is asked at once.
        dialog.save()  # no note: refused, nothing written
        assert dialog.isVisible() and dialog.note_field.error.isVisibleTo(dialog)
        dialog.note.setPlainText("Äidille soitettu klo 14.30")
        dialog.save()

    results = []
    when_dialog(RiskAlertDialog, acknowledge)
    when_dialog(GuardianDialog, lambda d: d.reject())  # recorded later, from the risk marker
    when_dialog(ResultDialog, lambda d: (results.append(d.body.text()), d.accept()))
    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: shell.workspace.questionnaire_flow is None, timeout=10000)

    assert seen["heading"] == "Riskikysymykseen ei vastattu: kysy asiasta nyt itse"
    assert seen["detail"] == "Kysymys 9: ei vastattu"
    [record] = load_course(shell.vault, course.id).administrations
    # By hand: eight answers of 1 = 8, prorated 8 * 9 / 8 = 9, PHQ-9 mild (5-9).
    assert (record.total, record.band, record.prorated, record.missing_items) == (9, "mild", True, ["q9"])
    assert record.alerts == [{"item": "q9", "kind": "risk_unanswered", "value": None}]
    assert record.alert_acknowledged_at is not None
    assert record.alert_action_note == "Asked in person: no thoughts of self-harm"
    assert "kysymykseen 9 ei vastattu" in results[0] and "Kysymykseen 9" in results[0]
    assert "Askelin omaa sanamuotoa" in results[0]
    with shell.vault.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert "alert_ack" in actions


def test_unlocking_early_keeps_a_risk_answer_already_given(qtbot, course_open):
    shell, course = course_open
    when_dialog(ChooseQuestionnaireDialog, choose("phq9", by_client=True))
    shell.workspace.give_questionnaire(course.id, None)
    window = shell.workspace.questionnaire_flow.self_completion
    qtbot.waitExposed(window)
    window._answer("q9", 2)  # the client answered question 9 first, then the clinician stopped the form
    alerts = []
    when_dialog(RiskAlertDialog, lambda d: (alerts.append(d), d.note_edit.setPlainText("Talked it through"),
                                            qtbot.mouseClick(d.acknowledge_button, Qt.MouseButton.LeftButton)))
    when_dialog(GuardianDialog, lambda d: d.reject())
    when_dialog(ResultDialog, lambda d: d.accept())
    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: shell.workspace.questionnaire_flow is None, timeout=10000)
    [record] = load_course(shell.vault, course.id).administrations
    assert record.total is None and record.alerts == [{"item": "q9", "kind": "risk", "value": 2}]
    assert alerts and record.alert_acknowledged_at is not None


def test_auditc_is_banded_from_the_sex_for_reference_values_the_clinician_recorded(qtbot, make_shell, vault):
    """The client form records the sex for reference values (never from the identity code); AUDIT-C entered for a
    40-year-old woman scoring 5 reaches THL's limit for women 20-64 (5); with the sex not recorded the result says
    which limits the score reaches instead of guessing a band."""
    from askel.ui.client_form import ClientDialog

    born = date(date.today().year - 40, 1, 1)
    client = add_client(vault, ClientData("Aino", "Laaksonen", born, None))
    course = start_course(vault, client.id, "klt_adults", "1", need_established=date.today())
    vault.close()
    shell = make_shell("fi")
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))

    def enter_auditc(values):
        when_dialog(ChooseQuestionnaireDialog, choose("auditc", by_client=False))
        when_dialog(EntryDialog, lambda d: (d.form.set_answers(dict(zip(("q1", "q2", "q3"), values, strict=True))),
                                            d.accept()))
        results = []
        when_dialog(ResultDialog, lambda d: (results.append(d.body.text()), d.accept()))
        shell.workspace.give_questionnaire(course.id, None)
        return results[0]

    shell.workspace.open_course(course.id)
    unknown = enter_auditc([2, 2, 1])  # 5 points, the sex not recorded
    assert "Viitearvojen sukupuolta ei ole kirjattu." in unknown
    assert "Pisteet yltävät rajaan: THL:n raja naisille 20–64 v: 5 pistettä." in unknown

    from askel.store.clients import open_client

    dialog = ClientDialog(shell.vault, client=open_client(shell.vault, client.id), parent=shell)
    qtbot.addWidget(dialog)
    assert dialog.reference_sex.currentData() is None
    dialog.reference_sex.setCurrentIndex(dialog.reference_sex.findData("female"))
    dialog.save()
    shell.workspace.open_course(course.id)
    known = enter_auditc([2, 2, 1])
    assert "alkoholin liikakäytön raja täyttyy" in known and "THL:n raja naisille 20–64 v: 5 pistettä" in known
    records = sorted(load_course(shell.vault, course.id).administrations, key=lambda a: a.administered_at)
    assert [(a.total, a.band, a.band_set) for a in records] == [(5, None, None),
                                                                 (5, "at_or_above_limit", "thl_women_20_64")]


def test_a_lock_during_the_risk_alert_hides_it_and_the_next_unlock_raises_it_again(qtbot, course_open):
    """The alert must not stay on screen over the lock screen, must not be acknowledged by the lock, and must not be
    lost: after the passphrase it comes back over its course until it is acknowledged."""
    shell, course = course_open
    when_dialog(ChooseQuestionnaireDialog, choose("phq9", by_client=False))

    def enter(dialog: EntryDialog):
        dialog.form.set_answers({f"q{n}": v for n, v in enumerate(PHQ9_WITH_RISK, start=1)})
        dialog.accept()

    seen = []

    def lock_while_open(dialog: RiskAlertDialog):
        dialog.note_edit.setPlainText("Kesken jäänyt kirjaus")
        seen.append(dialog)
        shell.lock(by_timer=True)

    when_dialog(EntryDialog, enter)
    when_dialog(RiskAlertDialog, lock_while_open)
    shell.workspace.give_questionnaire(course.id, None)
    qtbot.waitUntil(lambda: shell.vault is None, timeout=10000)
    assert seen and not seen[0].isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, RiskAlertDialog) and w.isVisible()]
    assert shell.stack.currentWidget() is shell.unlock_screen

    reader = Vault.unlock(shell.context.data_dir, PASSPHRASE)
    [record] = load_course(reader, course.id).administrations
    reader.close()
    assert record.alerts and record.alert_acknowledged_at is None  # pending, not acknowledged by the lock

    def acknowledge(dialog: RiskAlertDialog):
        seen.append(dialog)
        dialog.note_edit.setPlainText("Arvioitu vastaanotolla, turvasuunnitelma tehty")
        qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)

    when_dialog(RiskAlertDialog, acknowledge)
    when_dialog(GuardianDialog, lambda dialog: (dialog.note.setPlainText("Äidille kerrottu"), dialog.save()))
    screen = shell.unlock_screen
    screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.vault is not None and load_course(shell.vault, course.id)
                    .administrations[0].alert_acknowledged_at is not None, timeout=15000)
    assert len(seen) == 2 and seen[1] is not seen[0]
    [record] = load_course(shell.vault, course.id).administrations
    assert record.alert_action_note == "Arvioitu vastaanotolla, turvasuunnitelma tehty"
    assert shell.workspace.course_page is not None and shell.workspace.course_page.course.id == course.id
