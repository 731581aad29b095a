"""Method competence, the family perspective, the stepped-care pathway and fidelity, from the GUI."""

from __future__ import annotations

from datetime import date

from askel.store.clients import ClientData, add_client
from askel.store.clinician import my_methods
from askel.store.courses import load_course
from askel.store.vault import Vault
from askel.ui.course_dialog import CourseDialog
from askel.ui.session_summary import SessionSummaryDialog
from tests.conftest import PASSPHRASE
from tests.gui.test_sessions_flow import when_dialog


def open_shell(make_shell, vault, client_data, language="fi"):
    client = add_client(vault, client_data)
    vault.close()
    shell = make_shell(language)
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    shell.workspace.open_client(client.id)
    return shell, client


def test_trained_methods_come_first_and_others_are_marked(qtbot, make_shell, vault):
    shell, client = open_shell(make_shell, vault, ClientData("Matti", "Aho", date(1980, 5, 1), None))
    workspace = shell.workspace
    workspace.show_my_methods()
    page = workspace.methods_page
    row = next(i for i, p in enumerate(page.protocols) if p.id == "klt_adults")
    page.sinces[row].setText("1.9.2025")
    page.statuses[row].setCurrentIndex(page.statuses[row].findData("trained"))
    assert my_methods(shell.vault)["klt_adults"].status == "trained"
    assert my_methods(shell.vault)["klt_adults"].since == date(2025, 9, 1)

    seen = {}

    def inspect(dialog: CourseDialog):
        seen["first"] = dialog.protocols[0].id
        seen["texts"] = [dialog.methods.item(i).text() for i in range(dialog.methods.count())]
        seen["note"] = dialog.training_note.isVisibleTo(dialog)
        seen["marker"] = dialog.tr("{method} (not trained)").format(method="").strip()
        dialog.reject()

    workspace.open_client(client.id)
    when_dialog(CourseDialog, inspect)
    workspace.start_course()
    assert seen["first"] == "klt_adults"
    assert not seen["texts"][0].endswith(seen["marker"])  # the trained method carries no warning
    assert all(text.endswith(seen["marker"]) for text in seen["texts"][1:])  # "(ei koulutusta)", "(ingen utbildning)"
    assert seen["note"] is False


def test_adult_with_children_gets_the_family_item_and_pathway_is_recorded(qtbot, make_shell, vault):
    shell, client = open_shell(make_shell, vault, ClientData("Liisa", "Aho", date(1985, 2, 3), None))
    workspace = shell.workspace

    def fill(dialog: CourseDialog):
        dialog.methods.setCurrentRow(next(i for i, p in enumerate(dialog.protocols) if p.id == "klt_adults"))
        assert dialog.dependants_field.isVisibleTo(dialog)
        assert dialog.training_note.isVisibleTo(dialog)  # not trained in this method
        dialog.dependants.setCurrentIndex(dialog.dependants.findData(True))
        dialog.care_step.setCurrentIndex(dialog.care_step.findData(2))
        dialog.referral.setCurrentIndex(dialog.referral.findData("terapianavigaattori"))
        dialog.referral_reference.setText("TN-1234")
        dialog.save()

    when_dialog(CourseDialog, fill)
    workspace.start_course()
    course = workspace.course_page.course
    assert (course.has_dependants, course.care_step, course.referral_source, course.referral_reference) == (
        True, 2, "terapianavigaattori", "TN-1234")

    workspace.start_or_continue_session()
    runner = workspace.runner
    assert runner.agenda_keys[-1] == "family"
    runner.agenda_checks[-1].setChecked(True)
    runner.agenda_checks[0].setChecked(True)
    when_dialog(SessionSummaryDialog, lambda dialog: dialog.accept())
    workspace.close_session()
    course = load_course(shell.vault, course.id)
    assert course.sessions[0].agenda["family"]["done"] is True
    text = workspace.course_page.fidelity.text()
    assert "2" in text and "%" in text
