"""Render the main screens offscreen, in Finnish and Swedish, on a throwaway vault of fictitious clients."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from askel.core.content.scoring import score
from askel.store.clients import ClientData, GuardianData, add_client
from askel.store.clinician import set_method
from askel.store.courses import add_session, close_session, load_course, score_and_record, start_course
from askel.store.demo import generate
from askel.store.vault import Vault
from askel.ui import theme
from askel.ui.case_summary_dialog import CaseSummaryDialog
from askel.ui.client_form import ClientDialog
from askel.ui.course_dialog import CourseDialog
from askel.ui.export_dialog import ExportDialog
from askel.ui.finish_course import FinishCourseDialog
from askel.ui.first_run import FirstRunAssistant
from askel.ui.i18n import LanguageManager
from askel.ui.risk_alert import RiskAlertDialog
from askel.ui.self_completion import SelfCompletionWindow
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
    """An IPC course three weeks in: two sessions done with PHQ-9 scores, the third in progress."""
    protocol = library.protocol("ipc_adolescents")
    phq9 = library.instrument("phq9")
    start = datetime.combine(TODAY - timedelta(days=15), time(9, 0))
    course = start_course(vault, client_id, protocol.id, protocol.version, status="planned",
                          need_established=TODAY - timedelta(days=20), planned_sessions=6,
                          focus_area="role_dispute", goal="")
    for number, answers in ((1, (2, 2, 1, 2, 1, 2, 1, 1, 0)), (2, (2, 1, 1, 1, 1, 1, 1, 1, 0))):
        session = add_session(vault, course.id, start + timedelta(days=7 * (number - 1)), attendance="attended",
                              mode="in_person")
        score_and_record(vault, course.id, phq9, {item.id: a for item, a in zip(phq9.items, answers, strict=True)},
                         session_id=session.id)
        close_session(vault, session.id, notes="", homework_given="Kirjaa viikon aikana kaksi tilannetta, "
                      "joissa riita alkoi, ja mitä tunsit silloin.", agenda={"0": {"done": True, "note": ""}})
    current = add_session(vault, course.id, datetime.now().replace(microsecond=0) - timedelta(minutes=12),
                          attendance="attended", mode="in_person")
    return course.id, current.id


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


def _save(widget: QWidget, path: Path, size=(1280, 800)) -> None:
    # Never below what the layout needs (a dialog with a fixed minimum width would accept less and clip).
    hint = widget.minimumSizeHint()
    widget.resize(max(size[0], hint.width()), max(size[1], hint.height()))
    widget.show()
    _settle(QApplication.instance())
    widget.grab().save(str(path))


def render_all(out_dir: Path, context, languages: tuple[str, ...] = ("fi", "sv")) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    theme.apply(app)
    manager = LanguageManager(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        vault = Vault.create(Path(scratch) / "data", "screenshot passphrase 1", clinician_name="Riikka Hoitaja",
                             role="public_health_nurse", kdf_iterations=1)
        # Statistics need a unit's worth of courses: a training vault with generated demo clients.
        unit = Vault.create(Path(scratch) / "unit", "screenshot passphrase 1", clinician_name="Riikka Hoitaja",
                            role="public_health_nurse", kdf_iterations=1, training=True)
        try:
            clients = [add_client(vault, data) for data in DEMO_CLIENTS]
            course_id, session_id = _demo_course(vault, context.library, clients[0].id)
            set_method(vault, "ipc_adolescents", "in_training", date(TODAY.year - 1, 9, 1))
            for client, waited in ((clients[3], 23), (clients[0], 4)):
                start_course(vault, client.id, "klt_children" if client is clients[3] else "ali", "1",
                             need_established=TODAY - timedelta(days=waited))
            generate(unit, context.library, 600, 5, today=TODAY)
            for language in languages:
                manager.set_language(language)

                def shot(name: str, widget: QWidget, size=(1280, 800), language=language) -> None:
                    path = out_dir / f"{name}-{language}.png"
                    _save(widget, path, size)
                    if isinstance(widget, SelfCompletionWindow):
                        widget.dismiss()  # it refuses an ordinary close, by design
                    widget.close()
                    widget.deleteLater()
                    written.append(path)

                shot("first-run", FirstRunAssistant(Path(scratch) / "unused", True))
                unlock = UnlockScreen(Path(scratch) / "data")
                unlock.reset(locked_by_timer=True)
                shot("locked", unlock)
                workspace = Workspace(vault, context)
                shot("clients", workspace)
                workspace = Workspace(vault, context)
                workspace.open_client(clients[0].id)
                shot("client", workspace)
                workspace = Workspace(vault, context)
                workspace.open_course(course_id)
                shot("course", workspace)
                workspace = Workspace(vault, context)
                workspace.open_session(course_id, session_id)
                shot("session", workspace)
                workspace = Workspace(vault, context)
                workspace.show_guarantee_list()
                shot("guarantee", workspace)
                phq9 = context.library.instrument("phq9")
                window = SelfCompletionWindow(phq9, "sv" if language == "fi" else "fi", lambda _p: False,
                                              staff_language=language)
                shot("self-completion", window, (1366, 768))
                alert = score(phq9, {item.id: 2 for item in phq9.items}).alerts
                dialog = RiskAlertDialog(alert, phq9.short_name.get(language),
                                         str(context.settings.get(f"safety_instructions_{language}")),
                                         instrument=phq9)
                shot("risk-alert", dialog, (760, 720))
                dialog = ExportDialog(vault, context, load_course(vault, course_id))
                shot("export", dialog, (1100, 800))
                dialog = CaseSummaryDialog(vault, context, load_course(vault, course_id))
                dialog.hard.setPlainText(WHAT_WAS_HARD[language])
                shot("case-summary", dialog, (1100, 700))
                workspace = Workspace(vault, context)
                workspace.show_my_methods()
                shot("my-methods", workspace)
                dialog = FinishCourseDialog(vault, context.library, load_course(vault, course_id), "nhs")
                shot("finish-course", dialog, (760, 800))
                dialog = CourseDialog(vault, context.library, clients[0], language, today=TODAY)
                shot("start-course", dialog, (1000, 760))
                dialog = ClientDialog(vault, clients[0])
                shot("client-form", dialog, (760, 760))
                dialog = SettingsDialog(context.settings, vault)
                shot("settings", dialog, (640, 760))
                workspace = Workspace(unit, context)
                workspace.show_statistics()
                _wait_for(workspace.statistics_page.computed)
                shot("statistics", workspace, (1280, 1000))
        finally:
            vault.close()
            unit.close()
    return written
