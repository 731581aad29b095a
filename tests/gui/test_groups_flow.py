"""A group from the GUI, in Finnish and in Swedish: six members (two join late, one leaves), three group sessions and a
parents' meeting; then every member's record (text entry, PDF, FHIR) against what it must say, and a scan of each
member's exports for every other member's name, identity code and notes.

Finnish: a Cool Kids group (its procedure code is not verified: none is given, and the entry says so). Swedish: a
group of KLT for young people (group KLT: IDR17).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from askel.core.hetu import check_character
from askel.export.service import ExportPolicy, ExportRequest, render
from askel.store.clients import ClientData, add_client
from askel.store.courses import load_course, start_course
from askel.store.groups import load_group
from askel.store.vault import Vault
from askel.ui import group_session
from askel.ui.group_session import NOTE, GroupQuestionnaireDialog
from askel.ui.groups import AddMemberDialog, GroupDialog, LeaveGroupDialog
from askel.ui.questionnaire_flow import EntryDialog, ResultDialog
from askel.ui.self_completion import SelfCompletionWindow
from tests.conftest import PASSPHRASE
from tests.gui.test_questionnaire_widgets import answer_all, unlock
from tests.gui.test_sessions_flow import when_dialog

POPPLER = shutil.which("pdftotext") is not None


@dataclass(frozen=True)
class Person:
    key: str
    given: str
    family: str
    born: date
    serial: str | None  # the identity code's individual number; None: no identity code
    language: str
    hobby: str  # what the member's own notes are about: one word no one else's record may hold

    @property
    def hetu(self) -> str | None:
        if self.serial is None:
            return None
        head = self.born.strftime("%d%m%y")
        return f"{head}A{self.serial}{check_character(head + self.serial)}"

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"


PEOPLE = (
    Person("A", "Ilmari", "Koskela", date(2012, 3, 14), "913", "fi", "kalliokiipeily"),
    Person("B", "Saga", "Lindqvist", date(2011, 11, 2), "924", "sv", "ridning"),
    Person("C", "Vilja", "Heikura", date(2013, 1, 27), None, "fi", "kuorolaulu"),
    Person("D", "Oskari", "Rautio", date(2012, 6, 30), "935", "fi", "jääkiekko"),
    Person("E", "Elias", "Brandt", date(2011, 8, 9), "946", "sv", "segling"),  # joins late
    Person("F", "Ronja", "Mäkelä", date(2012, 12, 5), "957", "fi", "partiotaidot"),  # joins late
)
BY_KEY = {p.key: p for p in PEOPLE}
DAY1, DAY2, DAY3 = date(2026, 9, 7), date(2026, 9, 14), date(2026, 9, 21)  # the planned Mondays
PARENTS_DAY = date(2026, 9, 23)
LATE_JOIN, LEFT = date(2026, 9, 10), date(2026, 9, 16)
# Attendance per meeting (1 came, 2 cancelled, 3 did not come): who was at which meeting.
ATTENDANCE = {
    1: {"A": "1", "B": "1", "C": "1", "D": "2"},
    2: {"A": "1", "B": "1", "C": "3", "D": "1", "E": "1", "F": "1"},
    3: {"A": "1", "B": "1", "C": "1", "E": "1", "F": "2"},
    "parents": {"A": "1", "B": "1", "C": "2", "E": "1", "F": "1"},
}
TEXTS = {
    "fi": {"language": "fi", "group": "Cool Kids syksy 2026, Kaukametsän koulu", "method": "cool_kids",
           "notes": {1: "Ryhmä sopi yhteiset säännöt ja harjoitteli rauhoittavaa hengitystä.",
                     2: "Harjoiteltiin pelättyjen tilanteiden portaikkoa pareittain.",
                     3: "Käytiin läpi harjoitusaskeleita ja onnistumisia.",
                     "parents": "Vanhemmat jakoivat kokemuksia kotiharjoittelusta."},
           "homework": {1: "Harjoittele hengitystä kerran päivässä.", 2: "Ota yksi harjoitusaskel.",
                        3: "Jatka harjoittelua omin päin.", "parents": ""},
           "exception": "Hengitysharjoitus kahdesti viikossa, koska kisaviikko.",
           "join": "Siirtyi jonosta, kun ryhmään vapautui paikka.",
           "leave": "Muutti toiselle paikkakunnalle."},
    "sv": {"language": "sv", "group": "KLT-grupp hösten 2026, Fjärdens skola", "method": "klt_adolescents",
           "notes": {1: "Gruppen kom överens om spelreglerna och presenterade metoden.",
                     2: "Gruppen övade på att upptäcka automatiska tankar i par.",
                     3: "Vi gick igenom hemuppgifterna och övade på problemlösning.",
                     "parents": "Föräldrarna fick information om gruppens upplägg."},
           "homework": {1: "Skriv ner en situation varje dag.", 2: "Pröva ett nytt sätt att tänka en gång.",
                        3: "Fortsätt med dagboken.", "parents": ""},
           "exception": "Skriv ner två situationer under veckan, på grund av lägerskolan.",
           "join": "Flyttade från kön när en plats blev ledig.",
           "leave": "Flyttade till en annan ort."},
}


def own_note(person: Person, meeting, language: str) -> str:
    """What the clinician writes about one member at one meeting: only that member's record may hold it."""
    if language == "fi":
        when = "vanhempien tapaamisessa" if meeting == "parents" else f"tapaamisessa {meeting}"
        return f"{person.given} kertoi {when} harrastuksestaan ({person.hobby})."
    when = "på föräldramötet" if meeting == "parents" else f"på träff {meeting}"
    return f"{person.given} berättade {when} om sin hobby ({person.hobby})."


@pytest.fixture
def group_shell(make_shell, vault):
    """Six clients, one of them with a course of the method waiting since the need was established."""
    ids = {}
    for person in PEOPLE:
        client = add_client(vault, ClientData(person.given, person.family, person.born, person.hetu,
                                              language=person.language))
        ids[person.key] = client.id
    return vault, ids


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` key by key (QTest types only ASCII; other letters go as key events carrying their text)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def start(make_shell, vault, language: str):
    vault.close()
    shell = make_shell(language)
    shell.on_unlocked(Vault.unlock(vault.folder.root, PASSPHRASE))
    return shell


def rows_by_name(screen) -> dict[str, int]:
    return {name: row for row, name in enumerate(screen.members.names)}


def run_meeting(qtbot, workspace, monkeypatch, meeting_id: str, when: datetime, number, texts: dict,
                *, keys_limit: int | None = None, exception_for: str | None = None) -> object:
    """Open the meeting, mark attendance with the keyboard, write notes, agenda and homework, and close it."""
    monkeypatch.setattr(group_session, "now", lambda: when)
    workspace.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is workspace.window())  # the last dialog has gone
    workspace.open_group_session(meeting_id)
    screen = workspace.group_session
    assert screen is not None and screen.members.hasFocus()  # the keyboard starts in the attendance list
    rows = rows_by_name(screen)
    present = {key: code for key, code in ATTENDANCE[number].items()}
    assert sorted(rows) == sorted(BY_KEY[key].name for key in present)
    # Attendance: one key per member, in the list's order (it moves to the next member by itself).
    order = sorted(present, key=lambda key: rows[BY_KEY[key].name])
    keys = [present[key] for key in order]
    for key in keys:
        qtbot.keyClick(screen.members, key)
    if keys_limit is not None:
        assert len(keys) == len(rows) <= keys_limit
    expected = {"1": "attended", "2": "cancelled", "3": "no_show"}
    assert screen.members.attendance == [expected[present[key]] for key in order]
    # Each member's own note; the first typed with the keyboard (Enter edits the cell, Enter ends the edit).
    for index, key in enumerate(order):
        row, note = rows[BY_KEY[key].name], own_note(BY_KEY[key], number, texts['language'])
        if index == 0:
            screen.members.setCurrentCell(row, NOTE)
            qtbot.keyClick(screen.members, Qt.Key.Key_Return)
            editor = QApplication.focusWidget()
            type_text(qtbot, editor, note)
            qtbot.keyClick(editor, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: screen.members.state() != screen.members.State.EditingState)
        else:
            screen.members.item(row, NOTE).setText(note)
    assert [screen.members.note(rows[BY_KEY[key].name]) for key in order] == [
        own_note(BY_KEY[key], number, texts['language']) for key in order]
    if exception_for is not None:
        screen.members.item(rows[BY_KEY[exception_for].name], group_session.HOMEWORK).setText(texts["exception"])
    for check in screen.agenda_checks[:2]:
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    screen.notes.setPlainText(texts["notes"][number])
    screen.homework.setPlainText(texts["homework"][number])
    screen.duration.setFocus()
    screen.duration.selectAll()
    qtbot.keyClicks(screen.duration, "90")
    return screen


def close(qtbot, workspace, screen) -> None:
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    assert workspace.group_session is None, screen.message.text()
    assert workspace.group_page is not None and workspace.group_page.message.isVisible()


def add_member(qtbot, page, person: Person, joined: date, reason: str = "", need: str = "") -> None:
    def fill(dialog: AddMemberDialog):
        type_text(qtbot, dialog.search, person.family)
        assert dialog.results.count() == 1
        dialog.joined.setText(f"{joined.day}.{joined.month}.{joined.year}")
        dialog.need.setText(need)
        if reason:
            assert dialog.reason_field.isVisible()
            dialog.save()
            assert dialog.isVisible() and dialog.reason_field.has_error()  # a late joiner needs the reason
            dialog.reason.setPlainText(reason)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(AddMemberDialog, fill)
    page.add_member()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_group_of_six_through_three_sessions_and_a_parents_meeting(qtbot, make_shell, group_shell, monkeypatch,
                                                                     tmp_path, language):
    vault, ids = group_shell
    texts = TEXTS[language]
    library_protocol = texts["method"]
    # Ilmari waits for the group: his course of the method was started when the need was established.
    waiting = start_course(vault, ids["A"], library_protocol, _newest(library_protocol), status="planned",
                           need_established=date(2026, 8, 20))
    shell = start(make_shell, vault, language)
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)
    workspace = shell.workspace
    workspace.show_area("groups")
    assert workspace.groups_page.empty.isVisible()

    def new_group(dialog: GroupDialog):
        dialog.method.setCurrentIndex(next(i for i, p in enumerate(dialog.protocols) if p.id == library_protocol))
        dialog.save()
        assert dialog.isVisible() and dialog.name_field.has_error()  # a name is needed
        type_text(qtbot, dialog.name, texts["group"])
        dialog.format.setCurrentIndex(dialog.format.findData("client_group"))
        dialog.leader2.setText("Bo Ledare")
        dialog.first_date.setText("7.9.2026")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(GroupDialog, new_group)
    workspace.new_group()
    page = workspace.group_page
    group_id = page.group.id
    assert page.group.leaders == ["Testi Hoitaja", "Bo Ledare"]
    for key in "ABCD":
        add_member(qtbot, workspace.group_page, BY_KEY[key], date(2026, 9, 4),
                   need="1.9.2026" if key == "C" else "")
    group = load_group(shell.vault, group_id)
    members = {c.client_id: c for c in group.courses}
    assert members[ids["A"]].id == waiting.id  # the waiting course became his course in the group
    assert members[ids["C"]].need_established == date(2026, 9, 1)

    meetings = sorted((m for m in group.meetings if m.kind == "method"), key=lambda m: m.number)
    # Session 1: four members.
    screen = run_meeting(qtbot, workspace, monkeypatch, meetings[0].id, datetime(2026, 9, 7, 14), 1, texts,
                         exception_for="B")
    # A group note that names a member is said once before closing; the clinician moves it to the member's note.
    screen.notes.setPlainText(texts["notes"][1] + " Ilmari")
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    assert workspace.group_session is screen and "Ilmari Koskela" in screen.message.text()
    screen.notes.setPlainText(texts["notes"][1])
    give_by_clinician(qtbot, screen, ("A", "B"))
    close(qtbot, workspace, screen)

    # Two join late, with the reason.
    for key in "EF":
        add_member(qtbot, workspace.group_page, BY_KEY[key], LATE_JOIN, reason=texts["join"])
    # Session 2: six members, attendance in six keystrokes.
    screen = run_meeting(qtbot, workspace, monkeypatch, meetings[1].id, datetime(2026, 9, 14, 14), 2, texts,
                         keys_limit=9)
    close(qtbot, workspace, screen)

    # Oskari leaves.
    page = workspace.group_page
    row = next(r for r, (cells, _id) in enumerate(page.members_model.rows) if cells[0] == BY_KEY["D"].name)
    page.members.selectRow(row)

    def leave(dialog: LeaveGroupDialog):
        dialog.left.setText("16.9.2026")
        dialog.reason.setPlainText(texts["leave"])
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(LeaveGroupDialog, leave)
    page.member_leaves()

    # Session 3: five members; Elias and then Vilja fill in a questionnaire themselves, each in their language.
    screen = run_meeting(qtbot, workspace, monkeypatch, meetings[2].id, datetime(2026, 9, 21, 14), 3, texts)
    give_by_client(qtbot, workspace, screen, ("E", "C"))  # Elias in Swedish, then Vilja in Finnish
    close(qtbot, workspace, screen)

    # The parents' meeting.
    page = workspace.group_page
    if not any(m.kind == "parent_meeting" for m in page.group.meetings):
        page.add_parent_meeting()
        page = workspace.group_page
    parents = min((m for m in page.group.meetings if m.kind == "parent_meeting"), key=lambda m: m.number)
    row = next(r for r, (_cells, meeting_id) in enumerate(page.meetings_model.rows) if meeting_id == parents.id)
    page.meetings.selectRow(row)
    monkeypatch.setattr(group_session, "now", lambda: datetime(2026, 9, 23, 18))
    qtbot.mouseClick(page.open_meeting_button, Qt.MouseButton.LeftButton)
    screen = run_meeting(qtbot, workspace, monkeypatch, parents.id, datetime(2026, 9, 23, 18), "parents", texts)
    close(qtbot, workspace, screen)

    check_records(shell.vault, shell.context.library, ids, language, tmp_path)


def _newest(protocol_id: str) -> str:
    from askel.core.content.library import ContentLibrary
    from askel.core.paths import resources_dir

    return ContentLibrary.load(resources_dir()).protocol(protocol_id).version


def give_by_clinician(qtbot, screen, keys) -> None:
    def choose(dialog: GroupQuestionnaireDialog):
        dialog.list.setCurrentRow(next(i for i, x in enumerate(dialog.instruments) if x.id == "gad7"))
        dialog.by_clinician.setChecked(True)
        for row, record in enumerate(dialog.rows):
            dialog.member_checks[row].setChecked(record.course.client.given_names in
                                                 [BY_KEY[k].given for k in keys])
        dialog._accept()

    def enter(dialog: EntryDialog):
        dialog.form.set_answers({f"q{n}": 2 for n in range(1, 8)})
        dialog.accept()

    languages = []

    def result(dialog: ResultDialog):
        dialog.accept()

    when_dialog(GroupQuestionnaireDialog, choose)
    for _ in keys:
        when_dialog(EntryDialog, lambda d: (languages.append(d.form.language), enter(d)))
        when_dialog(ResultDialog, result)
    screen.give_questionnaires()
    qtbot.waitUntil(lambda: screen.questionnaires is None, timeout=10000)
    assert languages == [BY_KEY[k].language for k in keys]  # each member's own language
    given = dict(zip(screen.members.names, screen.members.given, strict=True))
    assert all(given[BY_KEY[k].name] == "GAD-7" for k in keys)


def give_by_client(qtbot, workspace, screen, keys) -> None:
    """Each member fills the questionnaire in on this computer in turn, in the member's own language; the clinician
    unlocks between them (the result and any alert are the clinician's)."""
    def choose(dialog: GroupQuestionnaireDialog):
        dialog.list.setCurrentRow(next(i for i, x in enumerate(dialog.instruments) if x.id == "gad7"))
        dialog.by_client.setChecked(True)
        for row, record in enumerate(dialog.rows):
            dialog.member_checks[row].setChecked(record.course.client.given_names in
                                                 [BY_KEY[k].given for k in keys])
        dialog._accept()

    when_dialog(GroupQuestionnaireDialog, choose)
    screen.give_questionnaires()
    for key in sorted(keys, key=lambda k: rows_by_name(screen)[BY_KEY[k].name]):  # in the list's order
        qtbot.waitUntil(lambda: screen.questionnaires.flow is not None
                        and screen.questionnaires.flow.self_completion is not None, timeout=5000)
        window = screen.questionnaires.flow.self_completion
        assert isinstance(window, SelfCompletionWindow) and window.language == BY_KEY[key].language
        qtbot.waitExposed(window)
        qtbot.wait(100)
        answer_all(qtbot, window, [1, 1, 1, 1, 1, 1, 1])
        when_dialog(ResultDialog, lambda d: d.accept())
        unlock(qtbot, window, PASSPHRASE)
        qtbot.waitUntil(lambda w=window: screen.questionnaires is None or (
            screen.questionnaires.flow is not None and screen.questionnaires.flow.self_completion is not w),
            timeout=10000)
    qtbot.waitUntil(lambda: screen.questionnaires is None, timeout=10000)


# -- the records ---------------------------------------------------------------------------------------------------
def exports(vault, library, course_id: str, language: str, tmp_path) -> dict[str, str]:
    policy = ExportPolicy()
    result = {}
    for kind in ("text", "pdf", "fhir"):
        rendered = render(vault, library, policy, ExportRequest(course_id, kind, language))
        if kind == "pdf":
            path = tmp_path / f"{course_id}.pdf"
            path.write_bytes(rendered.data)
            result[kind] = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                                   capture_output=True, check=True).stdout.decode().split()) \
                if POPPLER else ""
        else:
            result[kind] = rendered.data.decode("utf-8")
    return result


def check_records(vault, library, ids, language: str, tmp_path) -> None:
    from tests.gui.group_records import EXPECTED

    group_courses = {}
    for person in PEOPLE:
        [course] = [c for c in load_course_list(vault, ids[person.key]) if c.group_id is not None]
        group_courses[person.key] = course
    secrets = {}
    for person in PEOPLE:
        course = load_course(vault, group_courses[person.key].id)
        notes = [s.notes for s in course.sessions if s.notes]
        secrets[person.key] = [person.given, person.family, person.hobby, *notes] + (
            [person.hetu] if person.hetu else [course.client.local_id])
    for person in PEOPLE:
        course = load_course(vault, group_courses[person.key].id)
        out = exports(vault, library, course.id, language, tmp_path)
        expected = EXPECTED[language][person.key]
        lines, wanted = out["text"].splitlines(), expected.splitlines()
        assert len(lines) == len(wanted) and all(w in ("…", line) for line, w in zip(lines, wanted, strict=True)), \
            f"{person.key}:\n{out['text']}"
        # The PDF says the same lines: every line of the entry's sections, as the PDF sets it (a bullet for "- ",
        # ligatures undone, a page number where a page breaks).
        if POPPLER:
            pdf = unicodedata.normalize("NFKC", out["pdf"])
            for line in expected.splitlines()[2:]:
                if not line or line == "…":
                    continue
                words = (line.replace("- ", "• ", 1) if line.startswith("- ") else line).split()
                pattern = r"\s+(?:\d+\s+)?".join(re.escape(word) for word in words)
                assert re.search(pattern, pdf), (person.key, line)
        bundle = json.loads(out["fhir"])
        check_fhir(bundle, course, language)
        # No other member's name, identity code, hobby or note in any of this member's exports.
        for other, words in secrets.items():
            if other == person.key:
                continue
            for kind, text in out.items():
                for word in words:
                    assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE), (
                        f"{other}'s {word!r} in {person.key}'s {kind}")


def load_course_list(vault, client_id):
    from askel.store.courses import courses_for_client

    return courses_for_client(vault, client_id)


def check_fhir(bundle: dict, course, language: str) -> None:
    resources = [entry["resource"] for entry in bundle["entry"]]
    encounters = [r for r in resources if r["resourceType"] == "Encounter"]
    procedures = [r for r in resources if r["resourceType"] == "Procedure"]
    assert len(encounters) == len(course.sessions)
    attended_method = [s for s in course.sessions if s.kind == "method" and s.attendance == "attended"]
    assert len(procedures) == len(attended_method)
    for procedure in procedures:
        if language == "sv":  # group KLT
            assert procedure["code"]["coding"][0]["code"] == "IDR17"
        else:  # Cool Kids: no verified code, the method's name only
            assert "coding" not in procedure["code"] and procedure["code"]["text"]
    patients = [r for r in resources if r["resourceType"] == "Patient"]
    assert len(patients) == 1


def test_typing_in_the_attendance_column_writes_the_note_and_never_marks_anyone(qtbot):
    """A sentence typed with the keyboard in the wrong column (its letters are not attendance keys) starts the
    member's own note; only a digit marks attendance."""
    from askel.ui.group_session import AttendanceList

    members = AttendanceList()
    qtbot.addWidget(members)
    members.set_members([("Ilmari Koskela", None, "", "", ""), ("Saga Lindqvist", None, "", "", "")])
    members.show()
    qtbot.waitExposed(members)
    members.setFocus()
    members.setCurrentCell(0, 1)
    type_text(qtbot, members, "L")  # the first letter opens the note, with the letter in it
    editor = members.findChild(QLineEdit)
    assert members.currentColumn() == NOTE and editor is not None and editor.text() == "L"
    type_text(qtbot, editor, "epäsi 2 päivää")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: members.state() != members.State.EditingState)
    assert members.attendance == [None, None] and members.note(0) == "Lepäsi 2 päivää"
    members.setCurrentCell(0, 1)
    qtbot.keyClick(members, "3")
    qtbot.keyClick(members, "1")
    assert members.attendance == ["no_show", "attended"]


def test_a_group_session_left_by_a_lock_comes_back_with_what_was_typed(qtbot, make_shell, group_shell, monkeypatch):
    """Nothing typed is lost: the lock saves the meeting, and after unlocking the same meeting is on screen again
    with the members' attendance and notes and the group note as they were."""
    from askel.core.content.library import ContentLibrary
    from askel.core.paths import resources_dir
    from askel.store.groups import add_member, create_group

    vault, ids = group_shell
    group = create_group(vault, ContentLibrary.load(resources_dir()).protocol("cool_kids"), name="CK",
                         group_format="family_group", leaders=["Testi Hoitaja"], first_date=DAY1)
    for key in "AB":
        add_member(vault, group.id, ids[key], joined=date(2026, 9, 1))
    shell = start(make_shell, vault, "sv")
    workspace = shell.workspace
    monkeypatch.setattr(group_session, "now", lambda: datetime(2026, 9, 7, 14))
    workspace.open_group(group.id)
    qtbot.mouseClick(workspace.group_page.session_button, Qt.MouseButton.LeftButton)
    screen = workspace.group_session
    rows = rows_by_name(screen)
    screen.members.mark(rows[BY_KEY["A"].name], "attended")
    screen.members.item(rows[BY_KEY["A"].name], NOTE).setText("Berättade om veckan.")
    screen.notes.setPlainText("Gruppen övade andning.")
    shell.lock(by_timer=True)  # before the autosave had its turn
    assert shell.workspace is None
    screen_widget = shell.unlock_screen
    qtbot.keyClicks(screen_widget.passphrase, PASSPHRASE)
    qtbot.keyClick(screen_widget.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=10000)
    again = shell.workspace.group_session
    assert again is not None and again.meeting.id == screen.meeting.id
    rows = rows_by_name(again)
    assert again.members.attendance[rows[BY_KEY["A"].name]] == "attended"
    assert again.members.attendance[rows[BY_KEY["B"].name]] is None  # not marked stays not marked
    assert again.members.note(rows[BY_KEY["A"].name]) == "Berättade om veckan."
    assert again.notes.toPlainText() == "Gruppen övade andning."
