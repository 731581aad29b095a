"""The unlocked workspace: a sidebar to move between areas, a header naming the open client, the content.

Pages: the client list → a client → a course → a running session; the groups → a group → a group session. One page
of each kind exists at a time and is rebuilt from the database when opened, so what is on screen is what is saved.

Only the client list is needed to paint the unlocked window. The other pages and the content library (protocols,
questionnaires) are imported and read where they are first used, and `preload` reads them just after the first
paint: together they were a fifth of the start-up time (see docs/performance.md).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from askel.core.content.guarantee import age_on
from askel.export.formatting import utc_to_local
from askel.export.log import exports_for_course
from askel.store.clients import open_client
from askel.store.courses import add_session, close_session, courses_for_client, load_course
from askel.store.handover import marks_for_client
from askel.ui.client_list import ClientListPage
from askel.ui.i18n import format_date, ui_language
from askel.ui.roles import role_name
from askel.ui.theme import GRID
from askel.ui.widgets import NavigationList, focus_first

if TYPE_CHECKING:
    from askel.ui.client_page import ClientPage
    from askel.ui.course_page import CoursePage
    from askel.ui.group_session import GroupSessionScreen
    from askel.ui.groups import GroupPage, GroupsPage
    from askel.ui.guarantee_page import GuaranteePage
    from askel.ui.my_methods import MyMethodsPage
    from askel.ui.questionnaire_flow import QuestionnaireFlow
    from askel.ui.session_runner import SessionRunner
    from askel.ui.statistics_page import StatisticsPage


AREAS = ("clients", "groups", "guarantee", "methods", "statistics")  # the sidebar's entries, in order


class Workspace(QWidget):
    lock_requested = Signal()
    settings_requested = Signal()

    def __init__(self, vault, context, parent: QWidget | None = None):
        """`vault` None: the window builds the workspace ahead, while the passphrase is typed, so that Enter only
        has to `attach` the opened vault (Enter → workspace painted, issue 17); it holds no client data until then."""
        super().__init__(parent)
        self.vault = vault
        self.context = context
        self.client_page: ClientPage | None = None
        self.course_page: CoursePage | None = None
        self.runner: SessionRunner | None = None
        self.guarantee_page: GuaranteePage | None = None
        self.methods_page: MyMethodsPage | None = None
        self.statistics_page: StatisticsPage | None = None
        self.questionnaire_flow: QuestionnaireFlow | None = None
        self.groups_page: GroupsPage | None = None
        self.group_page: GroupPage | None = None
        self.group_session: GroupSessionScreen | None = None
        self._from_sidebar = False  # a page opened from the sidebar leaves the keyboard there

        # Sidebar: the areas of the program (a list: one Tab stop, arrows move, Enter opens), the settings, quick
        # logging, the user, and the lock button.
        self.sidebar = sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.brand = QLabel("Askel")
        self.brand.setObjectName("brand")
        self.nav = NavigationList()
        for key in AREAS:
            self.nav.add(key)
        self.nav.set_current("clients")
        self.settings_button = QPushButton()
        self.quick_log_button = QPushButton()
        self.lock_button = QPushButton()
        for button in (self.settings_button, self.quick_log_button, self.lock_button):
            button.setObjectName("nav")
            # Reached by Tab, not focused by a click: the focus ring then means "keyboard is here".
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.user_label = QLabel()
        self.user_label.setObjectName("user")
        self.user_label.setWordWrap(True)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 2 * GRID, 0, 2 * GRID)
        side.setSpacing(0)
        side.addWidget(self.brand)
        side.addSpacing(2 * GRID)
        side.addWidget(self.nav)
        side.addWidget(self.settings_button)
        side.addSpacing(2 * GRID)
        side.addWidget(self.quick_log_button)
        side.addStretch()
        side.addWidget(self.user_label)
        side.addWidget(self.lock_button)

        # Header: the open client, always visible while a client is open.
        self.header = QWidget()
        self.header.setObjectName("header")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.header_label = QLabel()
        self.header_label.setObjectName("section")
        header_layout = QHBoxLayout(self.header)
        header_layout.setContentsMargins(4 * GRID, GRID + GRID // 2, 4 * GRID, GRID + GRID // 2)
        # A risk answer in an open course shows beside the client's name on every page of the client.
        self.header_risk = QLabel()
        self.header_risk.setObjectName("error")
        self.header_risk.setWordWrap(True)
        self.header_label.setWordWrap(True)  # a long name at 200 % wraps instead of widening the window
        header_layout.addWidget(self.header_label, 1)
        header_layout.addWidget(self.header_risk, 0, Qt.AlignmentFlag.AlignVCenter)
        self.header.hide()

        self.pages = QStackedWidget()
        self.client_list = ClientListPage(vault)
        self.pages.addWidget(self.client_list)

        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        content.addWidget(self.header)
        content.addWidget(self.pages, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addLayout(content, 1)

        self.nav.chosen.connect(self.show_area)
        self.quick_log_button.clicked.connect(self.quick_log)
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self.lock_button.clicked.connect(self.lock_requested.emit)
        self.client_list.open_requested.connect(self.open_client)
        self.client_list.add_requested.connect(self.add_client)
        self.client_list.session_requested.connect(self.open_session)
        self.client_list.receive_requested.connect(self.receive_handover)
        self.client_list.meeting_requested.connect(self.open_group_session)
        for keys, action in (("Ctrl+F", self.find_client), ("Ctrl+N", self.add_client),
                             ("Ctrl+E", self.edit_client), ("Ctrl+L", self.lock_requested.emit),
                             ("Ctrl+Return", self.start_or_continue_session), ("Ctrl+K", self.quick_log),
                             ("Ctrl+G", self._questionnaire_shortcut), ("Ctrl+Shift+E", self._export_shortcut)):
            QShortcut(QKeySequence(keys), self, activated=action, context=Qt.ShortcutContext.WindowShortcut)
        self.retranslate()

    def attach(self, vault) -> None:
        """Give a workspace built ahead (`vault` None) the vault just opened: the user and the client list."""
        self.vault = self.client_list.vault = vault
        self.retranslate()
        self.client_list.refresh()

    @property
    def library(self):
        """Protocols and questionnaires, read on first use (see the module docstring)."""
        return self.context.library

    def preload(self) -> None:
        """Read what opening a client or a course needs, once the unlocked window is on screen."""
        self.context.library  # noqa: B018 (the property reads the content)
        from askel.ui import course_page, export_dialog, session_runner  # noqa: F401

    def retranslate(self) -> None:
        self.nav.setAccessibleName(self.tr("Areas"))
        self.nav.set_text("clients", self.tr("Clients"))
        self.nav.set_text("groups", self.tr("Groups"))
        self.nav.set_text("guarantee", self.tr("Guarantee list"))
        self.nav.set_text("methods", self.tr("My methods"))
        self.nav.set_text("statistics", self.tr("Statistics"))
        self.quick_log_button.setText(self.tr("+ Log a contact"))
        self.quick_log_button.setToolTip(self.tr("Log a contact without opening a session (Ctrl+K)"))
        self.quick_log_button.setAccessibleName(self.tr("Log a contact"))
        self.settings_button.setText(self.tr("Settings"))
        self.lock_button.setText(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock"))
        actor = self.vault.actor if self.vault is not None else None
        self.user_label.setText(f"{actor.name}\n{role_name(actor.role)}" if actor is not None else "")
        self._fit_sidebar()
        self._update_header()

    def _fit_sidebar(self) -> None:
        """As wide as its longest entry in this language and text size, never narrower than 256 px."""
        self.sidebar.ensurePolished()
        entries = (self.brand, self.nav, self.settings_button, self.quick_log_button, self.lock_button)
        self.sidebar.setFixedWidth(max(32 * GRID, *(entry.sizeHint().width() for entry in entries)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_sidebar()
        super().changeEvent(event)

    # -- pages ---------------------------------------------------------------------------------------------------
    def show_area(self, key: str) -> None:
        """Open one of the sidebar's areas (AREAS); the keyboard stays in the sidebar, where the user chose it."""
        self._from_sidebar = True
        try:
            {"clients": self.show_client_list, "groups": self.show_groups, "guarantee": self.show_guarantee_list,
             "methods": self.show_my_methods, "statistics": self.show_statistics}[key]()
        finally:
            self._from_sidebar = False

    def _show(self, page: QWidget, area: str = "clients", focus: QWidget | None = None) -> None:
        """Show `page` of the sidebar's `area` (the Clients area: the list, a client, a course or a session). The
        keyboard goes to `focus` or the page's first control, unless the user is moving in the sidebar: otherwise
        it would fall back into the sidebar when the page it was on is replaced."""
        self._release_focus()
        self.pages.setCurrentWidget(page)
        self.nav.set_current(area)
        self._update_header()
        if self._from_sidebar:
            return
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            focus_first(page)

    def _release_focus(self) -> None:
        """Take the keyboard off a page about to be hidden or replaced: else Qt hands it to the sidebar on the
        way to the next page, and a screen reader says so."""
        focused = QApplication.focusWidget()
        if focused is not None and self.pages.isAncestorOf(focused):
            focused.clearFocus()

    def _replace(self, attribute: str, page: QWidget | None) -> None:
        old = getattr(self, attribute)
        if old is not None and old is self.pages.currentWidget():
            self._release_focus()
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        setattr(self, attribute, page)
        if page is not None:
            self.pages.addWidget(page)

    def show_client_list(self) -> None:
        self._leave_runner()
        self._replace("course_page", None)
        self._replace("client_page", None)
        self.client_list.refresh()
        self._show(self.client_list, focus=self.client_list.search)

    def show_guarantee_list(self) -> None:
        self._leave_runner()
        self._replace("course_page", None)
        self._replace("client_page", None)
        if self.guarantee_page is None:
            from askel.ui.guarantee_page import GuaranteePage

            self.guarantee_page = GuaranteePage(self.vault, self.library)
            self.guarantee_page.course_requested.connect(self.open_course)
            self.pages.addWidget(self.guarantee_page)
        self.guarantee_page.refresh()
        self._show(self.guarantee_page, "guarantee")

    def show_my_methods(self) -> None:
        from askel.ui.my_methods import MyMethodsPage

        self._leave_runner()
        self._replace("course_page", None)
        self._replace("client_page", None)
        self._replace("methods_page", MyMethodsPage(self.vault, self.library))
        self._show(self.methods_page, "methods")

    def show_statistics(self) -> None:
        from askel.ui.statistics_page import StatisticsPage

        self._leave_runner()
        self._replace("course_page", None)
        self._replace("client_page", None)
        # Built on each visit: the figures are computed in the background for the period shown.
        self._replace("statistics_page", StatisticsPage(self.vault, self.library,
                                                        preset=str(self.context.settings.get("outcome_preset")),
                                                        settings=self.context.settings))
        self._show(self.statistics_page, "statistics")

    # -- groups --------------------------------------------------------------------------------------------------
    def show_groups(self) -> None:
        from askel.ui.groups import GroupsPage

        self._leave_runner()
        self._replace("course_page", None)
        self._replace("client_page", None)
        self._replace("group_page", None)
        if self.groups_page is None:
            self.groups_page = GroupsPage(self.vault, self.library)
            self.groups_page.group_requested.connect(self.open_group)
            self.groups_page.new_requested.connect(self.new_group)
            self.pages.addWidget(self.groups_page)
        self.groups_page.refresh()
        self._show(self.groups_page, "groups")

    def new_group(self) -> None:
        from askel.ui.groups import GroupDialog

        dialog = GroupDialog(self.vault, self.library, parent=self)
        if dialog.exec() and dialog.saved_group is not None:
            self.open_group(dialog.saved_group.id)

    def open_group(self, group_id: str, message: str = "") -> None:
        from askel.store.groups import load_group
        from askel.ui.groups import GroupPage

        self._leave_runner()
        self._replace("course_page", None)
        self._replace("client_page", None)
        page = GroupPage(self.vault, self.library, load_group(self.vault, group_id))
        page.back_requested.connect(self.show_groups)
        page.meeting_requested.connect(self.open_group_session)
        page.course_requested.connect(self.open_course)
        page.changed.connect(lambda: self.open_group(group_id))
        page.show_message(message)
        self._replace("group_page", page)
        self._show(page, "groups", focus=page.session_button if page.session_button.isVisibleTo(page) else None)

    def open_group_session(self, meeting_id: str) -> None:
        """Start a meeting (each member of the group gets the meeting in their course) or continue it."""
        from askel.store.groups import GroupError, load_meeting, start_meeting
        from askel.ui import group_session
        from askel.ui.groups import group_error_text

        self._leave_runner()
        try:
            start_meeting(self.vault, meeting_id, group_session.now())
        except GroupError as error:
            meeting = load_meeting(self.vault, meeting_id)
            self.open_group(meeting.group_id, group_error_text(error))
            return
        meeting = load_meeting(self.vault, meeting_id)
        screen = group_session.GroupSessionScreen(self.vault, self.context, meeting)
        screen.back_requested.connect(lambda: self.open_group(meeting.group_id))
        screen.closed.connect(lambda _id: self._group_session_closed(meeting))
        self._replace("group_session", screen)
        self._show(screen, "groups", focus=screen.members)

    def _group_session_closed(self, meeting) -> None:
        from askel.ui.groups import meeting_name

        self._replace("group_session", None)
        count = len(meeting.member_sessions)
        self.open_group(meeting.group_id, self.tr("{meeting} closed: written into the records of {count} "
                                                  "members.").format(
            meeting=meeting_name(meeting.kind, meeting.number, meeting.group.planned_sessions), count=count))

    def find_client(self) -> None:
        self.show_client_list()
        self.client_list.focus_search()

    def open_client(self, client_id: str) -> None:
        from askel.ui.client_page import ClientPage

        self._leave_runner()
        self._replace("course_page", None)
        client = open_client(self.vault, client_id)
        page = ClientPage(client, self.library, handed_over=marks_for_client(self.vault, client_id), vault=self.vault,
                          courses=courses_for_client(self.vault, client_id))
        page.back_requested.connect(self.show_client_list)
        page.handover_requested.connect(self.give_handover)
        page.receipt_requested.connect(self.read_receipt)
        page.edit_requested.connect(self.edit_client)
        page.start_course_requested.connect(self.start_course)
        page.course_requested.connect(self.open_course)
        self._replace("client_page", page)
        self._show(page)

    def add_client(self) -> None:
        from askel.ui.client_form import ClientDialog

        dialog = ClientDialog(self.vault, parent=self)
        if dialog.exec() and dialog.saved_client is not None:
            self.open_client(dialog.saved_client.id)

    def edit_client(self) -> None:
        if (self.client_page is None or self.pages.currentWidget() is not self.client_page
                or self.client_page.read_only):
            return
        from askel.ui.client_form import ClientDialog

        dialog = ClientDialog(self.vault, self.client_page.client, parent=self)
        if dialog.exec() and dialog.saved_client is not None:
            self.open_client(dialog.saved_client.id)

    def location(self) -> tuple:
        """Where the user is, by ids only (no client data), to come back to after a lock."""
        if self.group_session is not None:
            return ("group_session", self.group_session.meeting.id)
        if self.group_page is not None and self.pages.currentWidget() is self.group_page:
            return ("group", self.group_page.group.id)
        if self.runner is not None:
            return ("session", self.runner.course.id, self.runner.session.id)
        if self.course_page is not None and self.pages.currentWidget() is self.course_page:
            return ("course", self.course_page.course.id)
        if self.client_page is not None:
            return ("client", self.client_page.client.id)
        return ()

    def restore(self, location: tuple) -> None:
        try:
            if location[:1] == ("session",):
                self.open_session(location[1], location[2])
            elif location[:1] == ("course",):
                self.open_course(location[1])
            elif location[:1] == ("client",):
                self.open_client(location[1])
            elif location[:1] == ("group",):
                self.open_group(location[1])
            elif location[:1] == ("group_session",):
                self.open_group_session(location[1])
        except (LookupError, StopIteration):
            self.show_client_list()

    def current_client(self):
        return self.client_page.client if self.client_page else None

    def current_client_id(self) -> str | None:
        client = self.current_client()
        return client.id if client else None

    # -- courses and sessions ------------------------------------------------------------------------------------
    def start_course(self) -> None:
        client = self.current_client()
        if client is None:
            return
        from askel.ui.course_dialog import CourseDialog

        dialog = CourseDialog(self.vault, self.library, client, ui_language(), parent=self)
        if dialog.exec() and dialog.created_course is not None:
            self.open_course(dialog.created_course.id)

    def open_course(self, course_id: str) -> None:
        from askel.ui.course_page import CoursePage
        from askel.ui.export_dialog import export_log_line

        self._leave_runner()
        course = load_course(self.vault, course_id)
        if self.client_page is None or self.client_page.client.id != course.client_id:
            self.open_client(course.client_id)
        page = CoursePage(course, self.library, outcome_preset=str(self.context.settings.get("outcome_preset")),
                          vault=self.vault)
        page.back_requested.connect(lambda: self.open_client(course.client_id))
        page.session_requested.connect(self.start_or_continue_session)
        page.finish_requested.connect(self.finish_course)
        page.guarantee_exception_requested.connect(self.guarantee_exception)
        page.questionnaire_requested.connect(lambda: self.give_questionnaire(course.id, None))
        page.export_requested.connect(lambda: self.export_course(course.id, None))
        page.case_summary_requested.connect(lambda: self.case_summary(course.id))
        page.group_requested.connect(self.open_group)
        page.handout_requested.connect(lambda: self.handout(course.id, None))
        page.show_exports([export_log_line(r) for r in exports_for_course(self.vault, course.id)])
        page.set_handover(self.client_page.handed_over.get(course.id))
        self._replace("course_page", page)
        self._show(page)

    def raise_pending_alerts(self) -> None:
        """A risk alert that the lock (or a crash) closed before it was acknowledged: shown again over its course,
        oldest first, until each one is acknowledged."""
        from askel.store.courses import pending_alerts
        from askel.store.errors import DatabaseDamaged

        try:
            records = pending_alerts(self.vault)
        except DatabaseDamaged:
            return  # the integrity check running after the unlock finds the damage too, closes the vault and says so
        if not records:
            return  # the usual case: nothing of the content stack is imported before the workspace is painted
        from askel.core.content.scoring import score
        from askel.ui.questionnaire_flow import confirm_alert

        for record in records:
            instrument = self.library.instrument(record.instrument_id, record.instrument_version)
            alerts = score(instrument, record.answers, record.respondent).alerts  # the one engine, as stored
            self.open_course(record.course_id)
            if not confirm_alert(self.vault, self.context.settings, record.course.client, record, alerts,
                                 instrument, self):
                return  # locked again
            self.open_course(record.course_id)  # the course page now shows the acknowledgement

    def start_or_continue_session(self) -> None:
        if self.group_page is not None and self.pages.currentWidget() is self.group_page:
            self.group_page.session_button.click()  # the group's next session (Ctrl+Return, as on a course)
            return
        page = self.course_page
        if page is None or page.is_finished() or page.read_only or self.runner is not None:
            return
        if page.in_group():  # a member's sessions are the group's: the group page starts or continues them
            self.open_group(page.course.group_id)
            return
        session = page.open_session()
        if session is None:
            session = add_session(self.vault, page.course.id, datetime.now().replace(microsecond=0),
                                  attendance="attended", mode="in_person")
        self.open_session(page.course.id, session.id)

    def open_session(self, course_id: str, session_id: str) -> None:
        from askel.ui.session_runner import SessionRunner

        course = load_course(self.vault, course_id)
        if self.course_page is None or self.course_page.course.id != course_id:
            self.open_course(course_id)
        if self.course_page.read_only:  # handed over: the course page says so, the session stays as it was
            return
        session = next(s for s in course.sessions if s.id == session_id)
        runner = SessionRunner(self.vault, self.library, course, session)
        runner.back_requested.connect(lambda: self.open_course(course_id))
        runner.close_requested.connect(self.close_session)
        runner.questionnaire_requested.connect(lambda: self.give_questionnaire(course_id, session_id))
        self._replace("runner", runner)
        self._show(runner, focus=runner.notes)  # the clinician starts typing notes

    def close_session(self) -> None:
        from askel.ui.session_summary import SessionSummaryDialog

        runner = self.runner
        if runner is None:
            return
        close_session(self.vault, runner.session.id, **runner.values())
        course = load_course(self.vault, runner.course.id)
        session = next(s for s in course.sessions if s.id == runner.session.id)
        agenda_done = runner.agenda_done()
        self._replace("runner", None)
        summary = SessionSummaryDialog(self.library, course, session, agenda_done, parent=self, vault=self.vault)
        summary.export_requested.connect(lambda: self.export_course(course.id, session.id))
        summary.handout_requested.connect(lambda: self.handout(course.id, session.id))
        summary.exec()
        self.open_course(course.id)

    def finish_course(self) -> None:
        from askel.ui.finish_course import FinishCourseDialog

        page = self.course_page
        if page is None:
            return
        dialog = FinishCourseDialog(self.vault, self.library, page.course,
                                    str(self.context.settings.get("outcome_preset")), parent=self)
        if dialog.exec():
            self.open_course(page.course.id)

    def guarantee_exception(self) -> None:
        """Record, change or withdraw a therapy-guarantee exception of the open course."""
        from askel.ui.course_dialog import GuaranteeExceptionDialog

        page = self.course_page
        if page is not None and GuaranteeExceptionDialog(self.vault, page.course, parent=self).exec():
            self.open_course(page.course.id)

    def export_course(self, course_id: str, session_id: str | None) -> None:
        """Export to the patient record: a whole course, or one session of it."""
        from askel.ui.export_dialog import ExportDialog

        course = load_course(self.vault, course_id)
        session = next((s for s in course.sessions if s.id == session_id), None)
        ExportDialog(self.vault, self.context, course, session, parent=self).exec()
        if self.runner is None and self.course_page is not None and self.course_page.course.id == course_id:
            self.open_course(course_id)

    def handout(self, course_id: str, session_id: str | None) -> None:
        """The client's handout after a visit: homework, the next appointment, where to get help."""
        from askel.ui.handout_dialog import HandoutDialog

        course = load_course(self.vault, course_id)
        session = next((s for s in course.sessions if s.id == session_id), None)
        HandoutDialog(self.vault, self.context, course, session, parent=self).exec()
        if self.runner is None and self.course_page is not None and self.course_page.course.id == course_id:
            self.open_course(course_id)

    def case_summary(self, course_id: str) -> None:
        """An anonymised case summary of the course for a mentoring meeting (not an export to the record)."""
        from askel.ui.case_summary_dialog import CaseSummaryDialog

        CaseSummaryDialog(self.vault, self.context, load_course(self.vault, course_id), parent=self).exec()

    def give_questionnaire(self, course_id: str, session_id: str | None) -> None:
        from askel.ui.questionnaire_flow import QuestionnaireFlow

        if self.runner is not None:
            self.runner.save_now()
        flow = QuestionnaireFlow(self.vault, self.context, load_course(self.vault, course_id), session_id, self)
        self.questionnaire_flow = flow

        def done(_record) -> None:
            self.questionnaire_flow = None
            if self.runner is None:
                self.open_course(course_id)

        flow.finished.connect(done)
        flow.start()

    def _export_shortcut(self) -> None:
        if self.runner is not None:
            self.export_course(self.runner.course.id, self.runner.session.id)
        elif self.course_page is not None and self.pages.currentWidget() is self.course_page:
            self.export_course(self.course_page.course.id, None)

    def _questionnaire_shortcut(self) -> None:
        if self.runner is not None:
            self.give_questionnaire(self.runner.course.id, self.runner.session.id)
        elif (self.course_page is not None and self.pages.currentWidget() is self.course_page
              and not self.course_page.read_only):
            self.give_questionnaire(self.course_page.course.id, None)

    def quick_log(self) -> None:
        from askel.ui.quick_log import QuickLogDialog

        client = self.current_client()
        if self.client_page is not None and self.client_page.read_only:
            client = None  # a client handed over entirely: the quick log asks whom the contact was with
        dialog = QuickLogDialog(self.vault, self.library, client, parent=self)
        if dialog.exec() and dialog.logged_session is not None:
            self.open_course(dialog.logged_session.course_id)

    # -- handing over -------------------------------------------------------------------------------------------
    def give_handover(self) -> None:
        """Hand the open client's courses to a colleague (the client page's Hand over…)."""
        page = self.client_page
        if page is None:
            return
        from askel.ui.handover_dialog import GiveHandoverDialog

        dialog = GiveHandoverDialog(self.vault, self.context, page.client, page.handed_over, parent=self)
        dialog.exec()
        if dialog.handed is not None:
            self.open_client(page.client.id)

    def receive_handover(self) -> None:
        """Receive a client from a colleague's handover file (the client list's Receive a handover…)."""
        from askel.ui.handover_dialog import ReceiveHandoverDialog

        dialog = ReceiveHandoverDialog(self.vault, self.context, parent=self)
        dialog.exec()
        if dialog.outcome is not None:
            self.open_client(dialog.outcome.client_id)
        else:
            self.client_list.refresh()

    def read_receipt(self) -> None:
        """The colleague's receipt: the courses handed over to them are removed from here."""
        page = self.client_page
        if page is None:
            return
        from askel.ui.handover_dialog import ReceiptDialog

        dialog = ReceiptDialog(self.vault, parent=self)
        dialog.exec()
        if dialog.confirmed is not None and dialog.confirmed.client_removed:
            self.show_client_list()
        elif dialog.confirmed is not None:
            self.open_client(page.client.id)

    def _leave_runner(self) -> None:
        """Leaving the runner page (or a group session) saves what was typed; the session stays open to continue
        later."""
        if self.runner is not None:
            self.runner.save_now()
            self._replace("runner", None)
        if self.group_session is not None:
            self.group_session.save_now()
            self._replace("group_session", None)

    def save_pending(self) -> None:
        """Called before locking: nothing typed is lost, and no questionnaire stays on screen."""
        if self.runner is not None:
            self.runner.save_now()
        if self.group_session is not None:
            self.group_session.dismiss()
            self.group_session.save_now()
        if self.questionnaire_flow is not None:
            self.questionnaire_flow.dismiss()

    def _update_header(self) -> None:
        client = self.current_client()
        if client is None or self.pages.currentWidget() not in (self.client_page, self.course_page, self.runner):
            self.header.hide()
            return
        age = age_on(client.birth_date, date.today())
        self.header_label.setText(
            self.tr("{name}, {age} years · {code}").format(
                name=f"{client.given_names} {client.family_name}", age=age, code=self.client_page.masked_code()
            )
        )
        latest = self.client_page.risk.latest
        if latest is not None:
            self.header_risk.setText("\u26a0 " + self.tr("Risk answer {date}").format(
                date=format_date(utc_to_local(latest.administered_at))))
        self.header_risk.setVisible(latest is not None)
        self.header.show()
