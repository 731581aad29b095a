"""Every screen of Askel, built on a vault of fictitious clients, for the accessibility and keyboard tests.

`build(name, env)` returns the screen's window (a workspace showing a page, a dialog, the self-completion window),
not yet shown. `env` holds the vault, the context and the demo course (`make_env`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from askel.core.content.scoring import score
from askel.store.clients import add_client
from askel.store.courses import load_course, open_sessions, score_and_record, start_course
from askel.ui.screenshots import DEMO_CLIENTS, _demo_course


@dataclass
class Env:
    vault: object
    context: object
    clients: list
    course_id: str
    session_id: str

    @property
    def library(self):
        return self.context.library

    def course(self):
        return load_course(self.vault, self.course_id)


def make_env(vault, context) -> Env:
    """The screenshots' fictitious clients: a course three weeks in (a session open), two clients on the guarantee
    list."""
    clients = [add_client(vault, data) for data in DEMO_CLIENTS]
    course_id, session_id = _demo_course(vault, context.library, clients[0].id)
    for client, method, waited in ((clients[3], "klt_children", 23), (clients[0], "ali", 4)):
        start_course(vault, client.id, method, "1", need_established=date.today() - timedelta(days=waited))
    return Env(vault, context, clients, course_id, session_id)


def _workspace(env: Env, show=None):
    from askel.ui.workspace import Workspace

    workspace = Workspace(env.vault, env.context)
    if show is not None:
        show(workspace)
    return workspace


def _phq9(env: Env):
    return env.library.instrument("phq9")


def _risk_result(env: Env):
    phq9 = _phq9(env)
    return score(phq9, {item.id: 2 for item in phq9.items})


def _builders():
    from askel.ui.case_summary_dialog import CaseSummaryDialog
    from askel.ui.client_form import ClientDialog
    from askel.ui.course_dialog import CourseDialog
    from askel.ui.export_dialog import ExportDialog
    from askel.ui.finish_course import FinishCourseDialog
    from askel.ui.first_run import FirstRunAssistant
    from askel.ui.i18n import ui_language
    from askel.ui.questionnaire_flow import ChooseQuestionnaireDialog, EntryDialog, ResultDialog
    from askel.ui.quick_log import QuickLogDialog
    from askel.ui.risk_alert import RiskAlertDialog
    from askel.ui.self_completion import SelfCompletionWindow
    from askel.ui.session_summary import SessionSummaryDialog
    from askel.ui.settings_dialog import SettingsDialog
    from askel.ui.unlock import UnlockScreen

    def result(env: Env):
        phq9 = _phq9(env)
        answers = {item.id: 1 for item in phq9.items}
        record, outcome = score_and_record(env.vault, env.course_id, phq9, answers)
        return ResultDialog(env.library, env.course(), phq9, record, outcome)

    def session_summary(env: Env):
        course = env.course()
        session = next(s for s in course.sessions if s.id == env.session_id)
        return SessionSummaryDialog(env.library, course, session, (1, 3))

    def self_completion(view: str):
        def make(env: Env):
            window = SelfCompletionWindow(_phq9(env), "sv" if ui_language() == "fi" else "fi", lambda _p: False,
                                          staff_language=ui_language())
            if view == "thanks":
                window._finish()
            elif view == "staff":
                window.open_staff_panel()
            return window
        return make

    return {
        "first run": lambda env: FirstRunAssistant(env.vault.folder.root.parent / "unused", True),
        "unlock": lambda env: UnlockScreen(env.vault.folder.root),
        "clients": lambda env: _workspace(env, lambda w: w.client_list.show_unfinished_sessions(
            open_sessions(env.vault))),
        "client": lambda env: _workspace(env, lambda w: w.open_client(env.clients[0].id)),
        "course": lambda env: _workspace(env, lambda w: w.open_course(env.course_id)),
        "session": lambda env: _workspace(env, lambda w: w.open_session(env.course_id, env.session_id)),
        "guarantee": lambda env: _workspace(env, lambda w: w.show_guarantee_list()),
        "my methods": lambda env: _workspace(env, lambda w: w.show_my_methods()),
        "statistics": lambda env: _workspace(env, lambda w: w.show_statistics()),
        "client form": lambda env: ClientDialog(env.vault, env.clients[0]),
        "start course": lambda env: CourseDialog(env.vault, env.library, env.clients[1], ui_language()),
        "choose questionnaire": lambda env: ChooseQuestionnaireDialog(env.library, ("phq9",), "fi"),
        "questionnaire entry": lambda env: EntryDialog(_phq9(env), "sv", "client"),
        "result": result,
        "risk alert": lambda env: RiskAlertDialog(_risk_result(env).alerts, "PHQ-9", "Soita päivystykseen.",
                                                  instrument=_phq9(env)),
        "export": lambda env: ExportDialog(env.vault, env.context, env.course()),
        "case summary": lambda env: CaseSummaryDialog(env.vault, env.context, env.course()),
        "finish course": lambda env: FinishCourseDialog(env.vault, env.library, env.course(), "nhs"),
        "quick log": lambda env: QuickLogDialog(env.vault, env.library, env.clients[0]),
        "session summary": session_summary,
        "settings": lambda env: SettingsDialog(env.context.settings, env.vault),
        "self-completion": self_completion("questions"),
        "self-completion thanks": self_completion("thanks"),
        "self-completion staff": self_completion("staff"),
    }


SCREENS = (
    "first run", "unlock", "clients", "client", "course", "session", "guarantee", "my methods", "statistics",
    "client form", "start course", "choose questionnaire", "questionnaire entry", "result", "risk alert", "export",
    "case summary", "finish course", "quick log", "session summary", "settings", "self-completion",
    "self-completion thanks", "self-completion staff",
)


def build(name: str, env: Env):
    return _builders()[name](env)


def close(window) -> None:
    """Close a screen for good, including those that refuse an ordinary close (self-completion, risk alert)."""
    from askel.ui.risk_alert import RiskAlertDialog
    from askel.ui.self_completion import SelfCompletionWindow

    if isinstance(window, SelfCompletionWindow):
        window.dismiss()
    elif isinstance(window, RiskAlertDialog):
        window._acknowledged = True
        window.accept()  # (its reject() does nothing, so an ordinary close would leave a modal window open)
    window.close()
    window.deleteLater()
