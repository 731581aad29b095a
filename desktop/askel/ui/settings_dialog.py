"""Settings: language, automatic locking, remembering on this computer, your profile for the record, the passphrase.

A setting locked by the organisation's IT is shown with its value, disabled, and a note saying so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from askel.core import validation
from askel.core.settings import REGISTRY, SettingLockedError, SettingValueError
from askel.store.clinician import profile, update_profile
from askel.store.errors import VaultError, WrongPassphrase
from askel.store.models import ROLES
from askel.store.vault import keyring_available
from askel.ui.i18n import translate
from askel.ui.roles import role_name
from askel.ui.theme import GRID
from askel.ui.widgets import Card, Field, caption, dialog_layout, line_edit, set_busy, title
from askel.ui.workers import run_in_background


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    auto_lock_changed = Signal(int)
    text_size_changed = Signal(int)

    def __init__(self, settings, vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.vault = vault
        self.setModal(True)

        self.heading = title()
        self.language = QComboBox()
        self.language.addItem("Suomi", "fi")
        self.language.addItem("Svenska", "sv")
        self.language_field = Field(self.language)
        self.text_size = QComboBox()
        for size in REGISTRY["text_size"].choices:
            self.text_size.addItem(f"{size} %", int(size))
        self.text_size_field = Field(self.text_size)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(1, 120)
        self.auto_lock_field = Field(self.auto_lock)
        self.remember = QCheckBox()
        self.remember_note = caption()

        # Your profile for the patient record: role (it chooses the record headings), title, Terhikki number.
        self.profile_title = QLabel()
        self.profile_title.setObjectName("section")
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem("", role)
        self.role_field = Field(self.role)
        self.professional_title = line_edit(max_length=validation.TEXT_LIMITS["professional_title"])
        self.professional_title_field = Field(self.professional_title)
        self.terhikki = line_edit(max_length=16)
        self.terhikki_field = Field(self.terhikki)
        self.profile_button = QPushButton()
        self.profile_status = QLabel()
        self.profile_status.setObjectName("caption")
        self.profile_status.setWordWrap(True)

        self.old_passphrase = line_edit(password=True, max_length=1024)
        self.old_field = Field(self.old_passphrase)
        self.new_passphrase = line_edit(password=True, max_length=1024)
        self.new_field = Field(self.new_passphrase)
        self.repeat_passphrase = line_edit(password=True, max_length=1024)
        self.repeat_field = Field(self.repeat_passphrase)
        self.change_button = QPushButton()
        self.passphrase_title = QLabel()
        self.passphrase_title.setObjectName("section")
        self.passphrase_status = QLabel()
        self.passphrase_status.setObjectName("caption")
        self.general_title = QLabel()
        self.general_title.setObjectName("section")
        self.close_button = QPushButton()
        self.close_button.setObjectName("primary")
        self.about_button = QPushButton()

        general = Card()
        general.body.addWidget(self.general_title)
        general.body.addWidget(self.language_field)
        general.body.addWidget(self.text_size_field)
        general.body.addWidget(self.auto_lock_field)
        general.body.addWidget(self.remember)
        general.body.addWidget(self.remember_note)
        profile = Card()
        profile.body.addWidget(self.profile_title)
        profile.body.addWidget(self.role_field)
        profile.body.addWidget(self.professional_title_field)
        profile.body.addWidget(self.terhikki_field)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_status, 1)
        profile_row.addWidget(self.profile_button)
        profile.body.addLayout(profile_row)
        passphrase = Card()
        passphrase.body.addWidget(self.passphrase_title)
        passphrase.body.addWidget(self.old_field)
        passphrase.body.addWidget(self.new_field)
        passphrase.body.addWidget(self.repeat_field)
        row = QHBoxLayout()
        row.addWidget(self.passphrase_status, 1)
        row.addWidget(self.change_button)
        passphrase.body.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.about_button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        body = QVBoxLayout()
        body.addWidget(general)
        body.addWidget(profile)
        body.addWidget(passphrase)
        body.addStretch()
        dialog_layout(self, self.heading, body, buttons, min_width=70 * GRID)

        self._load()
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.text_size.currentIndexChanged.connect(self._text_size_chosen)
        self.auto_lock.valueChanged.connect(self._auto_lock_chosen)
        self.remember.toggled.connect(self._remember_toggled)
        self.changing = False  # a passphrase change is running in the background
        self.change_button.clicked.connect(self.change_passphrase)
        self.profile_button.clicked.connect(self.save_profile)
        self.close_button.clicked.connect(self.accept)
        self.about_button.clicked.connect(self.show_about)
        self.retranslate()

    def _load(self) -> None:
        self.language.setCurrentIndex(0 if self.settings.get("language") == "fi" else 1)
        self.auto_lock.setValue(int(self.settings.get("auto_lock_minutes")))
        self.remember.setChecked(self.vault.is_remembered())
        self.language.setEnabled(not self.settings.is_locked("language"))
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(int(self.settings.get("text_size")))))
        self.text_size.setEnabled(not self.settings.is_locked("text_size"))
        self.auto_lock.setEnabled(not self.settings.is_locked("auto_lock_minutes"))
        remember_possible = bool(self.settings.get("remember_allowed")) and keyring_available()
        self.remember.setEnabled(remember_possible or self.vault.is_remembered())
        clinician = profile(self.vault)
        self.role.setCurrentIndex(max(0, self.role.findData(clinician.role)))
        self.professional_title.setText(clinician.title or "")
        self.terhikki.setText(clinician.terhikki or "")

    def retranslate(self) -> None:
        locked = self.tr("Set by your organisation's IT: cannot be changed here.")
        self.setWindowTitle(self.tr("Settings"))
        self.heading.setText(self.tr("Settings"))
        self.general_title.setText(self.tr("General"))
        self.language_field.set_text(self.tr("&Language of the program"),
                                     locked if self.settings.is_locked("language") else "")
        self.text_size_field.set_text(self.tr("&Text size"), locked if self.settings.is_locked("text_size") else "")
        self.auto_lock_field.set_text(
            self.tr("&Lock automatically after this many minutes without use"),
            locked if self.settings.is_locked("auto_lock_minutes") else "",
        )
        self.auto_lock.setSuffix(self.tr(" min"))
        self.remember.setText(self.tr("Remember on this computer (open without the passphrase)"))
        if not self.settings.get("remember_allowed"):
            self.remember_note.setText(self.tr("Your organisation does not allow remembering the passphrase."))
        elif not keyring_available():
            self.remember_note.setText(self.tr("This computer has no secure key storage for remembering."))
        else:
            self.remember_note.setText(self.tr("Only on a computer that you alone use with your own account."))
        self.profile_title.setText(self.tr("You in the patient record"))
        for index, role in enumerate(ROLES):
            self.role.setItemText(index, role_name(role))
        self.role_field.set_text(self.tr("R&ole"), self.tr("Chooses the headings of your record entries."))
        self.professional_title_field.set_text(
            self.tr("Professional t&itle"),
            self.tr("As it should read in the patient record, for example sairaanhoitaja (AMK)."))
        self.terhikki_field.set_text(self.tr("Terhikki registration n&umber"),
                                     self.tr("11 digits, from Valvira's register of health care professionals."))
        self.profile_button.setText(self.tr("Save profile"))
        self.passphrase_title.setText(self.tr("Change passphrase"))
        self.old_field.set_text(self.tr("&Current passphrase"))
        self.new_field.set_text(self.tr("&New passphrase"), self.tr("At least 10 characters."))
        self.repeat_field.set_text(self.tr("&Repeat the new passphrase"))
        self.change_button.setText(self.tr("Change passphrase"))
        self.close_button.setText(self.tr("Close"))
        self.about_button.setText(self.tr("&About Askel…"))

    def show_about(self) -> None:
        from askel.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self) -> None:
        language = self.language.currentData()
        if self._store("language", language):
            self.language_changed.emit(language)

    def _text_size_chosen(self) -> None:
        size = self.text_size.currentData()
        if self._store("text_size", str(size)):
            self.text_size_changed.emit(size)

    def _auto_lock_chosen(self, minutes: int) -> None:
        if self._store("auto_lock_minutes", minutes):
            self.auto_lock_changed.emit(minutes)

    def _store(self, key: str, value) -> bool:
        try:
            self.settings.set(key, value)
        except (SettingLockedError, SettingValueError) as error:
            self.remember_note.setText(translate(error.message))
            self._load()
            return False
        return True

    def _remember_toggled(self, checked: bool) -> None:
        if checked == self.vault.is_remembered():
            return
        try:
            self.vault.set_remembered(checked)
        except VaultError as error:
            self.remember_note.setText(translate(error.message))
            self.remember.blockSignals(True)
            self.remember.setChecked(self.vault.is_remembered())
            self.remember.blockSignals(False)

    def save_profile(self) -> None:
        """Check the title and the number, then store them with the role (one use-log entry)."""
        self.profile_status.setText("")
        values = {}
        for name, field, check in (("title", self.professional_title_field, validation.professional_title),
                                   ("terhikki", self.terhikki_field, validation.terhikki_number)):
            try:
                values[name] = check(field.editor.text())
            except validation.ValidationError as error:
                field.set_error(translate(error.message))
            else:
                field.set_error("")
        if len(values) < 2:
            return
        try:
            update_profile(self.vault, role=self.role.currentData(), **values)
        except VaultError as error:
            self.profile_status.setText(translate(error.message))
            return
        self.professional_title.setText(values["title"])
        self.terhikki.setText(values["terhikki"])
        self.profile_status.setText(self.tr("Saved. New exports use it."))

    def change_passphrase(self) -> None:
        if self.changing:
            return
        for field in (self.old_field, self.new_field, self.repeat_field):
            field.set_error("")
        self.passphrase_status.setText("")
        blocking = [p for p in validation.passphrase_strength(
            self.new_passphrase.text(), int(self.settings.get("passphrase_min_strength"))) if p.blocking]
        if blocking:
            self.new_field.set_error(" ".join(translate(p.message) for p in blocking))
            return
        if self.repeat_passphrase.text() != self.new_passphrase.text():
            self.repeat_field.set_error(self.tr("The passphrases are not the same."))
            return
        old, new = self.old_passphrase.text(), self.new_passphrase.text()
        self.changing = True
        set_busy((self.change_button,), True)
        self.passphrase_status.setText(self.tr("Changing…"))
        # Two Argon2id runs: off the UI thread.
        run_in_background(lambda: self.vault.change_passphrase(old, new), self._changed, self._change_failed)

    def _changed(self, _result) -> None:
        self.changing = False
        set_busy((self.change_button,), False)
        for editor in (self.old_passphrase, self.new_passphrase, self.repeat_passphrase):
            editor.clear()
        self.passphrase_status.setText(self.tr("Passphrase changed. Use the new one from now on."))

    def _change_failed(self, error: Exception) -> None:
        self.changing = False
        set_busy((self.change_button,), False)
        self.passphrase_status.setText("")
        if isinstance(error, WrongPassphrase):
            self.old_field.set_error(self.tr("The current passphrase is not correct."))
        elif isinstance(error, VaultError):
            self.passphrase_status.setText(translate(error.message))
        else:
            self.passphrase_status.setText(self.tr("The passphrase could not be changed."))
