"""Every main screen and dialog, in Finnish and Swedish, at 100 % and 200 % text, on a throwaway vault of fictitious
clients: rendered offscreen (`render_all`), or shown as real windows on a display and shot as the whole screen
(`render_real_windows`, e.g. under Xvfb with a window manager). The same scenes feed the geometry test."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEventLoop, QIODevice, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from askel.core.contacts import METHOD_SESSION
from askel.core.content.scoring import score
from askel.store.clients import ClientData, GuardianData, add_client
from askel.store.clinician import set_method
from askel.store.courses import (
    acknowledge_alert,
    add_session,
    close_session,
    load_course,
    log_contact,
    score_and_record,
    start_course,
)
from askel.store.demo import generate
from askel.store.groups import MemberPart, list_groups, load_group, load_meeting, save_meeting, start_meeting
from askel.store.keyfile import MIN_ITERATIONS
from askel.store.vault import Vault
from askel.ui import geometry, theme
from askel.ui.case_summary_dialog import CaseSummaryDialog
from askel.ui.client_form import ClientDialog
from askel.ui.course_dialog import CourseDialog
from askel.ui.export_dialog import ExportDialog
from askel.ui.finish_course import FinishCourseDialog
from askel.ui.first_run import FirstRunAssistant
from askel.ui.handout_dialog import HandoutDialog
from askel.ui.i18n import LanguageManager
from askel.ui.questionnaire_flow import ChooseQuestionnaireDialog, EntryDialog, ResultDialog
from askel.ui.quick_log import QuickLogDialog
from askel.ui.restore_dialog import RestoreDialog
from askel.ui.risk_alert import RiskAlertDialog
from askel.ui.risk_marker import GuardianDialog
from askel.ui.self_completion import SelfCompletionWindow
from askel.ui.session_summary import SessionSummaryDialog
from askel.ui.settings_dialog import SettingsDialog
from askel.ui.unlock import UnlockScreen
from askel.ui.workspace import Workspace

# Fictitious people; the identity codes use temporary individual numbers (900-999), which no real person has.
DEMO_CLIENTS = (
    ClientData("Aino", "Laaksonen", date(2009, 4, 14), "140409A9120", school_or_unit="Kivikon koulu",
               guardians=[GuardianData("Marja Laaksonen", "äiti", "040 123 4567")]),
    ClientData("Elias", "Berg", date(1987, 11, 2), "021187-934R", language="sv"),
    ClientData("Helmi", "Nieminen", date(1964, 6, 30), None),
    ClientData("Oskari", "Virtanen", date(2012, 1, 9), "090112A956J", school_or_unit="Myllypuron ala-aste"),
)


TODAY = date.today()

# What a clinician in training might bring to her mentor (the case summary's own free text).
WHAT_WAS_HARD = {
    "fi": "Asiakas palasi joka tapaamisella riitaan isän kanssa, enkä saanut pidettyä keskustelua sovitussa "
          "painopistealueessa. Miten rajata aihetta ilman, että asiakas kokee tulevansa keskeytetyksi?",
    "sv": "Klienten återvände vid varje träff till konflikten med pappan, och jag lyckades inte hålla samtalet "
          "inom det avtalade fokusområdet. Hur kan jag avgränsa ämnet utan att klienten känner sig avbruten?",
}


def _demo_course(vault, library, client_id: str) -> tuple[str, str]:
    """An IPC course three weeks in: two sessions done with PHQ-9 scores (the second with a risk answer, acknowledged),
    a phone call between them, the third session in progress with the next appointment already agreed."""
    protocol = library.protocol("ipc_adolescents")
    phq9 = library.instrument("phq9")
    start = datetime.combine(TODAY - timedelta(days=15), time(9, 0))
    course = start_course(vault, client_id, protocol.id, protocol.version, status="planned",
                          need_established=TODAY - timedelta(days=20), planned_sessions=6,
                          focus_area="role_dispute", goal="")
    current_start = datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=12)
    for number, answers in ((1, (2, 2, 1, 2, 1, 2, 1, 1, 0)), (2, (2, 1, 1, 1, 1, 1, 1, 1, 1))):
        when = start + timedelta(days=7 * (number - 1))
        session = add_session(vault, course.id, when, attendance="attended", mode="in_person")
        record, result = score_and_record(vault, course.id, phq9,
                                          {item.id: a for item, a in zip(phq9.items, answers, strict=True)},
                                          session_id=session.id)
        if result.alerts:
            acknowledge_alert(vault, record.id, "Kysytty tarkemmin: ei suunnitelmia eikä välitöntä vaaraa. "
                                                "Kriisinumerot annettu, sovittu yhteydenotto huomenna.")
        close_session(vault, session.id, notes="", homework_given="Kirjaa viikon aikana kaksi tilannetta, "
                      "joissa riita alkoi, ja mitä tunsit silloin.", agenda={"0": {"done": True, "note": ""}},
                      next_appointment=start + timedelta(days=7 * number) if number == 1 else current_start)
    log_contact(vault, kind="phone", starts_at=start + timedelta(days=3, hours=5), duration_minutes=10,
                notes="", attendees=["client"], mode="phone", course_id=course.id)
    current = add_session(vault, course.id, current_start, attendance="attended", mode="in_person",
                          next_appointment=datetime.combine(TODAY + timedelta(days=7), time(14, 0)))
    return course.id, current.id


def _group_meeting_under_way(vault) -> None:
    """The demo's school Cool Kids group (askel.store.demo_groups) a quarter of an hour into its next meeting: most
    of the children marked, one of them with a note of her own, the first agenda item done."""
    group = load_group(vault, next(g.id for g in list_groups(vault) if g.method_id == "cool_kids"))
    meeting = min((m for m in group.meetings if m.kind == METHOD_SESSION and m.starts_at is None),
                  key=lambda m: m.number)
    start_meeting(vault, meeting.id, datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=16))
    rows = load_meeting(vault, meeting.id).member_sessions
    marks = ["attended", "attended", "cancelled", "attended"]
    notes = {0: "Kertoi portaiden toisen askeleen onnistuneen välitunnilla."}
    save_meeting(vault, meeting.id, agenda={"0": {"done": True, "note": ""}}, notes="",
                 homework="", members={row.id: MemberPart(marks[i] if i < len(marks) else None, notes.get(i, ""))
                                       for i, row in enumerate(rows)})


def _settle(app: QApplication, milliseconds: int = 30) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    app.processEvents()


def _wait_for(signal, limit_ms: int = 60_000) -> None:
    """Run the event loop until `signal` fires (a page computing in the background), or give up after a minute."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(limit_ms, loop.quit)
    loop.exec()


def _render(widget: QWidget, size=(1280, 800)) -> bytes:
    # Never below what the layout needs (a dialog with a fixed minimum width would accept less and clip).
    hint = widget.minimumSizeHint()
    widget.resize(max(size[0], hint.width()), max(size[1], hint.height()))
    widget.show()
    _settle(QApplication.instance())
    return _png(widget.grab())


def _png(pixmap: QPixmap) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(data)


@dataclass(frozen=True)
class Scene:
    """One screen or dialog to look at: `build()` makes the widget, already showing what a person would see."""

    name: str
    build: Callable[[], QWidget]
    size: tuple[int, int] = (1280, 800)  # the offscreen render's size (a real window takes what the screen gives)
    dialog: bool = True


@dataclass
class Stage:
    """The throwaway vaults and records every scene draws from."""

    scratch: Path
    context: object
    vault: Vault
    clients: list
    course_id: str
    session_id: str
    unit: Vault | None = None

    def close(self) -> None:
        self.vault.close()
        if self.unit is not None:
            self.unit.close()


def prepare(scratch: Path, context, with_unit: bool = True) -> Stage:
    """Fictitious clients, an IPC course three weeks in, and (for statistics) a training unit of 600 courses."""
    vault = Vault.create(scratch / "data", "screenshot passphrase 1", clinician_name="Riikka Hoitaja",
                         role="public_health_nurse", kdf_iterations=MIN_ITERATIONS)
    clients = [add_client(vault, data) for data in DEMO_CLIENTS]
    course_id, session_id = _demo_course(vault, context.library, clients[0].id)
    set_method(vault, "ipc_adolescents", "in_training", date(TODAY.year - 1, 9, 1))
    for client, waited in ((clients[3], 23), (clients[0], 4)):
        start_course(vault, client.id, "klt_children" if client is clients[3] else "ali", "1",
                     need_established=TODAY - timedelta(days=waited))
    unit = None
    if with_unit:
        # Statistics need a unit's worth of courses: a training vault with generated demo clients.
        unit = Vault.create(scratch / "unit", "screenshot passphrase 1", clinician_name="Riikka Hoitaja",
                            role="public_health_nurse", kdf_iterations=MIN_ITERATIONS, training=True)
        generate(unit, context.library, 600, 5, today=TODAY)
        _group_meeting_under_way(unit)
    return Stage(scratch, context, vault, clients, course_id, session_id, unit)


def scenes(stage: Stage, language: str, parent: QWidget | None = None) -> list[Scene]:
    """Every main screen and every dialog of Askel, in the current UI language; dialogs open over `parent`."""
    vault, context, clients = stage.vault, stage.context, stage.clients
    library = context.library
    course = lambda: load_course(vault, stage.course_id)  # noqa: E731 - read fresh for each scene
    phq9 = library.instrument("phq9")

    def workspace(show=None, of=None) -> Callable[[], QWidget]:
        def build() -> QWidget:
            widget = Workspace(of or vault, context)
            if show is not None:
                show(widget)
            return widget
        return build

    def statistics(widget) -> None:
        widget.show_statistics()
        _wait_for(widget.statistics_page.computed)

    def self_completion() -> QWidget:
        return SelfCompletionWindow(phq9, "sv" if language == "fi" else "fi", lambda _p: False,
                                    staff_language=language)

    def unlock() -> QWidget:
        screen = UnlockScreen(stage.scratch / "data")
        screen.reset(locked_by_timer=True)
        return screen

    def risk_alert() -> QWidget:
        alerts = score(phq9, {item.id: 2 for item in phq9.items}).alerts
        return RiskAlertDialog(alerts, phq9.short_name.get(language),
                               str(context.settings.get(f"safety_instructions_{language}")), parent, instrument=phq9)

    def case_summary() -> QWidget:
        dialog = CaseSummaryDialog(vault, context, course(), parent)
        dialog.hard.setPlainText(WHAT_WAS_HARD[language])
        return dialog

    def start_course_ipc() -> QWidget:
        dialog = CourseDialog(vault, library, clients[0], language, parent, today=TODAY)
        dialog.methods.setCurrentRow(next(i for i, p in enumerate(dialog.protocols) if p.id == "ipc_adolescents"))
        return dialog

    def session_summary() -> QWidget:
        loaded = course()
        session = next(s for s in loaded.sessions if s.number == 2)
        return SessionSummaryDialog(library, loaded, session, (3, 4), parent)

    def result() -> QWidget:
        loaded = course()
        record = next(a for a in loaded.administrations if a.instrument_id == "phq9")
        answers = {item.id: 1 for item in phq9.items}
        return ResultDialog(library, loaded, phq9, record, score(phq9, answers), parent)

    def guardian() -> QWidget:
        return GuardianDialog(vault, next(a for a in course().administrations if a.alerts), parent)

    def file_dialog() -> QWidget:
        dialog = QFileDialog(parent, QCoreApplication.translate("ExportDialog", "Save the export"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        return dialog

    screens = [
        Scene("first-run", lambda: FirstRunAssistant(stage.scratch / "unused", True), dialog=False),
        Scene("locked", unlock, dialog=False),
        Scene("clients", workspace(), dialog=False),
        Scene("client", workspace(lambda w: w.open_client(clients[0].id)), dialog=False),
        Scene("course", workspace(lambda w: w.open_course(stage.course_id)), dialog=False),
        Scene("session", workspace(lambda w: w.open_session(stage.course_id, stage.session_id)), dialog=False),
        Scene("guarantee", workspace(lambda w: w.show_guarantee_list()), dialog=False),
        Scene("my-methods", workspace(lambda w: w.show_my_methods()), dialog=False),
        Scene("self-completion", self_completion, (1366, 768), dialog=False),
    ]
    if stage.unit is not None:
        screens.append(Scene("statistics", workspace(statistics, stage.unit), (1280, 1000), dialog=False))
        # The demo's school Cool Kids group, its next meeting under way (continued from the group's page).
        group_id = next(g.id for g in list_groups(stage.unit) if g.method_id == "cool_kids")

        def group_session(widget) -> None:
            widget.open_group(group_id)
            widget.group_page.session_button.click()

        screens += [
            Scene("groups", workspace(lambda w: w.show_groups(), stage.unit), dialog=False),
            Scene("group", workspace(lambda w: w.open_group(group_id), stage.unit), dialog=False),
            Scene("group-session", workspace(group_session, stage.unit), dialog=False),
        ]
    dialogs = [
        Scene("risk-alert", risk_alert, (760, 720)),
        Scene("export", lambda: ExportDialog(vault, context, course(), parent=parent), (1100, 800)),
        Scene("case-summary", case_summary, (1100, 700)),
        Scene("finish-course", lambda: FinishCourseDialog(vault, library, course(), "nhs", parent), (760, 800)),
        Scene("start-course", lambda: CourseDialog(vault, library, clients[0], language, parent, today=TODAY),
              (1000, 760)),
        Scene("start-course-ipc", start_course_ipc, (1000, 760)),
        Scene("client-form", lambda: ClientDialog(vault, clients[0], parent), (760, 760)),
        Scene("new-client", lambda: ClientDialog(vault, None, parent), (760, 760)),
        Scene("settings", lambda: SettingsDialog(context.settings, vault, parent), (640, 760)),
        Scene("quick-log", lambda: QuickLogDialog(vault, library, clients[0], parent), (640, 700)),
        Scene("session-summary", session_summary, (640, 520)),
        Scene("choose-questionnaire", lambda: ChooseQuestionnaireDialog(library, ("phq9",), language, parent),
              (640, 700)),
        Scene("questionnaire-entry", lambda: EntryDialog(phq9, language, "client", parent), (900, 760)),
        Scene("questionnaire-result", result, (560, 320)),
        Scene("restore", lambda: RestoreDialog(stage.scratch / "data", parent), (760, 560)),
        Scene("file-dialog", file_dialog, (760, 560)),
        Scene("handout", lambda: HandoutDialog(vault, context, course(), parent=parent), (760, 700)),
        Scene("guardian", guardian, (640, 480)),
    ]
    return screens + dialogs


def render_all(context, languages: tuple[str, ...] = ("fi", "sv"),
               text_sizes: tuple[int, ...] = (100,)) -> Iterator[tuple[str, bytes]]:
    """Every scene rendered offscreen, as (file name, PNG): `name-fi.png`, `name-fi-200.png` at 200 % text."""
    app = QApplication.instance() or QApplication([])
    manager = LanguageManager(app)
    with tempfile.TemporaryDirectory() as scratch:
        stage = prepare(Path(scratch), context)
        try:
            for size in text_sizes:
                theme.apply(app, size)
                for language in languages:
                    manager.set_language(language)
                    for scene in scenes(stage, language):
                        suffix = "" if size == 100 else f"-{size}"
                        widget = scene.build()
                        image = _render(widget, scene.size)
                        _close(widget)
                        yield f"{scene.name}-{language}{suffix}.png", image
        finally:
            theme.apply(app)
            stage.close()


def render_real_windows(context, languages: tuple[str, ...] = ("fi", "sv"),
                        text_sizes: tuple[int, ...] = (100, 200)) -> Iterator[tuple[str, bytes]]:
    """Every scene shown as a real window on the current display (Xvfb with a window manager, or a desktop), as
    (file name, PNG of the whole screen): what a person gets, frames, placement and all. Dialogs open over the main
    window, as they do in use. Names: `name-fi-100.png`, `name-fi-200.png`."""
    app = QApplication.instance() or QApplication([])
    manager = LanguageManager(app)
    fitter = geometry.install(app)  # noqa: F841 (as the program runs)
    with tempfile.TemporaryDirectory() as scratch:
        stage = prepare(Path(scratch), context)
        try:
            for size in text_sizes:
                theme.apply(app, size)
                for language in languages:
                    manager.set_language(language)
                    backdrop = Workspace(stage.vault, context)
                    backdrop.setWindowTitle("Askel")
                    backdrop.open_client(stage.clients[0].id)
                    _show_main(backdrop)
                    for scene in scenes(stage, language, parent=backdrop):
                        widget = scene.build()
                        if isinstance(widget, SelfCompletionWindow):
                            widget.start()
                        elif scene.dialog:
                            widget.show()
                        else:
                            widget.setWindowTitle("Askel")
                            _show_main(widget)
                        _settle(app, 400)
                        image = _png(widget.screen().grabWindow(0))
                        _close(widget)
                        yield f"{scene.name}-{language}-{size}.png", image
                    _close(backdrop)
        finally:
            theme.apply(app)
            stage.close()


def _show_main(widget: QWidget) -> None:
    """As the main window opens: the preferred size, never larger than the screen."""
    rect, _maximized = geometry.initial_geometry(None, geometry.available_area(widget))
    widget.setGeometry(rect)
    widget.show()


def _close(widget: QWidget) -> None:
    if isinstance(widget, SelfCompletionWindow):
        widget.dismiss()  # it refuses an ordinary close, by design
    widget.close()
    widget.deleteLater()
