"""Statistics for the unit head and the coordination centre: methods used and their effect, never a client.

Every figure comes from `askel.export.stats` (through the one disclosure-control function: hidden cells read ".."); this
page only shows them: bar charts painted with QPainter and one table per topic, for a period and optionally one
method. The period is chosen as the command line takes it: a whole calendar month, quarter, half-year or year that
has ended (`askel.export.disclosure.Period`), so the page offers nothing the rules would refuse. The figures are
computed off the UI thread; a newer request makes an older result irrelevant, so it is dropped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from askel.export.disclosure import PERIOD_KINDS, Period, ended_periods
from askel.export.stats import (
    ALL,
    ATTENDANCE_KEYS,
    SUPPRESSED,
    Statistics,
    compute_statistics,
    export_statistics,
    format_cell,
    label,
)
from askel.ui.files import ask_save_path, documents_folder, file_name
from askel.ui.i18n import format_date, locale, ui_language
from askel.ui.theme import GRID, colours, styled_page
from askel.ui.widgets import Card, Field, FlowLayout, caption, lead, tab_leaves, title
from askel.ui.workers import run_in_background

DEBOUNCE_MS = 250


class BarChart(QWidget):
    """Horizontal bars with their values; a hidden bar is an outlined stub labelled ".."."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = ""
        self.bars: list[tuple[str, float | None, str]] = []  # (label, value or None when suppressed, shown text)
        self.maximum: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, heading: str, bars: list[tuple[str, float | None, str]], maximum: float | None = None) -> None:
        self.heading, self.bars, self.maximum = heading, bars, maximum
        self.setAccessibleName(heading)
        self.setAccessibleDescription("; ".join(f"{name}: {text}" for name, _, text in bars))
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        row = QFontMetrics(self.font()).height() + GRID
        return QSize(48 * GRID, 2 * row + len(self.bars) * row + GRID)

    def paintEvent(self, event) -> None:
        ink, muted, accent, border = (QColor(c) for c in (colours().ink, colours().muted, colours().accent,
                                                          colours().border))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        row = metrics.height() + GRID
        width = self.width()
        painter.setPen(ink)
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(0, 0, width, row), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.heading)
        painter.setFont(self.font())
        label_width = min(width * 0.6, max((metrics.horizontalAdvance(name) for name, _, _ in self.bars),
                                            default=0) + 2 * GRID)
        value_width = metrics.horizontalAdvance("100,0 %") + GRID
        bar_space = max(1.0, width - label_width - value_width)
        values = [value for _, value, _ in self.bars if value is not None]
        top = self.maximum or max(values, default=0) or 1
        for index, (name, value, text) in enumerate(self.bars):
            y = row * (index + 1) + GRID / 2
            painter.setPen(ink)
            painter.drawText(QRectF(0, y, label_width - GRID, row), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                                                                int(label_width - GRID)))
            bar = QRectF(label_width, y + GRID / 2, 0, row - GRID)
            if value is None:
                bar.setWidth(GRID * 2)
                painter.setPen(QPen(muted, 1, Qt.PenStyle.DashLine))
                painter.setBrush(QBrush(border, Qt.BrushStyle.BDiagPattern))
            else:
                bar.setWidth(max(1.0, bar_space * value / top))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
            painter.drawRect(bar)
            painter.setPen(muted if value is None else ink)
            painter.drawText(QRectF(bar.right() + GRID, y, value_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


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
        self.kind = QComboBox()
        for kind in PERIOD_KINDS:
            self.kind.addItem("", kind)
        self.which = QComboBox()
        self.which.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.periods: list[Period] = []
        self.kind.setCurrentIndex(PERIOD_KINDS.index("year"))
        self.kind.currentIndexChanged.connect(self._fill_periods)
        self.which.currentIndexChanged.connect(self.request_refresh)
        self.start_field, self.end_field = Field(self.kind), Field(self.which)
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
        controls.addWidget(self.start_field)
        controls.addWidget(self.end_field)
        controls.addWidget(self.method_field)
        controls.addWidget(self.csv_button, stretch_before=True)
        controls.addWidget(self.xlsx_button)
        controls.addWidget(self.dataset_button)

        self.charts = {key: BarChart() for key in ("courses", "sessions", "outcomes", "next_step")}
        chart_card = Card()
        chart_grid = QGridLayout()
        chart_grid.setHorizontalSpacing(4 * GRID)
        chart_grid.setVerticalSpacing(2 * GRID)
        for index, chart in enumerate(self.charts.values()):
            chart_grid.addWidget(chart, index // 2, index % 2)
        chart_card.body.addLayout(chart_grid)

        self.tables_box = QVBoxLayout()
        self.tables_box.setSpacing(2 * GRID)
        self.table_titles: dict[str, QLabel] = {}
        self.table_widgets: dict[str, QTableWidget] = {}

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(2 * GRID)
        content_layout.addWidget(chart_card)
        content_layout.addLayout(self.tables_box)
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
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- the period and the method ------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        chosen = self.periods[self.which.currentIndex()]
        return chosen.start, chosen.end

    def set_period(self, start: date, end: date) -> None:
        """Choose a calendar period that has ended (ValueError for one the page does not offer)."""
        chosen = Period.checked(start, end, self.today)
        self.kind.setCurrentIndex(PERIOD_KINDS.index(chosen.kind))
        self.which.setCurrentIndex(self.periods.index(chosen))

    def _fill_periods(self) -> None:
        kind = self.kind.currentData()
        current = self.periods[self.which.currentIndex()] if self.periods and self.which.currentIndex() >= 0 \
            else None
        self.periods = ended_periods(kind, self.today)
        self.which.blockSignals(True)
        self.which.clear()
        for period in self.periods:
            self.which.addItem(self.period_text(period))
        # Keep the year in view when switching between months, quarters and years (the newest of it first).
        same_year = [i for i, p in enumerate(self.periods) if current and p.start.year == current.end.year]
        self.which.setCurrentIndex(same_year[0] if same_year else 0)
        self.which.blockSignals(False)
        self.request_refresh()

    def period_text(self, period: Period) -> str:
        number = (period.start.month - 1) // period.months + 1
        if period.kind == "month":
            return f"{locale().standaloneMonthName(period.start.month)} {period.start.year}"
        if period.kind == "quarter":
            return self.tr("Quarter {number}/{year}").format(number=number, year=period.start.year)
        if period.kind == "half":
            return self.tr("Half-year {number}/{year}").format(number=number, year=period.start.year)
        return str(period.start.year)

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
        return self.tr("Outcome rules: {preset}. Figures based on fewer than 5 courses or sessions are shown as "
                       "{suppressed}, and so are as many others as needed so that no hidden figure can be worked out "
                       "from the totals.").format(
            preset=label(f"preset:{self.preset}", ui_language()), suppressed=SUPPRESSED)

    def _render(self) -> None:
        statistics = self.statistics
        if statistics is None:
            return
        language = ui_language()
        self._show_status(self._summary())
        for table in statistics.tables:
            widget = self.table_widgets.get(table.id)
            if widget is None:
                heading = QLabel()
                heading.setObjectName("section")
                widget = QTableWidget()
                tab_leaves(widget)
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
                widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
                widget.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
                widget.verticalHeader().setDefaultSectionSize(4 * GRID)
                widget.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.tables_box.addWidget(heading)
                self.tables_box.addWidget(widget)
                self.table_titles[table.id], self.table_widgets[table.id] = heading, widget
            self.table_titles[table.id].setText(label(f"table:{table.id}", language))
            widget.setAccessibleName(label(f"table:{table.id}", language))
            widget.setRowCount(len(table.rows))
            widget.setColumnCount(len(table.columns))
            widget.setHorizontalHeaderLabels([label(column, language) for column in table.columns])
            widget.setVerticalHeaderLabels([label(row, language, self.library) for row in table.rows])
            for r, row in enumerate(table.cells):
                for c, cell in enumerate(row):
                    item = QTableWidgetItem(format_cell(cell, language, percent_sign=True))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if cell.suppressed:
                        item.setForeground(QColor(colours().muted))
                        item.setToolTip(self.tr("Hidden so that no client can be recognised"))
                    widget.setItem(r, c, item)
            widget.setFixedHeight(widget.horizontalHeader().sizeHint().height() + widget.verticalHeader().length()
                                  + 2 * widget.frameWidth())
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
        self.start_field.set_text(self.tr("Period"))
        self.end_field.set_text(self.tr("Which"))
        for index, text in enumerate((self.tr("Month"), self.tr("Quarter"), self.tr("Half-year"), self.tr("Year"))):
            self.kind.setItemText(index, text)
        if not self.periods:
            self._fill_periods()
        else:
            for index, period in enumerate(self.periods):
                self.which.setItemText(index, self.period_text(period))
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
