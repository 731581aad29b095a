"""Statistics for the unit head and the coordination centre: methods used and their effect, never a client.

Every figure comes from `askel.export.stats` (through the one disclosure-control function: hidden cells read ".."); this
page only shows them: bar charts painted with QPainter and one table per topic, for a period and optionally one
method. The period is chosen as the command line takes it: a whole calendar period of the one kind the organisation
publishes (setting statistics_period) that has ended, so the page offers nothing the rules would refuse. The figures are
computed off the UI thread; a newer request makes an older result irrelevant, so it is dropped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from askel.export.disclosure import Period
from askel.export.stats import (
    ALL,
    ATTENDANCE_KEYS,
    Statistics,
    compute_statistics,
    export_statistics,
    format_cell,
    label,
)
from askel.ui.files import ask_save_path, documents_folder, file_name
from askel.ui.i18n import format_date, ui_language
from askel.ui.stat_widgets import BarChart, PeriodPicker, StatisticsTables, hidden_note
from askel.ui.theme import GRID, styled_page
from askel.ui.widgets import Card, Columns, Field, FlowLayout, caption, lead, scrolling, title
from askel.ui.workers import run_in_background

DEBOUNCE_MS = 250


class StatisticsPage(QWidget):
    """The unit's statistics for a period and a method, with CSV and Excel export."""

    computed = Signal()  # a new Statistics object is on screen

    def __init__(self, vault, library, preset: str = "nhs", parent: QWidget | None = None,
                 today: date | None = None, settings=None):
        super().__init__(parent)
        styled_page(self)
        self.vault, self.library, self.preset, self.settings = vault, library, preset, settings
        self.statistics: Statistics | None = None
        self._generation = 0
        self._busy = False

        self.heading = title()
        self.explanation = lead()
        self.today = today or date.today()
        kind = settings.get("statistics_period") if settings is not None else None
        self.picker = PeriodPicker(str(kind or "year"), self.today)
        self.picker.changed.connect(self.request_refresh)
        self.which = self.picker.which
        self.method = QComboBox()
        self.method.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method.addItem("", None)
        self.protocols = list(library.protocols())
        for protocol in self.protocols:
            self.method.addItem("", protocol.id)
        self.method.currentIndexChanged.connect(self.request_refresh)
        self.method_field = Field(self.method)
        self.csv_button, self.xlsx_button = QPushButton(), QPushButton()
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.dataset_button = QPushButton()
        self.dataset_button.clicked.connect(lambda: self.export_dataset())
        self.status = caption()

        controls = FlowLayout(spacing=2 * GRID)
        controls.addWidget(self.picker)
        controls.addWidget(self.method_field)
        controls.addWidget(self.csv_button, stretch_before=True)
        controls.addWidget(self.xlsx_button)
        controls.addWidget(self.dataset_button)

        self.charts = {key: BarChart() for key in ("courses", "sessions", "outcomes", "next_step")}
        chart_card = Card()
        for pair in (("courses", "sessions"), ("outcomes", "next_step")):
            columns = Columns(spacing=4 * GRID)  # side by side, or one under the other at a large text size
            for key in pair:
                columns.add(self.charts[key], top_aligned=True)
            chart_card.body.addWidget(columns)

        self.tables = StatisticsTables()
        self.table_widgets = self.tables.widgets

        # Everything scrolls together: at 200 % text the heading and controls alone would fill a 768-pixel screen.
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        column.setSpacing(2 * GRID)
        column.addWidget(self.heading)
        column.addWidget(self.explanation)
        column.addLayout(controls)
        column.addWidget(self.status)
        column.addWidget(chart_card)
        column.addWidget(self.tables)
        column.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content))

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- the period and the method ------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        chosen = self.picker.period()
        return chosen.start, chosen.end

    def set_period(self, start: date, end: date) -> None:
        """Choose a calendar period that has ended (ValueError for one the page does not offer)."""
        self.picker.set_period(start, end)

    def request_refresh(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        """Compute the figures for the chosen period and method in the background; the newest request wins."""
        self.timer.stop()
        start, end = self.period()
        self._generation += 1
        generation, method, preset = self._generation, self.method.currentData(), self.preset
        vault, library = self.vault, self.library
        self._busy = True
        self._show_status(self.tr("Calculating…"))
        run_in_background(
            lambda: compute_statistics(vault, library, start, end, method=method, preset=preset),
            lambda statistics: self._computed(generation, statistics),
            lambda error: self._failed(generation, error),
        )

    def _computed(self, generation: int, statistics: Statistics) -> None:
        # The page may be gone (locked, left) by the time the worker finishes: then the result is dropped.
        if not Shiboken.isValid(self) or generation != self._generation:
            return
        self._busy = False
        self.statistics = statistics
        self._render()
        self.computed.emit()

    def _failed(self, generation: int, error: Exception) -> None:
        if not Shiboken.isValid(self) or generation != self._generation:
            return
        self._busy = False
        self._show_status(self.tr("The statistics could not be calculated."))

    # -- showing ------------------------------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        self.status.setText(text)

    def _summary(self) -> str:
        return self.tr("Outcome rules: {preset}.").format(preset=label(f"preset:{self.preset}", ui_language())) \
            + " " + hidden_note()

    def _render(self) -> None:
        statistics = self.statistics
        if statistics is None:
            return
        language = ui_language()
        self._show_status(self._summary())
        self.tables.show_statistics(statistics, language, self.library)
        self._render_charts(statistics, language)

    def _render_charts(self, statistics: Statistics, language: str) -> None:
        def bars(table_id: str, rows, column: str):
            table = statistics.table(table_id)
            result = []
            for row in rows:
                cell = table.cell(row, column)
                value = None if not cell.shown else cell.value * (100 if cell.kind == "rate" else 1)
                result.append((label(row, language, self.library), value,
                               format_cell(cell, language, percent_sign=True)))
            return result

        self.charts["courses"].set_bars(label("table:courses", language),
                                        bars("courses", ("started", "completed", "interrupted"), "count"))
        self.charts["sessions"].set_bars(self.tr("Sessions by attendance"), [
            (label(key, language), *self._cell_bar("sessions", ALL, key, language)) for key in ATTENDANCE_KEYS])
        self.charts["outcomes"].set_bars(label("table:outcomes", language),
                                         bars("outcomes", ("paired", "recovered", "reliably_improved",
                                                           "reliably_deteriorated"), "rate"), maximum=100)
        next_rows = [row for row in statistics.table("next_step").rows if row != ALL]
        self.charts["next_step"].set_bars(label("table:next_step", language), bars("next_step", next_rows, "rate"),
                                          maximum=100)

    def _cell_bar(self, table_id: str, row: str, column: str, language: str) -> tuple[float | None, str]:
        cell = self.statistics.table(table_id).cell(row, column)
        return (cell.value if cell.shown else None), format_cell(cell, language, percent_sign=True)

    # -- export -------------------------------------------------------------------------------------------------
    def export(self, fmt: str, path: Path | None = None) -> Path | None:
        """Save the figures on screen as CSV or XLSX; asks for the file unless `path` is given."""
        if self.statistics is None or self._busy:
            self._show_status(self.tr("Wait for the figures to be calculated, then export."))
            return None
        if path is None:
            start, end = self.statistics.start, self.statistics.end
            suggested = file_name(self.tr("statistics-{start}-{end}").format(
                start=format_date(start), end=format_date(end)), f".{fmt}", dated=False)
            pattern = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("Excel workbooks (*.xlsx)")
            path = ask_save_path(self, self.tr("Save the statistics"), suggested, documents_folder(), pattern)
            if path is None:
                return None
        try:
            export_statistics(self.vault, self.statistics, path, fmt, language=ui_language(), library=self.library)
        except OSError:
            self._show_status(self.tr("The file could not be saved. Check the folder and try again."))
            return None
        self._show_status(self.tr("Saved: {file}").format(file=path.name))
        return path

    def export_dataset(self, path: Path | None = None) -> Path | None:
        """The regional data set of the chosen period, encrypted to the coordinator (policy region_recipient_key)."""
        from askel.export.dataset import DatasetError, NoRecipientKey, export_dataset

        if self.settings is None or not str(self.settings.get("region_recipient_key") or ""):
            self._show_status(self.tr("No coordinator key is set (IT sets region_recipient_key), so no regional "
                                      "data set can be made."))
            return None
        start, end = self.period()
        if path is None:
            suggested = f"askel-dataset-{start:%Y-%m}-{end:%Y-%m}.askelenc"  # read by the coordinator's tools
            path = ask_save_path(self, self.tr("Save the regional data set"), suggested, documents_folder())
            if path is None:
                return None
        try:
            export_dataset(self.vault, self.library, self.settings, Period.checked(start, end), path)
        except NoRecipientKey:
            self._show_status(self.tr("No coordinator key is set (IT sets region_recipient_key), so no regional "
                                      "data set can be made."))
            return None
        except (DatasetError, OSError):
            self._show_status(self.tr("The regional data set could not be saved. Nothing was logged."))
            return None
        self._show_status(self.tr("Regional data set saved: {file}. It is in the disclosure log.").format(
            file=path.name))
        return path

    # -- language -----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        language = ui_language()
        self.heading.setText(self.tr("Statistics"))
        self.explanation.setText(self.tr(
            "How the methods are used and with what effect, for the unit head and the coordination centre. Only "
            "counts and shares are shown, never a client."))
        self.picker.retranslate()
        self.method_field.set_text(self.tr("Method"))
        self.method.setItemText(0, self.tr("All methods"))
        for index, protocol in enumerate(self.protocols, start=1):
            self.method.setItemText(index, protocol.short_name.get(language))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.xlsx_button.setText(self.tr("Export Excel…"))
        self.dataset_button.setText(self.tr("Regional data set…"))
        self.dataset_button.setToolTip(self.tr("Pseudonymous course records of this period for the county's "
                                               "coordination centre, encrypted to its key"))
        if self.statistics is not None and not self._busy:
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
