"""My methods: what the clinician is trained in, training for, or mentoring others in.

The method picker lists trained methods first and marks the others; nothing here limits what she may record.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from askel.core import validation
from askel.store.clinician import METHOD_STATUSES, my_methods, set_method
from askel.ui.i18n import format_date, translate, ui_language
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, lead, title


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
        recorded = my_methods(vault)
        for row, protocol in enumerate(self.protocols, start=1):
            name, status, since, error = QLabel(), QComboBox(), QLineEdit(), QLabel()
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
            since.editingFinished.connect(lambda r=row - 1: self._save(r))
            for column, widget in enumerate((name, status, since, error)):
                self.grid.addWidget(widget, row, column)
            self.names.append(name)
            self.statuses.append(status)
            self.sinces.append(since)
            self.errors.append(error)
        self.grid.setColumnStretch(0, 1)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.card)
        content_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
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
        self.since_header.setText(self.tr("Since"))
        texts = (self.tr("Not trained"), self.tr("Trained"), self.tr("In training"), self.tr("Mentor"))
        for protocol, name, status, since in zip(self.protocols, self.names, self.statuses, self.sinces, strict=True):
            name.setText(protocol.name.get(language))
            for index, text in enumerate(texts):
                status.setItemText(index, text)
            status.setAccessibleName(self.tr("My status: {method}").format(method=protocol.name.get(language)))
            since.setPlaceholderText(self.tr("d.m.yyyy"))
            since.setAccessibleName(self.tr("Since: {method}").format(method=protocol.name.get(language)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _save(self, row: int) -> None:
        since = None
        self.errors[row].setText("")
        if self.sinces[row].text().strip():
            try:
                since = validation.parse_date(self.sinces[row].text())
            except validation.ValidationError as error:
                self.errors[row].setText(translate(error.message))
                return
        set_method(self.vault, self.protocols[row].id, self.statuses[row].currentData(), since)
