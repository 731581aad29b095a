"""Add or change a client: inline validation in the user's language, nothing saved until everything is valid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from askel.core import hetu, validation
from askel.core.content.guarantee import age_on
from askel.store.clients import ClientData, DuplicateHetu, GuardianData, add_client, update_client
from askel.ui.accessibility import announce
from askel.ui.i18n import format_date, translate, ui_language
from askel.ui.roles import language_name
from askel.ui.theme import GRID
from askel.ui.widgets import Field, caption, line_edit, title

GUARDIAN_SLOTS = 2


class ClientDialog(QDialog):
    """`client` None adds a new client; otherwise its fields are edited in place."""

    def __init__(self, vault, client=None, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.vault = vault
        self.client = client
        self.today = today or date.today()
        self.saved_client = None
        self.setModal(True)
        self.setMinimumWidth(80 * GRID)

        self.heading = title()
        self.family = line_edit()
        self.family_field = Field(self.family)
        self.given = line_edit()
        self.given_field = Field(self.given)
        self.hetu = line_edit(max_length=11)
        self.hetu_field = Field(self.hetu)
        self.no_hetu = QCheckBox()
        self.birth = line_edit(max_length=10)
        self.birth_field = Field(self.birth)
        self.language = QComboBox()
        self.language_field = Field(self.language)
        self.school = line_edit(max_length=validation.TEXT_LIMITS["school"])
        self.school_field = Field(self.school)
        self.phone = line_edit(max_length=40)
        self.phone_field = Field(self.phone)
        self.non_disclosure = QCheckBox()
        # Only for questionnaire limits that differ by sex (AUDIT-C); the clinician enters it, nothing derives it.
        self.reference_sex = QComboBox()
        self.reference_sex_field = Field(self.reference_sex)
        self.guardian_title = QLabel()
        self.guardian_title.setObjectName("section")
        self.guardian_note = caption()
        self.guardians = []
        for _ in range(GUARDIAN_SLOTS):
            name, relation, phone = line_edit(), line_edit(max_length=40), line_edit(max_length=40)
            self.guardians.append((Field(name), Field(relation), Field(phone)))
        self.form_error = QLabel()
        self.form_error.setObjectName("error")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()

        grid = QGridLayout()
        grid.setHorizontalSpacing(2 * GRID)
        grid.setVerticalSpacing(2 * GRID)
        grid.addWidget(self.family_field, 0, 0)
        grid.addWidget(self.given_field, 0, 1)
        grid.addWidget(self.hetu_field, 1, 0)
        grid.addWidget(self.birth_field, 1, 1)
        grid.addWidget(self.no_hetu, 2, 0, 1, 2)
        grid.addWidget(self.language_field, 3, 0)
        grid.addWidget(self.school_field, 3, 1)
        grid.addWidget(self.phone_field, 4, 0)
        grid.addWidget(self.reference_sex_field, 4, 1)
        grid.addWidget(self.non_disclosure, 5, 0, 1, 2)
        grid.addWidget(self.guardian_title, 6, 0, 1, 2)
        grid.addWidget(self.guardian_note, 7, 0, 1, 2)
        row = 8
        for name_field, relation_field, phone_field in self.guardians:
            line = QHBoxLayout()
            line.setSpacing(2 * GRID)
            line.addWidget(name_field, 2)
            line.addWidget(relation_field, 1)
            line.addWidget(phone_field, 1)
            grid.addLayout(line, row, 0, 1, 2)
            row += 1

        form = QWidget()
        form.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: focus scrolls what it reaches
        scroll.setWidget(form)

        buttons = QHBoxLayout()
        buttons.addWidget(self.form_error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.hetu.textChanged.connect(self._hetu_changed)
        self.hetu.editingFinished.connect(self._check_hetu)
        self.no_hetu.toggled.connect(self._no_hetu_toggled)
        self.birth.textChanged.connect(self._update_guardians)
        self.family.editingFinished.connect(lambda: self._check_name(self.family_field))
        self.given.editingFinished.connect(lambda: self._check_name(self.given_field))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

        self.retranslate()
        if client is not None:
            self._load(client)
        self._update_guardians()
        self.family.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Client"))
        self.heading.setText(self.tr("New client") if self.client is None else self.tr("Edit client"))
        self.family_field.set_text(self.tr("&Family name"), required=True)
        self.given_field.set_text(self.tr("&Given names"), required=True)
        self.hetu_field.set_text(self.tr("&Identity code"), self.tr("For example 131052-308T"))
        self.no_hetu.setText(self.tr("&No identity code (Askel creates a local ID)"))
        self.birth_field.set_text(self.tr("&Birth date"), self.tr("Day.month.year, for example 5.3.2012"))
        self.language_field.set_text(self.tr("Client's &language"),
                                     self.tr("Questionnaires and client texts use this language."))
        current = self.language.currentData() or ui_language()  # a new client: the clinician's language
        self.language.clear()
        for code in ("fi", "sv"):
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(0 if current == "fi" else 1)
        self.school_field.set_text(self.tr("&School or unit"))
        self.phone_field.set_text(self.tr("&Phone"))
        self.non_disclosure.setText(self.tr("Non-disclosure for personal safety (turvakielto)"))
        self.reference_sex_field.set_text(
            self.tr("Sex for reference values (optional)"),
            self.tr("Only for questionnaire limits that differ by sex, such as AUDIT-C. Never read from the identity "
                    "code."))
        current_sex = self.reference_sex.currentData()
        self.reference_sex.clear()
        for code, text in ((None, self.tr("Not recorded")), ("female", self.tr("Female")), ("male", self.tr("Male"))):
            self.reference_sex.addItem(text, code)
        self.reference_sex.setCurrentIndex(max(self.reference_sex.findData(current_sex), 0))
        self.guardian_title.setText(self.tr("Guardians"))
        self.guardian_note.setText(self.tr("For a client under 18. Leave empty if not needed."))
        for number, (name_field, relation_field, phone_field) in enumerate(self.guardians, start=1):
            name_field.set_text(self.tr("Guardian {number}").format(number=number))
            relation_field.set_text(self.tr("Relation"))
            phone_field.set_text(self.tr("Phone"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- behaviour -----------------------------------------------------------------------------------------------
    def _load(self, client) -> None:
        self.family.setText(client.family_name)
        self.given.setText(client.given_names)
        if client.hetu:
            self.hetu.setText(client.hetu)
        else:
            self.no_hetu.setChecked(True)
            self.birth.setText(format_date(client.birth_date))
        self.language.setCurrentIndex(0 if client.language == "fi" else 1)
        self.school.setText(client.school_or_unit or "")
        self.phone.setText(client.phone or "")
        self.non_disclosure.setChecked(client.non_disclosure)
        self.reference_sex.setCurrentIndex(max(self.reference_sex.findData(client.reference_sex), 0))
        for guardian, (name_field, relation_field, phone_field) in zip(client.guardians, self.guardians,
                                                                       strict=False):
            name_field.editor.setText(guardian.name)
            relation_field.editor.setText(guardian.relation or "")
            phone_field.editor.setText(guardian.phone or "")

    def _hetu_changed(self, text: str) -> None:
        # The birth date follows the identity code; a valid code fills it in at once.
        self.hetu_field.set_error("")
        if hetu.is_valid(text, today=self.today):
            self.birth.setText(format_date(hetu.parse(text, today=self.today).birth_date))

    def _check_hetu(self) -> bool:
        if self.no_hetu.isChecked():
            return True
        try:
            hetu.parse(self.hetu.text(), today=self.today)
        except hetu.HetuError as error:
            self.hetu_field.set_error(translate(error.message))
            return False
        self.hetu_field.set_error("")
        return True

    def _no_hetu_toggled(self, checked: bool) -> None:
        self.hetu.setEnabled(not checked)
        self.birth.setReadOnly(not checked)
        if checked:
            self.hetu.clear()
            self.hetu_field.set_error("")
            self.birth.setFocus()
        self._update_guardians()

    def _check_name(self, field: Field) -> str | None:
        try:
            value = validation.person_name(field.editor.text())
        except validation.ValidationError as error:
            field.set_error(translate(error.message))
            return None
        field.set_error("")
        return value

    def _birth_date(self) -> date | None:
        try:
            value = validation.birth_date(self.birth.text(), self.today)
        except validation.ValidationError as error:
            self.birth_field.set_error(translate(error.message))
            return None
        self.birth_field.set_error("")
        return value

    def _update_guardians(self) -> None:
        try:
            minor = age_on(validation.birth_date(self.birth.text(), self.today), self.today) < 18
        except validation.ValidationError:
            minor = False
        has_guardians = any(f[0].editor.text() for f in self.guardians)
        for widget in (self.guardian_title, self.guardian_note):
            widget.setVisible(minor or has_guardians)
        for fields in self.guardians:
            for field in fields:
                field.setVisible(minor or has_guardians)

    def collect(self) -> ClientData | None:
        """The form's values, or None after marking each problem beside its field."""
        family = self._check_name(self.family_field)
        given = self._check_name(self.given_field)
        hetu_ok = self._check_hetu()
        if not self.no_hetu.isChecked() and not self.hetu.text().strip():
            self.hetu_field.set_error(self.tr("Enter the identity code, or tick “No identity code”."))
            hetu_ok = False
        birth = self._birth_date() if self.no_hetu.isChecked() else None
        if hetu_ok and not self.no_hetu.isChecked():
            birth = hetu.parse(self.hetu.text(), today=self.today).birth_date
        try:
            school = validation.free_text(self.school.text(), validation.TEXT_LIMITS["school"])
        except validation.ValidationError as error:
            self.school_field.set_error(translate(error.message))
            school = None
        guardians = []
        guardians_ok = True
        for name_field, relation_field, phone_field in self.guardians:
            if not name_field.editor.text().strip():
                continue
            name = self._check_name(name_field)
            guardians_ok &= name is not None
            guardians.append(GuardianData(name or "", relation_field.editor.text(), phone_field.editor.text()))
        if None in (family, given, birth, school) or not hetu_ok or not guardians_ok:
            return None
        return ClientData(
            given_names=given, family_name=family, birth_date=birth,
            hetu=None if self.no_hetu.isChecked() else hetu.parse(self.hetu.text(), today=self.today).code,
            language=self.language.currentData(), school_or_unit=school, phone=self.phone.text(),
            non_disclosure=self.non_disclosure.isChecked(), guardians=guardians,
            reference_sex=self.reference_sex.currentData(),
        )

    def save(self) -> None:
        data = self.collect()
        if data is None:
            self._show_form_error(self.tr("Check the marked fields."))
            return
        try:
            if self.client is None:
                self.saved_client = add_client(self.vault, data)
            else:
                self.saved_client = update_client(self.vault, self.client.id, data)
        except DuplicateHetu:
            self.hetu_field.set_error(self.tr("Another client already has this identity code."))
            self._show_form_error(self.tr("Check the marked fields."))
            return
        self.accept()

    def _show_form_error(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.setVisible(bool(text))
        if text:
            # The keyboard goes to the first marked field, whose description is its error; the summary is said.
            field = next((f for f in self.findChildren(Field) if f.has_error() and f.isVisibleTo(self)), None)
            if field is not None:
                field.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            announce(self.form_error, text, urgent=True)
