"""Handing a client over to a colleague: give (from the client page), receive (from the client list), and read the
colleague's receipt (from the client page, when the copy here is to be removed).

Everything goes through `askel.export.handover`, which logs each step at both ends. The slow parts (Argon2id of the
code, writing the file, the import) run off the UI thread. The code is shown once on the last page of the give
dialog, in Finnish and in Swedish (the same code: either may be typed back), and is never stored.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from askel.core.atomic import atomic_write
from askel.core.content.library import ContentNotFound
from askel.core.handover_code import CodeError
from askel.core.hetu import mask
from askel.export import handover
from askel.export.handover import day
from askel.store.errors import VaultError
from askel.store.vault import DataFolder
from askel.ui.i18n import format_date, translate, ui_language
from askel.ui.theme import GRID
from askel.ui.widgets import Field, caption, dialog_layout, lead, line_edit, title
from askel.ui.workers import run_in_background

MAX_READ_BYTES = handover.MAX_FILE_BYTES
CODE_REASONS = ("wrong_code", "throttled")


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or str(Path.home()))


def _method_name(library, method_id: str, version: str) -> str:
    try:
        return library.protocol(method_id, version).short_name.get(ui_language()) or method_id
    except ContentNotFound:
        return method_id


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _fit(dialog: QDialog, width: int) -> None:
    """As wide as `width` (or what the content needs) and as tall as the content, within the screen: a step of the
    dialog is read in one look, and only a large text size on a small screen makes it scroll."""
    hint = dialog.sizeHint()
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(max(hint.width(), width), screen.width()),
                  min(max(hint.height(), 84 * GRID), int(screen.height() * 0.92)))


def _pages(*pages: QWidget) -> QStackedWidget:
    stack = QStackedWidget()
    for page in pages:
        stack.addWidget(page)
    return stack


def _page() -> tuple[QWidget, QVBoxLayout]:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2 * GRID)
    return page, layout


# -- giving ------------------------------------------------------------------------------------------------------
class GiveHandoverDialog(QDialog):
    """Choose the courses, name the colleague, keep or remove; write the file; show the code once."""

    given = Signal()

    def __init__(self, vault, context, client, marks: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.context, self.client = vault, context, client
        self.busy = False
        self.written: Path | None = None
        self.handed = None
        self.setModal(True)
        self.heading = title()
        self.intro = lead()

        self.course_label = QLabel()
        self.course_boxes: list[tuple[QCheckBox, object]] = []
        courses = sorted((c for c in client.courses if c.id not in marks), key=lambda c: c.created_at, reverse=True)
        boxes = QVBoxLayout()
        boxes.setSpacing(GRID)
        for course in courses:
            box = QCheckBox()
            box.setChecked(True)
            self.course_boxes.append((box, course))
            boxes.addWidget(box)
        self.receiver = line_edit(max_length=100)
        self.receiver_field = Field(self.receiver)
        self.mode_label = QLabel()
        self.keep_radio = QRadioButton()
        self.remove_radio = QRadioButton()
        self.keep_radio.setChecked(True)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.keep_radio)
        self.modes.addButton(self.remove_radio)
        self.mode_hint = caption()
        self.error = _error_label()

        form, form_layout = _page()
        form_layout.addWidget(self.intro)
        form_layout.addWidget(self.course_label)
        form_layout.addLayout(boxes)
        form_layout.addWidget(self.receiver_field)
        form_layout.addWidget(self.mode_label)
        form_layout.addWidget(self.keep_radio)
        form_layout.addWidget(self.remove_radio)
        form_layout.addWidget(self.mode_hint)
        form_layout.addWidget(self.error)
        form_layout.addStretch()

        self.saved = QLabel()
        self.saved.setObjectName("ok")
        self.saved.setWordWrap(True)
        self.code_title = QLabel()
        self.code_title.setObjectName("section")
        self.code_fi_label = caption()
        self.code_fi = title()
        self.code_sv_label = caption()
        self.code_sv = title()
        for label in (self.code_fi, self.code_sv, self.saved):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_warning = QLabel()
        self.code_warning.setObjectName("notice")
        self.code_warning.setWordWrap(True)
        self.next_steps = lead()
        done, done_layout = _page()
        for widget in (self.saved, self.code_title, self.code_fi_label, self.code_fi, self.code_sv_label,
                       self.code_sv, self.code_warning, self.next_steps):
            done_layout.addWidget(widget)
        done_layout.addStretch()
        self.pages = _pages(form, done)

        self.cancel_button = QPushButton()
        self.give_button = QPushButton()
        self.give_button.setObjectName("primary")
        self.give_button.setDefault(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("primary")
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.give_button)
        buttons.addWidget(self.close_button)
        body = QVBoxLayout()
        body.addWidget(self.pages)
        dialog_layout(self, self.heading, body, buttons, min_width=70 * GRID)

        self.cancel_button.clicked.connect(self.reject)
        self.give_button.clicked.connect(self.give)
        self.close_button.clicked.connect(self.accept)
        self.remove_radio.toggled.connect(lambda _on: self._update_mode_hint())
        self.receiver.textChanged.connect(lambda _text: self._update_mode_hint())
        self.retranslate()
        _fit(self, 84 * GRID)

    def retranslate(self) -> None:
        client = self.client
        self.setWindowTitle(self.tr("Hand over to a colleague"))
        self.heading.setText(self.tr("Hand over {name} to a colleague").format(
            name=f"{client.given_names} {client.family_name}"))
        self.intro.setText(self.tr(
            "Askel writes one encrypted file with the chosen courses, their sessions, notes, homework and "
            "questionnaires, and the client's details. Your colleague opens it in their own Askel with a six-word "
            "code that is shown here once."))
        self.course_label.setText(self.tr("Courses to hand over"))
        for box, course in self.course_boxes:
            since = format_date(course.start_date or course.need_established)
            box.setText(_method_name(self.context.library, course.method_id, course.protocol_version)
                        + (f" · {since}" if since else ""))
        self.receiver_field.set_text(self.tr("&Colleague who receives the client"),
                                     self.tr("Their name, as it should appear in both logs."))
        self.mode_label.setText(self.tr("Here, after the handover"))
        self.keep_radio.setText(self.tr("&Keep a read-only copy, marked as handed over"))
        self.remove_radio.setText(self.tr("&Remove the courses once the colleague's receipt arrives"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.give_button.setText(self.tr("&Write the handover file…"))
        self.close_button.setText(self.tr("Close"))
        self.code_title.setText(self.tr("Handover code"))
        self.code_fi_label.setText(self.tr("In Finnish"))
        self.code_sv_label.setText(self.tr("In Swedish (the same code)"))
        self._update_mode_hint()
        self._update_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _name(self) -> str:
        return " ".join(self.receiver.text().split()) or self.tr("your colleague")

    def _update_mode_hint(self) -> None:
        if self.remove_radio.isChecked():
            self.mode_hint.setText(self.tr(
                "{name}'s Askel writes a small receipt when the handover arrives. When you read it here (client "
                "page, Read the receipt), the courses are removed from this Askel.").format(name=self._name()))
        else:
            self.mode_hint.setText(self.tr(
                "The courses stay here for reference, marked as handed over to {name}; they can no longer be "
                "changed here.").format(name=self._name()))

    def chosen_courses(self) -> list[str]:
        return [course.id for box, course in self.course_boxes if box.isChecked()]

    def ask_save_path(self) -> Path | None:
        """Where to write the file, or None when the user cancelled (tests replace this)."""
        suggested = self.tr("askel-handover") + f"-{format_date(date.today())}{handover.SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the handover file"), str(_documents() / suggested))
        return Path(name) if name else None

    def give(self) -> None:
        if self.busy:
            return
        _show(self.error, "")
        self.receiver_field.set_error("")
        if not self.chosen_courses():
            _show(self.error, self.tr("Choose at least one course to hand over."))
            return
        if not self.receiver.text().strip():
            self.receiver_field.set_error(self.tr("Write the name of the colleague who receives the client."))
            self.receiver.setFocus()
            return
        path = self.ask_save_path()
        if path is None:
            return
        if not path.name.endswith(handover.SUFFIX):
            path = path.with_name(path.name + handover.SUFFIX)
        if Path(self.vault.folder.root).resolve() in path.resolve().parents:
            _show(self.error, self.tr("Choose a folder outside Askel's data folder."))
            return
        vault, context = self.vault, self.context
        client_id, courses = self.client.id, self.chosen_courses()
        receiver = self.receiver.text()
        mode = "remove" if self.remove_radio.isChecked() else "keep"

        def work():
            return handover.give(vault, context.library, DataFolder(context.data_dir).packs, client_id, courses,
                                 receiver_name=receiver, mode=mode, language=ui_language(),
                                 write=lambda data: atomic_write(path, data), destination=str(path),
                                 written_path=path)

        self._set_busy(True)
        self.written = path
        run_in_background(work, self._done, self._failed)

    def _done(self, result) -> None:
        self._set_busy(False)
        self.handed = result
        self.pages.setCurrentIndex(1)
        self.cancel_button.hide()
        self.give_button.hide()
        self.close_button.show()
        self.close_button.setFocus()
        self._update_result()
        self.given.emit()

    def _update_result(self) -> None:
        if self.handed is None:
            return
        name = self._name()
        self.saved.setText(self.tr("The handover file was saved as {file}.").format(file=self.written.name))
        self.code_fi.setText(self.handed.code.text("fi"))
        self.code_sv.setText(self.handed.code.text("sv"))
        self.code_fi.setAccessibleName(self.tr("Handover code in Finnish: {code}").format(
            code=self.handed.code.text("fi")))
        self.code_sv.setAccessibleName(self.tr("Handover code in Swedish: {code}").format(
            code=self.handed.code.text("sv")))
        self.code_warning.setText(self.tr(
            "Give the code to {name} in person or read it out on the phone, never in the same message as the file. "
            "It is not saved anywhere and is shown only now.").format(name=name))
        if self.remove_radio.isChecked():
            steps = self.tr("Send the file to {name} safely, for example on a USB stick or by secure e-mail. "
                            "When their receipt comes back, open this client and choose Read the receipt.")
        else:
            steps = self.tr("Send the file to {name} safely, for example on a USB stick or by secure e-mail. "
                            "The courses stay here read-only.")
        self.next_steps.setText(steps.format(name=name))

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        message = handover.describe(error)
        if message is not None:
            text = translate(message)
        elif isinstance(error, VaultError):
            text = translate(error.message)
        elif isinstance(error, OSError):
            text = self.tr("The file could not be written. Check that the folder exists and that you may write to "
                           "it. Nothing was handed over.")
        else:
            text = self.tr("The handover did not succeed. Nothing was handed over.")
        _show(self.error, text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.give_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy:
            super().reject()


# -- receiving ---------------------------------------------------------------------------------------------------
class ReceiveHandoverDialog(QDialog):
    """Choose the file, type the code, see what arrives and from whom, receive; save the receipt when one is due."""

    received = Signal(str)  # the client's id here

    def __init__(self, vault, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.context = vault, context
        self.busy = False
        self.path: Path | None = None
        self.offer = None
        self.outcome = None
        self.receipt: bytes | None = None
        self.setModal(True)
        self.heading = title()

        self.intro = lead()
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.choose_button = QPushButton()
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(self.choose_button)
        self.file_field = Field(file_row)
        self.file_field.label.setBuddy(self.choose_button)
        self.code = line_edit(max_length=200)
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.code_field = Field(self.code)
        self.error = _error_label()
        start, start_layout = _page()
        for widget in (self.intro, self.file_field, self.code_field, self.error):
            start_layout.addWidget(widget)
        start_layout.addStretch()

        self.preview_intro = lead()
        self.from_line = QLabel()
        self.client_line = QLabel()
        self.client_line.setObjectName("section")
        self.match = caption()
        self.courses = QLabel()
        self.dates = QLabel()
        self.packs = caption()
        self.mode = QLabel()
        self.mode.setObjectName("notice")
        for label in (self.from_line, self.client_line, self.courses, self.dates, self.mode):
            label.setWordWrap(True)
        self.preview_error = _error_label()
        preview, preview_layout = _page()
        for widget in (self.preview_intro, self.from_line, self.client_line, self.match, self.courses, self.dates,
                       self.packs, self.mode, self.preview_error):
            preview_layout.addWidget(widget)
        preview_layout.addStretch()

        self.result_label = QLabel()
        self.result_label.setObjectName("ok")
        self.result_label.setWordWrap(True)
        self.receipt_text = QLabel()
        self.receipt_text.setWordWrap(True)
        self.receipt_button = QPushButton()
        self.receipt_button.setObjectName("primary")
        self.receipt_saved = caption()
        self.done_error = _error_label()
        done, done_layout = _page()
        for widget in (self.result_label, self.receipt_text, self.receipt_button, self.receipt_saved, self.done_error):
            done_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft if widget is self.receipt_button
                                  else Qt.AlignmentFlag(0))
        done_layout.addStretch()
        self.pages = _pages(start, preview, done)

        self.cancel_button = QPushButton()
        self.open_button = QPushButton()
        self.open_button.setObjectName("primary")
        self.open_button.setDefault(True)
        self.decline_button = QPushButton()
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("primary")
        self.show_client_button = QPushButton()
        self.show_client_button.setObjectName("primary")
        self.close_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.cancel_button, self.open_button, self.decline_button, self.accept_button,
                       self.close_button, self.show_client_button):
            buttons.addWidget(button)
        body = QVBoxLayout()
        body.addWidget(self.pages)
        dialog_layout(self, self.heading, body, buttons, min_width=70 * GRID)

        self.choose_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.open_file)
        self.code.returnPressed.connect(self.open_file)
        self.decline_button.clicked.connect(self.decline)
        self.accept_button.clicked.connect(self.receive)
        self.receipt_button.clicked.connect(self.save_receipt)
        self.close_button.clicked.connect(self.accept)
        self.show_client_button.clicked.connect(self._show_client)
        self._show_page(0)
        self.retranslate()
        _fit(self, 84 * GRID)

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Receive a handover"))
        self.heading.setText(self.tr("Receive a client from a colleague"))
        self.intro.setText(self.tr(
            "Choose the handover file your colleague sent, and type the six-word code they gave you, in Finnish "
            "or in Swedish. Nothing is imported before you have seen what arrives."))
        self.file_field.set_text(self.tr("Handover &file"))
        self.choose_button.setText(self.tr("C&hoose…"))
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.code_field.set_text(self.tr("Handover &code"), self.tr("Six words, for example as they were read out "
                                                                     "to you; capital letters do not matter."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_button.setText(self.tr("&Open"))
        self.decline_button.setText(self.tr("Do &not receive"))
        self.accept_button.setText(self.tr("&Receive"))
        self.show_client_button.setText(self.tr("Open the &client"))
        self.close_button.setText(self.tr("Close"))
        self.receipt_button.setText(self.tr("&Save the receipt…"))
        self._fill_preview()
        self._fill_done()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.cancel_button.setVisible(index == 0)
        self.open_button.setVisible(index == 0)
        self.decline_button.setVisible(index == 1)
        self.accept_button.setVisible(index == 1)
        self.close_button.setVisible(index == 2)
        self.show_client_button.setVisible(index == 2 and self.outcome is not None)

    # -- step 1: the file and the code ---------------------------------------------------------------------------
    def ask_open_path(self) -> Path | None:
        """The handover file, or None when the user cancelled (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the handover file"), str(_documents()),
                                              self.tr("Handover files (*{suffix})").format(suffix=handover.SUFFIX)
                                              + ";;" + self.tr("All files (*)"))
        return Path(name) if name else None

    def choose_file(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self.set_file(path)
            self.code.setFocus()

    def set_file(self, path: Path) -> None:
        self.path = Path(path)
        self.file.setText(str(self.path))
        self.file_field.set_error("")

    def _read(self) -> bytes | None:
        try:
            with open(self.path, "rb") as stream:
                return stream.read(MAX_READ_BYTES + 1)
        except OSError:
            self.file_field.set_error(self.tr("The file could not be read. Check that it still exists."))
            return None

    def open_file(self) -> None:
        if self.busy or self.pages.currentIndex() != 0:
            return
        _show(self.error, "")
        self.file_field.set_error("")
        self.code_field.set_error("")
        if self.path is None:
            self.file_field.set_error(self.tr("Choose the handover file first."))
            return
        data = self._read()
        if data is None:
            return
        vault, context, typed = self.vault, self.context, self.code.text()

        def work():
            return handover.open_handover(vault, data, typed, library=context.library,
                                          trusted_keys=context.trusted_pack_keys, language=ui_language())

        self._data = data
        self._set_busy(True)
        run_in_background(work, self._opened, self._refused)

    def _opened(self, offer) -> None:
        self._set_busy(False)
        self.offer = offer
        self._fill_preview()
        self._show_page(1)
        self.accept_button.setFocus()

    def _refused(self, error: Exception) -> None:
        self._set_busy(False)
        reason = getattr(error, "reason", "")
        message = handover.describe(error)
        text = translate(message) if message is not None else self.tr(
            "The handover could not be opened. Nothing was imported.")
        if isinstance(error, CodeError) or reason in CODE_REASONS:
            self.code_field.set_error(text)
            self.code.setFocus()
            self.code.selectAll()
            return
        _show(self.error, text)
        if reason == "received_twice":
            self.receipt = handover.receipt_again(self.vault, self._data)
            if self.receipt is not None:  # the receipt may not have reached the giver: it can be saved again
                self.outcome = None
                self._fill_done(again=True)
                self._show_page(2)

    # -- step 2: what arrives ------------------------------------------------------------------------------------
    def _fill_preview(self) -> None:
        offer = self.offer
        if offer is None:
            return
        giver, client = offer.giver, offer.client
        self.preview_intro.setText(self.tr("Check that this is the client you expect. Nothing is imported until "
                                           "you choose Receive."))
        self.from_line.setText(self.tr("From {name}, written {date} (installation {installation})").format(
            name=giver.get("name", ""), date=format_date(day(offer.created)),
            installation=offer.sealed.installation[:8]))
        code = client.get("hetu")
        self.client_line.setText(self.tr("{name}, born {date} · {code}").format(
            name=f"{client.get('given_names', '')} {client.get('family_name', '')}",
            date=format_date(day(client.get("birth_date"))),
            code=mask(code) if code else client.get("local_id", "")))
        self.match.setText({
            "new": self.tr("A new client in your Askel."),
            "matched": self.tr("Already in your client list: the courses are added, the details you have are kept."),
            "returning": self.tr("Handed over from here before: what comes back replaces the read-only copy here."),
        }[offer.plan.client_state])
        lines = []
        for course in offer.courses():
            name = _method_name(self.context.library, course.method_id, course.protocol_version)
            lines.append("• " + self.tr("{method} ({first}–{last}): {sessions} sessions, {questionnaires} "
                                        "questionnaires").format(
                method=name, first=format_date(course.first) or "–", last=format_date(course.last) or "–",
                sessions=course.sessions, questionnaires=course.questionnaires))
        self.courses.setText("\n".join(lines))
        first, last = offer.date_range()
        self.dates.setText(self.tr("Dates from {first} to {last}").format(first=format_date(first) or "–",
                                                                          last=format_date(last) or "–"))
        self.packs.setText(self.tr("Content packs that come with it: {packs}").format(
            packs=", ".join(f"{p['id']} {p['version']}" for p in offer.packs)))
        self.packs.setVisible(bool(offer.packs))
        if offer.mode == "remove":
            self.mode.setText(self.tr("{name} removes the client from their Askel once your receipt reaches them. "
                                      "You will save the receipt after receiving.").format(name=giver.get("name")))
        else:
            self.mode.setText(self.tr("{name} keeps a read-only copy, marked as handed over to {receiver}.").format(
                name=giver.get("name"), receiver=offer.receiver_name))

    def decline(self) -> None:
        if self.busy:
            return
        if self.offer is not None:
            handover.decline(self.vault, self.offer, language=ui_language())
        self.reject()

    def receive(self) -> None:
        if self.busy or self.offer is None:
            return
        vault, context, offer = self.vault, self.context, self.offer

        def work():
            return handover.accept(vault, offer, packs_dir=DataFolder(context.data_dir).packs,
                                   trusted_keys=context.trusted_pack_keys, language=ui_language())

        self._set_busy(True)
        run_in_background(work, self._received, self._receive_failed)

    def _received(self, done) -> None:
        self._set_busy(False)
        self.outcome = done
        self.receipt = done.receipt
        if self.offer.packs:
            self.context._library = None  # read the content again, with the packs just installed
        self._fill_done()
        self._show_page(2)
        (self.receipt_button if self.receipt else self.show_client_button).setFocus()
        self.received.emit(done.client_id)

    def _receive_failed(self, error: Exception) -> None:
        self._set_busy(False)
        message = handover.describe(error)
        if message is None and isinstance(error, VaultError):
            message = error.message
        _show(self.preview_error, translate(message) if message is not None else self.tr(
            "The handover could not be received. Nothing was imported."))

    # -- step 3: done, and the receipt ---------------------------------------------------------------------------
    def _fill_done(self, again: bool = False) -> None:
        if self.outcome is not None:
            self.result_label.setText(self.tr("Received from {name}. The client is now in your client list.").format(
                name=self.outcome.giver_name))
            self.result_label.show()
        else:
            self.result_label.hide()
        giver = self.offer.giver.get("name", "") if self.offer is not None else ""
        if self.receipt is not None:
            self.receipt_text.setText(self.tr(
                "Save the receipt and send it to {name}: their Askel removes its copy only when it reads the "
                "receipt. It holds no client data.").format(name=giver) if giver else self.tr(
                "Save the receipt again and send it to the colleague who gave the handover. It holds no client "
                "data."))
        self.receipt_text.setVisible(self.receipt is not None)
        self.receipt_button.setVisible(self.receipt is not None)

    def ask_receipt_path(self) -> Path | None:
        """Where to save the receipt, or None when the user cancelled (tests replace this)."""
        folder = self.path.parent if self.path is not None else _documents()
        stem = self.path.name.removesuffix(handover.SUFFIX) if self.path is not None else "askel"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the receipt"),
                                              str(folder / (stem + handover.RECEIPT_SUFFIX)))
        return Path(name) if name else None

    def save_receipt(self) -> None:
        if self.receipt is None:
            return
        path = self.ask_receipt_path()
        if path is None:
            return
        try:
            atomic_write(path, self.receipt, mode=0o644)
        except OSError:
            _show(self.done_error, self.tr("The receipt could not be saved there. Choose another folder."))
            return
        _show(self.done_error, "")
        self.receipt_saved.setText(self.tr("Receipt saved as {file}.").format(file=path.name))

    def _show_client(self) -> None:
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.open_button, self.accept_button, self.decline_button, self.cancel_button,
                       self.choose_button):
            button.setEnabled(not busy)

    def reject(self) -> None:
        if self.busy:
            return
        if self.pages.currentIndex() == 1 and self.offer is not None and self.outcome is None:
            handover.decline(self.vault, self.offer, language=ui_language())
            self.offer = None
        super().reject()


# -- the giver reads the receipt -------------------------------------------------------------------------------
class ReceiptDialog(QDialog):
    """The giver reads the colleague's receipt: the handed-over courses are removed from here."""

    def __init__(self, vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.confirmed = None
        self.setModal(True)
        self.heading = title()
        self.intro = lead()
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("primary")
        self.result_label = QLabel()
        self.result_label.setObjectName("ok")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.error = _error_label()
        self.close_button = QPushButton()
        body = QVBoxLayout()
        for widget in (self.intro, self.result_label, self.error):
            body.addWidget(widget)
        body.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.choose_button)
        dialog_layout(self, self.heading, body, buttons, min_width=60 * GRID)
        self.choose_button.clicked.connect(self.choose)
        self.close_button.clicked.connect(self.accept)
        self.retranslate()
        self.resize(max(self.sizeHint().width(), 72 * GRID), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Read the receipt"))
        self.heading.setText(self.tr("Read the colleague's receipt"))
        self.intro.setText(self.tr("When your colleague has received the handover, their Askel writes a receipt. "
                                   "Reading it here removes the handed-over courses from this Askel."))
        self.choose_button.setText(self.tr("&Choose the receipt…"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def ask_open_path(self) -> Path | None:
        """The receipt file, or None when the user cancelled (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the receipt"), str(_documents()),
            self.tr("Receipts (*{suffix})").format(suffix=handover.RECEIPT_SUFFIX) + ";;" + self.tr("All files (*)"))
        return Path(name) if name else None

    def choose(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        _show(self.error, "")
        try:
            with open(path, "rb") as stream:
                data = stream.read(handover.MAX_RECEIPT_BYTES + 1)
            self.confirmed = handover.confirm_receipt(self.vault, data, language=ui_language())
        except OSError:
            _show(self.error, self.tr("The file could not be read. Check that it still exists."))
            return
        except handover.HandoverRefused as error:
            _show(self.error, translate(error.message))
            return
        done = self.confirmed
        text = self.tr("Receipt from {name} read: {count} courses removed from here.").format(
            name=done.receiver_name, count=len(done.removed_courses))
        if done.client_removed:
            text += " " + self.tr("The client had no other courses and was removed too.")
        self.result_label.setText(text)
        self.result_label.show()
        self.choose_button.hide()
        self.close_button.setObjectName("primary")
        self.close_button.setFocus()
