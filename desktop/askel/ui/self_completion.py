"""Self-completion: the client answers a questionnaire on the clinician's computer, alone with the screen.

The window fills the screen and shows nothing but the questions, in the client's language, in large type with
large answer targets, one question at a time by default. It shows no score and no clinician words. The client
cannot leave it: closing, Escape, Alt+F4 and every shortcut do nothing, and the window is application-modal, so the
main window behind it cannot be reached. Only the clinician's passphrase, typed into a small in-window staff panel,
ends it; checking the passphrase (Argon2id, about half a second) runs off the UI thread. The staff panel opens from
the small "For staff" button in the corner (the last Tab stop) or with Ctrl+Alt+S (`STAFF_SHORTCUT`), which the
button's accessible shortcut and description announce.

Each question is a group of radio buttons named by the question; the client's pages report the client's language to
a screen reader (`QWidget.setLocale`), the staff panel the clinician's. The unanswered-questions notice, the
thank-you page and the staff panel's errors are announced when they appear.

Language: the client's pages use the client's language and the staff panel the clinician's (`staff_language`,
by default the UI language). Both are independent of the installed Qt translator, so the texts of this window are
kept here in fi / sv / en, like the content definitions, rather than in the UI catalogue.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from askel.core.content.models import Instrument
from askel.ui.accessibility import announce
from askel.ui.i18n import content_locale, ui_language
from askel.ui.questionnaire_form import (
    OptionButton,
    WordingMissing,
    instructions_text,
    item_text,
    set_tab_stop,
    tab_stop,
    wording_problem,
)
from askel.ui.theme import GRID, Palette, colours
from askel.ui.widgets import line_edit
from askel.ui.workers import run_in_background

STAFF_SHORTCUT = "Ctrl+Alt+S"  # opens the staff panel; written in the questionnaire dialog and the user guide
FREE_ATTEMPTS = 3  # wrong passphrases before a wait
MAX_WAIT_SECONDS = 120
CLIENT_POINT_SIZE = 20  # body text of the client's pages; nothing the client reads is under 18 pt
COLUMN_WIDTH = 100 * GRID

# What the client reads, in the client's language. Plain words: no "score", "item" or "band".
CLIENT_TEXTS: dict[str, dict[str, str]] = {
    "back": {"fi": "Edellinen", "sv": "Föregående", "en": "Back"},
    "next": {"fi": "Seuraava", "sv": "Nästa", "en": "Next"},
    "done": {"fi": "Valmis", "sv": "Klar", "en": "Done"},
    "progress": {"fi": "{number} / {count}", "sv": "{number} / {count}", "en": "{number} / {count}"},
    "progress_all": {"fi": "Vastattu {number} / {count}", "sv": "Besvarade {number} / {count}",
                     "en": "Answered {number} / {count}"},
    "question": {"fi": "Kysymys {number} / {count}", "sv": "Fråga {number} / {count}",
                 "en": "Question {number} / {count}"},
    "unanswered": {
        "fi": "Et vastannut kaikkiin kysymyksiin (kysymykset {numbers}). Voit palata niihin tai lopettaa "
              "painamalla Valmis uudelleen.",
        "sv": "Du har inte svarat på alla frågor (frågorna {numbers}). Du kan gå tillbaka till dem eller avsluta "
              "genom att trycka på Klar igen.",
        "en": "You have not answered every question (questions {numbers}). You can go back to them, or press "
              "Done again to finish.",
    },
    "go_to": {"fi": "Siirry kysymykseen {number}", "sv": "Gå till fråga {number}", "en": "Go to question {number}"},
    "thanks": {"fi": "Kiitos!", "sv": "Tack!", "en": "Thank you!"},
    "hand_back": {
        "fi": "Anna laite takaisin työntekijälle.",
        "sv": "Ge tillbaka datorn till personalen.",
        "en": "Give the device back to the staff member.",
    },
    "change": {"fi": "Muuta vastauksia", "sv": "Ändra svaren", "en": "Change my answers"},
}

# What the clinician reads in the staff panel, in the clinician's language.
STAFF_TEXTS: dict[str, dict[str, str]] = {
    "staff": {"fi": "Henkilökunnalle", "sv": "För personalen", "en": "For staff"},
    "staff_hint": {"fi": "Avaa henkilökunnan paneelin. Pikanäppäin {keys}.",
                   "sv": "Öppnar personalens panel. Kortkommando {keys}.",
                   "en": "Opens the staff panel. Shortcut {keys}."},
    "title": {"fi": "Henkilökunta: avaa lukitus", "sv": "Personal: lås upp", "en": "Staff: unlock"},
    "finished": {
        "fi": "Asiakas on täyttänyt kyselyn ({answered} / {count} kysymykseen vastattu).",
        "sv": "Klienten har fyllt i formuläret ({answered} / {count} frågor besvarade).",
        "en": "The client has finished the questionnaire ({answered} / {count} questions answered).",
    },
    "unfinished": {
        "fi": "Asiakas ei ole vielä valmis ({answered} / {count} kysymykseen vastattu). Lukituksen avaaminen "
              "keskeyttää täyttämisen; annetut vastaukset säilyvät.",
        "sv": "Klienten är inte klar ännu ({answered} / {count} frågor besvarade). Om du låser upp avbryts "
              "ifyllandet; de svar som har getts sparas.",
        "en": "The client has not finished yet ({answered} / {count} questions answered). Unlocking stops the "
              "self-completion; the answers given so far are kept.",
    },
    "risk_blank": {
        "fi": "Riskikysymykseen {numbers} ei vastattu. Kysy asiasta asiakkaalta itse; avaamisen jälkeen se "
              "kuitataan kuten riskivastaus.",
        "sv": "Riskfrågan {numbers} besvarades inte. Fråga klienten själv om det; efter upplåsningen kvitteras det "
              "som ett risksvar.",
        "en": "Risk question {numbers} was not answered. Ask the client about it in person; after unlocking it is "
              "acknowledged like a risk answer.",
    },
    "passphrase": {"fi": "Tunnuslause", "sv": "Lösenfras", "en": "Passphrase"},
    "unlock": {"fi": "Avaa", "sv": "Lås upp", "en": "Unlock"},
    "cancel": {"fi": "Peru", "sv": "Avbryt", "en": "Cancel"},
    "checking": {"fi": "Tarkistetaan…", "sv": "Kontrollerar…", "en": "Checking…"},
    "empty": {"fi": "Kirjoita tunnuslause.", "sv": "Skriv lösenfrasen.", "en": "Type the passphrase."},
    "wrong": {"fi": "Tunnuslause ei ole oikein.", "sv": "Lösenfrasen är inte rätt.",
              "en": "The passphrase is not correct."},
    "wait": {
        "fi": "Liian monta väärää yritystä. Odota {seconds} s ennen seuraavaa yritystä.",
        "sv": "För många felaktiga försök. Vänta {seconds} s innan du försöker igen.",
        "en": "Too many wrong attempts. Wait {seconds} s before trying again.",
    },
    "failed": {
        "fi": "Tunnuslausetta ei voitu tarkistaa. Yritä uudelleen.",
        "sv": "Lösenfrasen kunde inte kontrolleras. Försök igen.",
        "en": "The passphrase could not be checked. Try again.",
    },
}


def _text(table: dict[str, dict[str, str]], key: str, language: str) -> str:
    texts = table[key]
    return texts.get(language) or texts["en"]


def staff_text(key: str, language: str) -> str:
    """A text of the staff panel (STAFF_TEXTS) in `language`, for the clinician's screens that refer to it."""
    return _text(STAFF_TEXTS, key, language)


def window_style(p: Palette) -> str:
    """The window's own look in colour set `p`: large type that does not follow the clinician's text size."""
    return f"""
QWidget#selfCompletion {{ background: {p.background}; }}
#selfCompletion QWidget {{ font-size: {CLIENT_POINT_SIZE}pt; }}
#selfCompletion QScrollArea#clientScroll, #selfCompletion QWidget#clientListing {{ background: transparent; }}
#selfCompletion QScrollArea#clientScroll > QWidget > QWidget {{ background: transparent; }}
#selfCompletion QScrollBar:vertical {{ background: {p.divider}; width: 16px; border-radius: 8px; margin: 0; }}
#selfCompletion QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 8px; min-height: 48px; }}
#selfCompletion QScrollBar::add-line:vertical, #selfCompletion QScrollBar::sub-line:vertical {{ height: 0; }}
#selfCompletion QScrollBar::add-page:vertical, #selfCompletion QScrollBar::sub-page:vertical {{
    background: transparent; }}
#selfCompletion QGroupBox#clientQuestionGroup {{ background: transparent; border: none; margin: 0px; padding: 0px; }}
#selfCompletion QLabel#clientQuestion {{ font-size: 24pt; font-weight: 600; color: {p.ink}; }}
#selfCompletion QLabel#clientMuted {{ font-size: 18pt; color: {p.muted}; }}
#selfCompletion QLabel#clientTitle {{ font-size: 36pt; font-weight: 600; color: {p.ink}; }}
#selfCompletion QLabel#clientNotice {{ font-size: 18pt; background: {p.warning}; border: 1px solid {p.warning_border};
    border-radius: 6px; padding: 16px; }}
#selfCompletion QPushButton#clientNext, #selfCompletion QPushButton#clientBack,
#selfCompletion QPushButton#clientLink {{ font-size: 20pt; min-height: 40px; padding: 8px 32px; border-radius: 6px;
    margin: 2px; }}
#selfCompletion QPushButton#clientNext {{ background: {p.accent}; color: {p.on_accent};
    border: 1px solid {p.accent_strong}; font-weight: 600; }}
#selfCompletion QPushButton#clientNext:hover {{ background: {p.accent_strong}; }}
#selfCompletion QPushButton#clientBack, #selfCompletion QPushButton#clientLink {{ background: {p.surface};
    border: 1px solid {p.border}; }}
#selfCompletion QPushButton#clientNext:focus, #selfCompletion QPushButton#clientBack:focus,
#selfCompletion QPushButton#clientLink:focus {{ border: 3px solid {p.focus}; margin: 0px; }}
#selfCompletion QPushButton#clientQuiet {{ font-size: 18pt; background: transparent; border: 3px solid transparent;
    color: {p.accent}; text-decoration: underline; padding: 5px 4px; margin: 0px; min-height: 40px; }}
#selfCompletion QPushButton#clientQuiet:focus {{ border: 3px solid {p.focus}; }}
#selfCompletion QPushButton#staffButton {{ background: transparent; border: 3px solid transparent; margin: 0px;
    color: {p.muted}; font-size: 10pt; padding: 5px; min-height: 16px; text-decoration: underline; }}
#selfCompletion QPushButton#staffButton:focus {{ border: 3px solid {p.focus}; }}
#selfCompletion QProgressBar#clientProgress {{ background: {p.divider}; border: none; border-radius: 4px; }}
#selfCompletion QProgressBar#clientProgress::chunk {{ background: {p.accent}; border-radius: 4px; }}
#selfCompletion QFrame#staffPanel {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px; }}
#selfCompletion #staffPanel QWidget {{ font-size: 12pt; }}
#selfCompletion #staffPanel QLabel#staffTitle {{ font-size: 16pt; font-weight: 600; }}
#selfCompletion #staffPanel QLabel#staffError {{ color: {p.danger}; }}
"""


class _ClientQuestion(QGroupBox):
    """A question and its answers as a column of large radio buttons (labels only, no values), in a group named by
    the question: Tab reaches the group once, Up / Down move between its answers."""

    def __init__(self, heading: str, text: str, options: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clientQuestionGroup")
        self.heading = QLabel(heading)
        self.heading.setObjectName("clientMuted")
        self.heading.setVisible(bool(heading))
        self.question = QLabel(text)
        self.question.setObjectName("clientQuestion")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[OptionButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID + GRID // 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.question)
        layout.addSpacing(GRID)
        for value, label in options:
            button = OptionButton(value, label, show_value=False)
            button.setAccessibleName(label)
            self.group.addButton(button, value)
            self.buttons.append(button)
            layout.addWidget(button)
        self.group.idClicked.connect(lambda _value: set_tab_stop(self.buttons))
        set_tab_stop(self.buttons)
        self.setAccessibleName(text)

    def value(self) -> int | None:
        return next((button.value for button in self.buttons if button.isChecked()), None)

    def focus_answer(self) -> None:
        button = tab_stop(self.buttons)
        if button is not None:
            button.setFocus(Qt.FocusReason.OtherFocusReason)


def _centered(content: QWidget | QVBoxLayout, width: int = COLUMN_WIDTH) -> QWidget:
    """A page whose content is a column of at most `width` pixels in the middle of the screen."""
    column = QWidget()
    column.setMaximumWidth(width)
    column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    if isinstance(content, QWidget):
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(content)
    else:
        column.setLayout(content)
    page = QWidget()
    row = QHBoxLayout(page)
    row.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, GRID)
    row.addStretch(1)
    row.addWidget(column, 100)
    row.addStretch(1)
    return page


class SelfCompletionWindow(QWidget):
    """`completed(answers)` after the client finished and the clinician unlocked; `abandoned(answers)` when the
    clinician unlocked first. Answers map every item id to the chosen value or None. The window has closed by the
    time either signal is emitted, so a slot may open a dialog (the risk alert) at once."""

    completed = Signal(dict)
    abandoned = Signal(dict)

    def __init__(self, instrument: Instrument, language: str, verify_passphrase: Callable[[str], bool],
                 one_per_page: bool = True, staff_language: str | None = None, respondent: str = "client",
                 parent: QWidget | None = None):
        problem = wording_problem(instrument, respondent)
        if problem:
            raise WordingMissing(problem)
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("selfCompletion")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle("Askel")
        self.setStyleSheet(window_style(colours()))
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.instrument = instrument
        self.language = language
        self.staff_language = staff_language or ui_language()
        self.one_per_page = one_per_page
        self._verify_passphrase = verify_passphrase
        self._answers: dict[str, int | None] = {item_id: None for item_id in instrument.item_ids}
        self._index = 0
        self._finished = False
        self._unlocked = False
        self._verifying = False
        self._warned_for: tuple[int, ...] | None = None
        self._return_view = 0
        self._failures = 0
        self._waiting = False

        count = len(instrument.items)
        instructions = instructions_text(instrument, language, respondent)
        self.questions: list[_ClientQuestion] = []
        for number, item in enumerate(instrument.items, start=1):
            options = [(option.value, option.label.get(language) if option.label else "")
                       for option in instrument.options_for(item.id)]
            heading = "" if one_per_page else self._client("question").format(number=number, count=count)
            question = _ClientQuestion(heading, item_text(instrument, item.id, language, respondent), options)
            question.group.idClicked.connect(lambda value, item_id=item.id: self._answer(item_id, value))
            self.questions.append(question)

        # -- the client's questions ------------------------------------------------------------------------------
        self.progress_label = QLabel()
        self.progress_label.setObjectName("clientMuted")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("clientProgress")
        self.progress_bar.setRange(0, count)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(GRID)
        self.instructions = QLabel(instructions)
        self.instructions.setObjectName("clientMuted")
        self.instructions.setWordWrap(True)
        self.instructions.setVisible(bool(instructions))
        self.notice = QLabel()
        self.notice.setObjectName("clientNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.go_to_button = QPushButton()
        self.go_to_button.setObjectName("clientLink")
        self.go_to_button.hide()
        self.back_button = QPushButton(self._client("back"))
        self.back_button.setObjectName("clientBack")
        keep_space = self.back_button.sizePolicy()
        keep_space.setRetainSizeWhenHidden(True)
        self.back_button.setSizePolicy(keep_space)
        self.next_button = QPushButton(self._client("next"))
        self.next_button.setObjectName("clientNext")

        # Progress on top and the buttons at the bottom stay put; what is between them scrolls when it does not
        # fit (a small screen, 200 % text), instead of being squeezed.
        listing = QWidget()
        listing.setObjectName("clientListing")
        middle = QVBoxLayout(listing)
        middle.setContentsMargins(0, 0, 3 * GRID, 0)
        middle.setSpacing(3 * GRID)
        middle.addWidget(self.instructions)
        questions = QVBoxLayout()
        questions.setSpacing(6 * GRID)
        for question in self.questions:
            question.setVisible(not one_per_page)
            questions.addWidget(question)
        middle.addLayout(questions)
        middle.addWidget(self.notice)
        middle.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("clientScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: focus scrolls what it reaches
        self.scroll.setWidget(listing)
        nav = QHBoxLayout()
        nav.setSpacing(2 * GRID)
        nav.addWidget(self.back_button)
        nav.addStretch()
        nav.addWidget(self.go_to_button)
        nav.addWidget(self.next_button)
        progress = QHBoxLayout()
        progress.setSpacing(3 * GRID)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.progress_label)
        column = QVBoxLayout()
        column.setSpacing(3 * GRID)
        column.addLayout(progress)
        column.addWidget(self.scroll, 1)
        column.addLayout(nav)
        self.questions_view = _centered(column)

        # -- thank you -------------------------------------------------------------------------------------------
        self.thanks_title = QLabel(self._client("thanks"))
        self.thanks_title.setObjectName("clientTitle")
        self.thanks_text = QLabel(self._client("hand_back"))
        self.thanks_text.setWordWrap(True)
        self.change_button = QPushButton(self._client("change"))
        self.change_button.setObjectName("clientQuiet")
        thanks = QVBoxLayout()
        thanks.setSpacing(3 * GRID)
        thanks.addStretch(2)
        thanks.addWidget(self.thanks_title)
        thanks.addWidget(self.thanks_text)
        thanks.addSpacing(4 * GRID)
        thanks.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)
        thanks.addStretch(3)
        self.thanks_view = _centered(thanks)

        # -- the staff panel (the clinician's language, normal size) ---------------------------------------------
        self.staff_title = QLabel(self._staff("title"))
        self.staff_title.setObjectName("staffTitle")
        self.staff_status = QLabel()
        self.staff_status.setWordWrap(True)
        self.passphrase_label = QLabel(self._staff("passphrase"))
        self.passphrase: QLineEdit = line_edit(password=True, max_length=1024)
        self.passphrase.setAccessibleName(self._staff("passphrase"))
        self.passphrase_label.setBuddy(self.passphrase)
        self.staff_error = QLabel()
        self.staff_error.setObjectName("staffError")
        self.staff_error.setWordWrap(True)
        self.staff_error.hide()
        self.unlock_button = QPushButton(self._staff("unlock"))
        self.unlock_button.setObjectName("primary")
        self.cancel_button = QPushButton(self._staff("cancel"))
        staff_buttons = QHBoxLayout()
        staff_buttons.addStretch()
        staff_buttons.addWidget(self.cancel_button)
        staff_buttons.addWidget(self.unlock_button)
        self.staff_panel = QFrame()
        self.staff_panel.setObjectName("staffPanel")
        self.staff_panel.setFixedWidth(60 * GRID)
        panel = QVBoxLayout(self.staff_panel)
        panel.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
        panel.setSpacing(2 * GRID)
        panel.addWidget(self.staff_title)
        panel.addWidget(self.staff_status)
        panel.addWidget(self.passphrase_label)
        panel.addWidget(self.passphrase)
        panel.addWidget(self.staff_error)
        panel.addLayout(staff_buttons)
        self.staff_view = QWidget()
        staff_outer = QVBoxLayout(self.staff_view)
        staff_outer.addStretch()
        centred = QHBoxLayout()  # (not an alignment flag: that would give the panel one line per wrapped text)
        centred.addStretch()
        centred.addWidget(self.staff_panel)
        centred.addStretch()
        staff_outer.addLayout(centred)
        staff_outer.addStretch()

        self.views = QStackedWidget()
        self.views.addWidget(self.questions_view)
        self.views.addWidget(self.thanks_view)
        self.views.addWidget(self.staff_view)

        self.staff_button = QPushButton(self._staff("staff"))
        self.staff_button.setObjectName("staffButton")
        self.staff_button.setCursor(Qt.CursorShape.PointingHandCursor)
        # The last Tab stop, and Ctrl+Alt+S from anywhere in the window (keyPressEvent: the window claims every
        # shortcut, so the button's own is there for screen readers to announce).
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.staff_button.setShortcut(QKeySequence(STAFF_SHORTCUT))
        hint = self._staff("staff_hint").format(keys=STAFF_SHORTCUT)
        self.staff_button.setToolTip(hint)
        self.staff_button.setAccessibleDescription(hint)
        self.staff_button.setLocale(content_locale(self.staff_language))
        self.staff_view.setLocale(content_locale(self.staff_language))
        for view in (self.questions_view, self.thanks_view):
            view.setLocale(content_locale(language))
        corner = QHBoxLayout()
        corner.setContentsMargins(GRID, 0, GRID, GRID)
        corner.addWidget(self.staff_button)
        corner.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.views, 1)
        outer.addLayout(corner)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.go_to_button.clicked.connect(self._go_to_unanswered)
        self.change_button.clicked.connect(self._change_answers)
        self.staff_button.clicked.connect(self.open_staff_panel)
        self.unlock_button.clicked.connect(self._verify)
        self.passphrase.returnPressed.connect(self._verify)
        self.cancel_button.clicked.connect(self.close_staff_panel)
        self._show_question(0)

    def start(self) -> None:
        """Fill the screen and take the keyboard (tests call `show()` instead)."""
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    # -- texts ---------------------------------------------------------------------------------------------------
    def _client(self, key: str) -> str:
        return _text(CLIENT_TEXTS, key, self.language)

    def _staff(self, key: str) -> str:
        return _text(STAFF_TEXTS, key, self.staff_language)

    # -- state ---------------------------------------------------------------------------------------------------
    def answers(self) -> dict[str, int | None]:
        return dict(self._answers)

    def is_finished(self) -> bool:
        return self._finished

    def _count(self) -> int:
        return len(self.questions)

    def _answered(self) -> int:
        return sum(value is not None for value in self._answers.values())

    def _unanswered_numbers(self) -> tuple[int, ...]:
        return tuple(n for n, item_id in enumerate(self.instrument.item_ids, start=1) if self._answers[item_id] is None)

    def risk_questions_blank(self) -> tuple[int, ...]:
        """Numbers of the risk questions left blank (PHQ-9 item 9, CORE-10 item 6): the clinician must see these
        in the staff panel before the self-completion ends, and acknowledge them after."""
        risk_items = {rule.item for rule in self.instrument.scoring.alerts if rule.unanswered is not None}
        return tuple(n for n, item_id in enumerate(self.instrument.item_ids, start=1)
                     if item_id in risk_items and self._answers[item_id] is None)

    def _answer(self, item_id: str, value: int) -> None:
        self._answers[item_id] = value
        if self.notice.isVisible():
            self._show_unanswered_notice()
        self._update_progress()

    # -- navigation ----------------------------------------------------------------------------------------------
    def _show_question(self, index: int) -> None:
        focused = self.focusWidget()
        if focused is not None and self.questions_view.isAncestorOf(focused):
            focused.clearFocus()  # else Qt passes it to "Next" on the way to the new question, and says so
        self._index = max(0, min(index, self._count() - 1))
        self.views.setCurrentWidget(self.questions_view)
        if self.one_per_page:
            for index, question in enumerate(self.questions):
                question.setVisible(index == self._index)
            self.scroll.verticalScrollBar().setValue(0)
            self.back_button.setVisible(self._index > 0)
            last = self._index == self._count() - 1
            self.next_button.setText(self._client("done") if last else self._client("next"))
        else:
            self.back_button.hide()
            self.next_button.setText(self._client("done"))
            self.scroll.ensureWidgetVisible(self.questions[self._index], 0, 4 * GRID)
        self.notice.hide()
        self.go_to_button.hide()
        self._update_progress()
        self.questions[self._index].focus_answer()

    def _update_progress(self) -> None:
        if self.one_per_page:
            number = self._index + 1
            self.progress_label.setText(self._client("progress").format(number=number, count=self._count()))
        else:
            number = self._answered()
            self.progress_label.setText(self._client("progress_all").format(number=number, count=self._count()))
        self.progress_bar.setValue(number)

    def go_back(self) -> None:
        if self.one_per_page and self._index > 0:
            self._warned_for = None
            self._show_question(self._index - 1)

    def go_next(self) -> None:
        if self.one_per_page and self._index < self._count() - 1:
            self._show_question(self._index + 1)
            return
        missing = self._unanswered_numbers()
        if missing and missing != self._warned_for:
            # Tell once which questions are open; pressing Done again finishes with them unanswered.
            self._warned_for = missing
            self._show_unanswered_notice()
            announce(self.notice, self.notice.text(), urgent=True)
            return
        self._finish()

    def _show_unanswered_notice(self) -> None:
        missing = self._unanswered_numbers()
        if not missing:
            self.notice.hide()
            self.go_to_button.hide()
            return
        self.notice.setText(self._client("unanswered").format(numbers=", ".join(str(n) for n in missing)))
        self.notice.show()
        self.go_to_button.setText(self._client("go_to").format(number=missing[0]))
        self.go_to_button.show()
        QTimer.singleShot(0, lambda: isValid(self) and self.scroll.ensureWidgetVisible(self.notice))

    def _go_to_unanswered(self) -> None:
        missing = self._unanswered_numbers()
        self._warned_for = None
        self.notice.hide()
        self.go_to_button.hide()
        if missing:
            self._show_question(missing[0] - 1)

    def _finish(self) -> None:
        first = not self._finished  # back from the staff panel, the thanks were said already
        self._finished = True
        self._warned_for = None
        self.views.setCurrentWidget(self.thanks_view)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if first:
            announce(self.thanks_title, f"{self.thanks_title.text()} {self.thanks_text.text()}")

    def _change_answers(self) -> None:
        self._finished = False
        self._show_question(0)

    # -- the staff panel -----------------------------------------------------------------------------------------
    def open_staff_panel(self) -> None:
        if self.views.currentWidget() is self.staff_view:
            return
        self._return_view = self.views.currentIndex()
        key = "finished" if self._finished else "unfinished"
        status = self._staff(key).format(answered=self._answered(), count=self._count())
        blank = self.risk_questions_blank() if self._finished else ()
        if blank:
            status = self._staff("risk_blank").format(numbers=", ".join(str(n) for n in blank)) + "\n" + status
        self.staff_status.setText(status)
        if not self._waiting:
            self._show_staff_error("")
        self.passphrase.clear()
        self.views.setCurrentWidget(self.staff_view)
        self.staff_button.hide()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.staff_panel, f"{self.staff_title.text()}. {self.staff_status.text()}")

    def close_staff_panel(self) -> None:
        if self._verifying:
            return
        self.passphrase.clear()
        if not self._waiting:
            self._show_staff_error("")
        self.staff_button.show()
        if self._return_view == self.views.indexOf(self.thanks_view):
            self._finish()
        else:
            self._show_question(self._index)

    def _set_busy(self, busy: bool) -> None:
        # Read-only rather than disabled: the keyboard focus stays in the field instead of jumping to another
        # control while the check runs (the buttons do nothing meanwhile, see _verify and close_staff_panel).
        self._verifying = busy
        self.passphrase.setReadOnly(busy)
        if busy:
            self._show_staff_error(self._staff("checking"), error=False)

    def _show_staff_error(self, text: str, error: bool = True) -> None:
        self.staff_error.setObjectName("staffError" if error else "")
        self.staff_error.style().unpolish(self.staff_error)
        self.staff_error.style().polish(self.staff_error)
        self.staff_error.setText(text)
        self.staff_error.setVisible(bool(text))
        self.passphrase.setAccessibleDescription(text if error else "")  # the error belongs to the field
        announce(self.passphrase, text, urgent=error)

    def _verify(self) -> None:
        if self._verifying or self._unlocked or self._waiting:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._show_staff_error(self._staff("empty"))
            return
        self.passphrase.clear()
        self._set_busy(True)
        verify = self._verify_passphrase
        run_in_background(lambda: bool(verify(passphrase)), self._verified, self._verify_failed)

    def _verified(self, ok: bool) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        if not ok:
            self._failures += 1
            if self._failures >= FREE_ATTEMPTS:
                # Someone guessing at the staff panel: each further wrong attempt doubles the wait.
                seconds = min(MAX_WAIT_SECONDS, 5 * 2 ** (self._failures - FREE_ATTEMPTS))
                self._show_staff_error(self._staff("wrong") + " " + self._staff("wait").format(seconds=seconds))
                self._waiting = True
                self.passphrase.setReadOnly(True)
                self.unlock_button.setEnabled(False)
                QTimer.singleShot(seconds * 1000, self._wait_over)
                return
            self._show_staff_error(self._staff("wrong"))
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._unlocked = True
        answers = self.answers()
        finished = self._finished
        self.close()
        (self.completed if finished else self.abandoned).emit(answers)

    def _wait_over(self) -> None:
        if not isValid(self):
            return
        self._waiting = False
        self.passphrase.setReadOnly(False)
        self.unlock_button.setEnabled(True)
        self.staff_error.hide()
        self.passphrase.setAccessibleDescription("")
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _verify_failed(self, _error: Exception) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        self._show_staff_error(self._staff("failed"))
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def dismiss(self) -> None:
        """Close without a passphrase and without a signal: for the application itself (quitting, a forced
        lock), never reachable from the client's screen. The answers are dropped."""
        self._unlocked = True
        self._answers = dict.fromkeys(self._answers)
        self.close()

    # -- nothing gets the client out -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            super().closeEvent(event)
        else:
            event.ignore()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and not self._unlocked:
            # Claim every key combination, so that no shortcut (the main window's, Ctrl+W, Ctrl+L) fires.
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.views.currentWidget() is self.staff_view:
                self.close_staff_panel()
            event.accept()
            return
        if QKeySequence(event.keyCombination()) == QKeySequence(STAFF_SHORTCUT):
            self.open_staff_panel()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.views.currentWidget() is self.questions_view:
            self.go_next()
            event.accept()
            return
        event.accept()  # nothing else reaches a window behind this one

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._focus_current)

    def _focus_current(self) -> None:
        if not isValid(self):
            return
        if self.views.currentWidget() is self.questions_view:
            self.questions[self._index].focus_answer()
