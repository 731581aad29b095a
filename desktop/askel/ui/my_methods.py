"""My methods: what the clinician is trained in, training for, or mentoring others in.

The method picker lists trained methods first and marks the others; nothing here limits what she may record.
Each method shows how many of her courses in it have started, been completed and been interrupted: a clinician in
training counts her mentored cases this way, and prepares a case summary for her mentor from a course page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from askel.core import validation
from askel.store.clinician import METHOD_STATUSES, my_methods, set_method
from askel.store.courses import CaseCounts, case_counts_by_method
from askel.ui.accessibility import announce
from askel.ui.i18n import format_date, translate, ui_language
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, caption, lead, title


class MyMethodsPage(QWidget):
    def __init__(self, vault, library, parent: QWidget | None = None):
        super().__init__(parent)
        styled_page(self)
        self.vault = vault
        self.protocols = sorted(library.protocols(), key=lambda p: p.name.get(ui_language()))
        self.heading = title()
        self.explanation = lead()
        self.card = Card()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(3 * GRID)
        self.grid.setVerticalSpacing(GRID)
        self.card.body.addLayout(self.grid)
        self.name_header, self.status_header, self.since_header = QLabel(), QLabel(), QLabel()
        for column, header in enumerate((self.name_header, self.status_header, self.since_header)):
            header.setObjectName("section")
            self.grid.addWidget(header, 0, column)
        self.names: list[QLabel] = []
        self.statuses: list[QComboBox] = []
        self.sinces: list[QLineEdit] = []
        self.errors: list[QLabel] = []
        self.course_counts: list[QLabel] = []  # started · completed · interrupted, under each method's name
        recorded = my_methods(vault)
        self.counts = case_counts_by_method(vault)
        for row, protocol in enumerate(self.protocols, start=1):
            name, status, since, error = QLabel(), QComboBox(), QLineEdit(), QLabel()
            counts = QLabel()
            counts.setObjectName("caption")
            error.setObjectName("error")
            since.setMaxLength(10)
            since.setFixedWidth(16 * GRID)
            for code in (None, *METHOD_STATUSES):
                status.addItem("", code)
            record = recorded.get(protocol.id)
            if record is not None:
                status.setCurrentIndex(status.findData(record.status))
                since.setText(format_date(record.since))
            status.currentIndexChanged.connect(lambda _i, r=row - 1: self._save(r))
            status.currentIndexChanged.connect(lambda _i: self._update_training_note())
            since.editingFinished.connect(lambda r=row - 1: self._save(r))
            method = QWidget()
            method_layout = QVBoxLayout(method)
            method_layout.setContentsMargins(0, 0, 0, 0)
            method_layout.setSpacing(0)
            method_layout.addWidget(name)
            method_layout.addWidget(counts)
            counts.setVisible(protocol.id in self.counts)
            name.setBuddy(status)  # the method's name labels its status for every platform's screen reader
            for column, widget in enumerate((method, status, since, error)):
                self.grid.addWidget(widget, row, column)
            self.names.append(name)
            self.statuses.append(status)
            self.sinces.append(since)
            self.errors.append(error)
            self.course_counts.append(counts)
        self.grid.setColumnStretch(0, 1)
        self.training_note = caption()
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.card)
        content_layout.addWidget(self.training_note)
        content_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls; focus scrolls them in view
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        language = ui_language()
        self.heading.setText(self.tr("My methods"))
        self.explanation.setText(self.tr(
            "Record the methods you are trained in, are training for, or mentor others in. Methods you are trained "
            "in come first when you start a course."))
        self.name_header.setText(self.tr("Method"))
        self.status_header.setText(self.tr("My status"))
        self.since_header.setText(self.tr("Since (d.m.yyyy)"))  # the format in words, not only as a placeholder
        texts = (self.tr("Not trained"), self.tr("Trained"), self.tr("In training"), self.tr("Mentor"))
        for protocol, name, status, since in zip(self.protocols, self.names, self.statuses, self.sinces, strict=True):
            name.setText(protocol.name.get(language))
            for index, text in enumerate(texts):
                status.setItemText(index, text)
            status.setAccessibleDescription(self.tr("My status"))
            since.setPlaceholderText(self.tr("d.m.yyyy"))
            since.setAccessibleName(self.tr("Since: {method}").format(method=protocol.name.get(language)))
        for protocol, counts in zip(self.protocols, self.course_counts, strict=True):
            counts.setText(self.counts_text(self.counts.get(protocol.id)))
            counts.setAccessibleName(counts.text())
        self.training_note.setText(self.tr(
            "While you are in training, bring your cases to your mentor: open a course and choose "
            "“Case summary for mentoring” for an anonymised summary of it."))
        self._update_training_note()

    def counts_text(self, counts: CaseCounts | None) -> str:
        """"My courses: 4 started · 2 completed · 1 interrupted" (empty, and hidden, without courses)."""
        if counts is None:
            return ""
        return self.tr("My courses: {started} started · {completed} completed · {interrupted} interrupted").format(
            started=counts.started, completed=counts.completed, interrupted=counts.interrupted)

    def _update_training_note(self) -> None:
        self.training_note.setVisible(any(status.currentData() == "in_training" for status in self.statuses))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _save(self, row: int) -> None:
        since = None
        self.errors[row].setText("")
        self.sinces[row].setAccessibleDescription("")
        if self.sinces[row].text().strip():
            try:
                since = validation.parse_date(self.sinces[row].text())
            except validation.ValidationError as error:
                self.errors[row].setText(translate(error.message))
                self.sinces[row].setAccessibleDescription(self.errors[row].text())  # the error belongs to the field
                announce(self.sinces[row], self.errors[row].text(), urgent=True)
                return
        set_method(self.vault, self.protocols[row].id, self.statuses[row].currentData(), since)
