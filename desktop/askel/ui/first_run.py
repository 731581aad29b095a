"""The first-run assistant: language, who you are, and a passphrase. Three short steps, then the client list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from askel.core import validation
from askel.store.clinician import update_profile
from askel.store.errors import VaultError
from askel.store.models import ROLES
from askel.store.vault import Vault, keyring_available
from askel.ui.i18n import content_locale, system_language, translate
from askel.ui.roles import role_name
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, Field, caption, lead, line_edit, set_busy, title
from askel.ui.workers import run_in_background

# Not translated: the first screen speaks both languages at once.
WELCOME = "Tervetuloa – Välkommen"
CHOOSE_LANGUAGE = ("Valitse kieli. Voit vaihtaa sen myöhemmin asetuksista.\n"
                   "Välj språk. Du kan byta det senare i inställningarna.")


class FirstRunAssistant(QWidget):
    created = Signal(object, bool)  # the new Vault, whether to remember it on this computer
    language_requested = Signal(str)

    def __init__(self, data_dir, remember_allowed: bool, recovery_public_key: str = "",
                 parent: QWidget | None = None, *,
                 minimum_strength: int = validation.DEFAULT_PASSPHRASE_STRENGTH):
        super().__init__(parent)
        styled_page(self, "screen")
        self.data_dir = data_dir
        self.recovery_public_key = recovery_public_key
        self.minimum_strength = minimum_strength  # IT policy passphrase_min_strength

        self.pages = QStackedWidget()
        self.step_label = caption()

        # Step 1: language, asked in both languages before anything else (a Swedish-speaking user must not have to
        # read Finnish to find "svenska"); the button of the system's language has the focus.
        self.language_title = title(WELCOME)
        self.language_text = lead(CHOOSE_LANGUAGE)
        self.finnish = QPushButton("Suomi")
        self.swedish = QPushButton("Svenska")
        for button, language in ((self.finnish, "fi"), (self.swedish, "sv")):
            button.setMinimumHeight(6 * GRID)
            button.setCheckable(True)
            button.setLocale(content_locale(language))  # each language's name is spoken in that language
            button.clicked.connect(lambda _=False, lang=language: self._choose_language(lang))
        language_buttons = QHBoxLayout()
        language_buttons.addWidget(self.finnish)
        language_buttons.addWidget(self.swedish)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.language_title)
        layout.addWidget(self.language_text)
        layout.addLayout(language_buttons)
        layout.addStretch()
        self.pages.addWidget(page)

        # Step 2: who you are
        self.profile_title = title()
        self.name = line_edit(max_length=100)
        self.name_field = Field(self.name)
        self.role = QComboBox()
        self.role_field = Field(self.role)
        self.role.installEventFilter(self)  # Enter goes on; a typed letter opens the list instead of changing it
        self.professional_title = line_edit(max_length=validation.TEXT_LIMITS["professional_title"])
        self.professional_title_field = Field(self.professional_title)
        self.terhikki = line_edit(max_length=16)
        self.terhikki_field = Field(self.terhikki)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.profile_title)
        layout.addWidget(self.name_field)
        layout.addWidget(self.role_field)
        layout.addWidget(self.professional_title_field)
        layout.addWidget(self.terhikki_field)
        layout.addStretch()
        for field in (self.professional_title_field, self.terhikki_field):
            field.label.setWordWrap(True)
        # Five fields with their hints: at large text sizes the step scrolls instead of squeezing the hints.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(page)
        scroller.viewport().setAutoFillBackground(False)
        page.setAutoFillBackground(False)
        page.setObjectName("transparent")
        page.setStyleSheet("QWidget#transparent { background: transparent; }")
        self.pages.addWidget(scroller)

        # Step 3: passphrase
        self.passphrase_title = title()
        self.passphrase_text = lead()
        self.passphrase = line_edit(password=True, max_length=1024)
        self.passphrase_field = Field(self.passphrase)
        self.repeat = line_edit(password=True, max_length=1024)
        self.repeat_field = Field(self.repeat)
        self.remember = QCheckBox()
        self.remember_available = remember_allowed and keyring_available()
        self.remember.setVisible(self.remember_available)
        self.remember_note = caption()
        self.remember_note.setVisible(self.remember_available)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.passphrase_title)
        layout.addWidget(self.passphrase_text)
        layout.addWidget(self.passphrase_field)
        layout.addWidget(self.repeat_field)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_note)
        layout.addStretch()
        self.pages.addWidget(page)

        self.back = QPushButton()
        self.next = QPushButton()
        self.next.setObjectName("primary")
        self.next.setDefault(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch()
        buttons.addWidget(self.next)

        card = Card()
        card.setFixedWidth(70 * GRID)
        card.setMinimumHeight(52 * GRID)
        card.body.addWidget(self.step_label)
        card.body.addWidget(self.pages, 1)
        card.body.addWidget(self.error)
        card.body.addWidget(self.busy)
        card.body.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(card)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch()

        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.name.returnPressed.connect(self.go_next)
        self.repeat.returnPressed.connect(self.go_next)
        self.chosen_language = ""
        self.retranslate()
        self._show_page(0)

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        index = self.pages.currentIndex()
        self.step_label.setText(self.tr("Step {step} of {steps}").format(step=index + 1, steps=self.pages.count()))
        self.profile_title.setText(self.tr("About you"))
        self.name_field.set_text(self.tr("Your &name"), self.tr("Shown in the use log and in exported records."),
                                 required=True)
        self.role_field.set_text(self.tr("Your &role"))
        current_role = self.role.currentData()
        self.role.clear()
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        if current_role:
            self.role.setCurrentIndex(ROLES.index(current_role))
        self.professional_title_field.set_text(
            self.tr("Professional &title (optional)"),
            self.tr("As it should read in the patient record, for example sairaanhoitaja (AMK)."))
        self.terhikki_field.set_text(self.tr("&Terhikki registration number (optional)"),
                                     self.tr("11 digits, from Valvira's register of health care professionals."))
        self.passphrase_title.setText(self.tr("Choose a passphrase"))
        self.passphrase_text.setText(
            self.tr("Client data on this computer is encrypted with your passphrase. Use at least 10 characters; "
                    "a few unrelated words are easy to remember and hard to guess. If you forget it, only your "
                    "organisation's IT can recover the data.")
        )
        self.passphrase_field.set_text(self.tr("&Passphrase"), required=True)
        self.repeat_field.set_text(self.tr("&Repeat the passphrase"), required=True)
        self.remember.setText(self.tr("Remember on this computer (open without the passphrase)"))
        self.remember_note.setText(
            self.tr("Only on a computer that you alone use with your own account. The screen still locks itself "
                    "when you are away, and unlocking it then needs the passphrase.")
        )
        self.back.setText(self.tr("Back"))
        self.next.setText(self.tr("Create and open") if index == self.pages.count() - 1 else self.tr("Next"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """The role list: Enter moves on, as in the name field; a letter typed there (someone still typing her
        name) opens the list to choose from, and never changes the role unseen."""
        if watched is self.role and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.go_next()
                return True
            typing = event.text() and event.text().isprintable() and not event.text().isspace()
            if typing and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                self.role.showPopup()
                return True
        return super().eventFilter(watched, event)

    # -- steps ---------------------------------------------------------------------------------------------------
    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back.setVisible(index > 0)
        self.next.setEnabled(index > 0 or bool(self.chosen_language))
        self._set_error("")
        self.retranslate()
        first = self.swedish if (self.chosen_language or system_language()) == "sv" else self.finnish
        focus = {0: first, 1: self.name, 2: self.passphrase}[index]
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_language(self, language: str) -> None:
        self.chosen_language = language
        self.finnish.setChecked(language == "fi")
        self.swedish.setChecked(language == "sv")
        self.language_requested.emit(language)
        self._show_page(1)

    def go_back(self) -> None:
        self._show_page(max(0, self.pages.currentIndex() - 1))

    def go_next(self) -> None:
        if self.busy.isVisible():  # the vault is being created
            return
        index = self.pages.currentIndex()
        if index == 0:
            self._show_page(1)
        elif index == 1 and self._check_profile():
            self._show_page(2)
        elif index == 2 and self._check_passphrase():
            self._create()

    def _check_profile(self) -> bool:
        ok = True
        for field, check in ((self.name_field, validation.person_name),
                             (self.professional_title_field, validation.professional_title),
                             (self.terhikki_field, validation.terhikki_number)):
            try:
                check(field.editor.text())
            except validation.ValidationError as error:
                field.set_error(translate(error.message))
                ok = False
            else:
                field.set_error("")
        return ok

    def _check_passphrase(self) -> bool:
        blocking = [p for p in validation.passphrase_strength(self.passphrase.text(), self.minimum_strength,
                                                              (self.name.text(),)) if p.blocking]
        if blocking:
            self.passphrase_field.set_error(" ".join(translate(p.message) for p in blocking))
            return False
        self.passphrase_field.set_error("")
        if self.repeat.text() != self.passphrase.text():
            self.repeat_field.set_error(self.tr("The passphrases are not the same."))
            return False
        self.repeat_field.set_error("")
        return True

    def _create(self) -> None:
        name = validation.person_name(self.name.text())
        role = self.role.currentData()
        professional_title = validation.professional_title(self.professional_title.text())
        terhikki = validation.terhikki_number(self.terhikki.text())
        passphrase = self.passphrase.text()
        remember = self.remember_available and self.remember.isChecked()
        self.busy.show()
        set_busy((self.next, self.back), True)

        def work():
            vault = Vault.create(self.data_dir, passphrase, clinician_name=name, role=role,
                                 recovery_public_key=self.recovery_public_key)
            if professional_title or terhikki:
                update_profile(vault, title=professional_title, terhikki=terhikki)
            return vault

        run_in_background(work, lambda vault: self._created(vault, remember), self._failed)

    def _created(self, vault, remember: bool) -> None:
        self.busy.hide()
        self.passphrase.clear()
        self.repeat.clear()
        self.created.emit(vault, remember)

    def _failed(self, error: Exception) -> None:
        self.busy.hide()
        set_busy((self.next, self.back), False)
        if isinstance(error, VaultError):
            self._set_error(translate(error.message))
        else:
            self._set_error(self.tr("The data folder could not be created. Check that the disk is writable."))

    def _set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
