"""The coordinator's window: the county's pooled figures by unit and method, with charts (`askel region`).

A coordinator is not necessarily a clinician and has no vault of clients: the window opens the region store, not a
vault. `askel region` without a command starts it on the store named by `--store`, else by the setting
`region_store`, else on `region/region.db` in the data folder. An embedded store asks for its passphrase here (the
key derivation runs off the UI thread); a PostgreSQL store is a URL from the setting or the command line, without a
password (TLS and the password file are IT's, docs/it-deployment.md), so it only asks to connect.

The page looks like the unit's statistics page: the period (the one kind the organisation publishes), exports, four
charts (outcomes by method; time to first treatment against the 28 days; sessions by attendance over the months;
courses over the months) and every table of `askel.region.report.regional_report`, which protects each table once,
on the pooled data. The charts draw those protected cells only. Data sets are imported by `askel region import`
(an unattended job where files arrive); the window reads.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from askel.core.atomic import atomic_write
from askel.core.i18n import message
from askel.export.stats import ALL, ATTENDANCE_KEYS, Statistics, csv_bytes, label, xlsx_bytes
from askel.region.report import COURSE_COLUMNS, DEADLINE_DAYS, OUTCOMES, coverage, regional_report
from askel.region.store import StoreError, is_url, location, open_store
from askel.store.errors import WrongPassphrase
from askel.ui.files import ask_save_path, documents_folder
from askel.ui.i18n import format_datetime, locale, translate, ui_language
from askel.ui.stat_widgets import (
    ColumnChart,
    PeriodPicker,
    Stack,
    StackedBars,
    StatisticsTables,
    cell_value,
    hidden_note,
)
from askel.ui.theme import GRID, colours, styled_page
from askel.ui.widgets import Card, Columns, Field, FlowLayout, caption, lead, line_edit, scrolling, title
from askel.ui.workers import run_in_background

DEBOUNCE_MS = 250


def default_store(data_dir: Path) -> Path:
    return Path(data_dir) / "region" / "region.db"


def outcome_colours() -> list[QColor]:
    """Recovery in greens, improvement blue, no change ochre, deterioration red, the rest greys (OUTCOMES' order)."""
    palette = colours()
    ok = QColor(palette.ok)
    return [ok, ok.lighter(150) if palette.name == "light" else ok.darker(140), QColor(palette.accent),
            QColor(palette.warning_border), QColor(palette.danger), QColor(palette.border), QColor(palette.border).lighter(145)]


class StoreScreen(QWidget):
    """Opens the store: the passphrase of an embedded one, or a connection to PostgreSQL."""

    opened = Signal(object)  # the RegionStore
    language_requested = Signal(str)

    def __init__(self, target: str, parent: QWidget | None = None):
        super().__init__(parent)
        styled_page(self, "screen")
        self.target = str(target)
        self.embedded = not is_url(self.target)
        self.heading = title()
        self.explanation = lead()
        self.where = caption()
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = line_edit(password=True, max_length=1024)
        self.passphrase_field = Field(self.passphrase)
        self.passphrase_field.setVisible(self.embedded)
        self.open_button = QPushButton()
        self.open_button.setObjectName("primary")
        self.open_button.setDefault(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.error = caption()
        self.error.setObjectName("error")
        self.error.hide()
        self.refusal: StoreError | None = None

        card = Card()
        card.setMaximumWidth(64 * GRID)
        for widget in (self.heading, self.explanation, self.where, self.passphrase_field, self.open_button,
                       self.busy, self.error):
            card.body.addWidget(widget)
        self.finnish, self.swedish = QPushButton("Suomeksi"), QPushButton("På svenska")
        languages = QHBoxLayout()
        languages.addStretch()
        for button, language in ((self.finnish, "fi"), (self.swedish, "sv")):
            button.setObjectName("link")
            button.clicked.connect(lambda _=False, lang=language: self.language_requested.emit(lang))
            languages.addWidget(button)
        languages.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(card, 1)
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addLayout(row)
        outer.addLayout(languages)
        outer.addStretch()

        self.open_button.clicked.connect(self.try_open)
        self.passphrase.returnPressed.connect(self.try_open)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Regional statistics"))
        self.explanation.setText(self.tr(
            "The county's pooled figures from the units' regional data sets. Open the region store to see them."))
        self.where.setText(self.tr("Store: {location}").format(location=location(self.target)))
        self.passphrase_field.set_text(self.tr("Store &passphrase"))
        self.open_button.setText(self.tr("Open") if self.embedded else self.tr("Connect"))
        if self.refusal is not None:
            self._show_error(self.refusal)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_first(self) -> None:
        (self.passphrase if self.embedded else self.open_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def try_open(self) -> None:
        if self.busy.isVisible():
            return
        secret = self.passphrase.text() if self.embedded else None
        if self.embedded and not secret:
            self.refusal = None
            self.error.hide()
            self.passphrase_field.set_error(self.tr("Enter the store's passphrase."))
            return
        self.passphrase_field.set_error("")
        self.error.hide()
        self._set_busy(True)
        target = self.target
        run_in_background(lambda: open_store(target, secret, create=False), self._opened, self._failed)

    def _opened(self, store) -> None:
        if not Shiboken.isValid(self):
            store.close()
            return
        self._set_busy(False)
        self.passphrase.clear()
        self.refusal = None
        self.opened.emit(store)

    def _failed(self, error: Exception) -> None:
        if not Shiboken.isValid(self):
            return
        self._set_busy(False)
        self.refusal = error if isinstance(error, StoreError) else StoreError(str(type(error).__name__))
        self._show_error(self.refusal)

    def _show_error(self, error: StoreError) -> None:
        texts = {
            "missing": self.tr("There is no region store here yet. Data sets are imported into it with "
                               "askel region import."),
            "passphrase": translate(message("vault", WrongPassphrase.default_text)),
            "newer": self.tr("The store was written by a newer Askel. Update Askel to open it."),
            "url": self.tr("The store's address is not a PostgreSQL address (postgresql+psycopg://…)."),
            "server": self.tr("The database server could not be reached, or it refused the connection. Check the "
                              "address and the network, or ask IT."),
        }
        text = texts.get(error.reason, self.tr("The store could not be opened: it may be damaged, or its key file "
                                               "is missing."))
        if error.reason == "passphrase" and self.embedded:
            self.passphrase_field.set_error(text)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.open_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)


class CoordinatorPage(QWidget):
    """The pooled report of a period: charts and tables by unit, method and month, with CSV and Excel export."""

    computed = Signal()  # a new report is on screen

    def __init__(self, store, library, settings=None, today: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        styled_page(self)
        self.store, self.library = store, library
        self.report: Statistics | None = None
        self.coverage = None
        self._generation = 0
        self._busy = False

        self.heading = title()
        self.explanation = lead()
        self.held = caption()
        kind = settings.get("statistics_period") if settings is not None else None
        self.picker = PeriodPicker(str(kind or "year"), today or date.today())
        self.picker.changed.connect(self.request_refresh)
        self.csv_button, self.xlsx_button = QPushButton(), QPushButton()
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.status = caption()
        controls = FlowLayout(spacing=2 * GRID)
        controls.addWidget(self.picker)
        controls.addWidget(self.csv_button, stretch_before=True)
        controls.addWidget(self.xlsx_button)

        self.outcomes_chart = StackedBars()
        self.access_chart = ColumnChart()
        self.sessions_chart = ColumnChart()
        self.courses_chart = ColumnChart()
        self.charts = {"outcomes": self.outcomes_chart, "access": self.access_chart,
                       "sessions": self.sessions_chart, "courses": self.courses_chart}
        chart_card = Card()
        for pair in ((self.outcomes_chart, self.access_chart), (self.sessions_chart, self.courses_chart)):
            columns = Columns(spacing=4 * GRID)
            for chart in pair:
                columns.add(chart, top_aligned=True)
            chart_card.body.addWidget(columns)

        self.tables = StatisticsTables()
        self.table_widgets = self.tables.widgets
        # Everything scrolls together: at 200 % text the heading and controls alone would fill a 768-pixel screen.
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4 * GRID, 3 * GRID, 4 * GRID, 3 * GRID)
        column.setSpacing(2 * GRID)
        for widget in (self.heading, self.explanation, self.held):
            column.addWidget(widget)
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

    # -- computing ----------------------------------------------------------------------------------------------
    def request_refresh(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        """The report of the chosen period, computed in the background; the newest request wins."""
        self.timer.stop()
        period, store = self.picker.period(), self.store
        self._generation += 1
        generation = self._generation
        self._busy = True
        self.status.setText(self.tr("Calculating…"))
        run_in_background(lambda: (regional_report(store, period), coverage(store)),
                          lambda result: self._computed(generation, *result),
                          lambda error: self._failed(generation, error))

    def _computed(self, generation: int, report: Statistics, held) -> None:
        if not Shiboken.isValid(self) or generation != self._generation:
            return
        self._busy = False
        self.report, self.coverage = report, held
        self._render()
        self.computed.emit()

    def _failed(self, generation: int, error: Exception) -> None:
        if not Shiboken.isValid(self) or generation != self._generation:
            return
        self._busy = False
        self.status.setText(self.tr("The figures could not be calculated: the store could not be read."))

    # -- showing ------------------------------------------------------------------------------------------------
    def _render(self) -> None:
        if self.report is None:
            return
        language = ui_language()
        self.status.setText(hidden_note())
        self._render_coverage()
        self.tables.show_statistics(self.report, language, self.library)
        self._render_charts(self.report, language)

    def _render_coverage(self) -> None:
        held = self.coverage
        if held is None or not held.installations:
            self.held.setText(self.tr("No data sets have been imported into this store yet."))
            return
        self.held.setText(self.tr("Data sets of {units} units ({installations} installations); the newest was "
                                  "imported on {date}.").format(units=held.units, installations=held.installations,
                                                                 date=format_datetime(held.last_import)))

    def _month_label(self, row: str) -> str:
        year, month = row.removeprefix("month:").split("-")
        return locale().standaloneMonthName(int(month), locale().FormatType.ShortFormat)

    def _render_charts(self, report: Statistics, language: str) -> None:
        outcomes = report.table("outcomes_by_method")
        self.outcomes_chart.set_rows(
            label("table:outcomes_by_method", language), [label(key, language) for key in OUTCOMES],
            [Stack(label(row, language, self.library),
                   tuple(cell_value(outcomes, row, key, language) for key in OUTCOMES),
                   cell_value(outcomes, row, "total", language))
             for row in outcomes.rows], colours=outcome_colours())

        access = report.table("access_by_month")
        months = [row for row in access.rows if row != ALL]
        self.access_chart.set_columns(
            self.tr("Median days from need to first treatment, by month"), [label("median_days", language)],
            [Stack(self._month_label(row), (cell_value(access, row, "median_days", language),)) for row in months],
            stacked=False, reference=(DEADLINE_DAYS, self.tr("{days} days").format(days=DEADLINE_DAYS)))

        sessions = report.table("sessions_by_month")
        self.sessions_chart.set_columns(
            label("table:sessions_by_month", language), [label(key, language) for key in ATTENDANCE_KEYS],
            [Stack(self._month_label(row), tuple(cell_value(sessions, row, key, language) for key in ATTENDANCE_KEYS),
                   cell_value(sessions, row, "total", language)) for row in months],
            stacked=True, colours=[QColor(c) for c in (colours().accent, colours().border, colours().warning_border)])

        courses = report.table("courses_by_month")
        self.courses_chart.set_columns(
            label("table:courses_by_month", language), [label(key, language) for key in COURSE_COLUMNS],
            [Stack(self._month_label(row), tuple(cell_value(courses, row, key, language) for key in COURSE_COLUMNS))
             for row in months],
            stacked=False)

    # -- export -------------------------------------------------------------------------------------------------
    def export(self, fmt: str, path: Path | None = None) -> Path | None:
        """Save the report on screen as CSV or XLSX (the same file as `askel region report`)."""
        if self.report is None or self._busy:
            self.status.setText(self.tr("Wait for the figures to be calculated, then export."))
            return None
        if path is None:
            period = self.picker.period()
            suggested = f"askel-region-{period.start:%Y-%m}-{period.end:%Y-%m}.{fmt}"
            pattern = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("Excel workbooks (*.xlsx)")
            path = ask_save_path(self, self.tr("Save the regional report"), suggested, documents_folder(), pattern)
            if path is None:
                return None
        language = ui_language()
        data = (csv_bytes if fmt == "csv" else xlsx_bytes)(self.report, language, self.library)
        try:
            atomic_write(path, data, mode=0o644)
        except OSError:
            self.status.setText(self.tr("The file could not be saved. Check the folder and try again."))
            return None
        self.status.setText(self.tr("Saved: {file}").format(file=path.name))
        return path

    # -- language -----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Regional statistics"))
        self.explanation.setText(self.tr(
            "The county's units together, by unit, method and month. Each table is protected once, on the pooled "
            "figures; no figure shows a client."))
        self.picker.retranslate()
        self.csv_button.setText(self.tr("Export CSV…"))
        self.xlsx_button.setText(self.tr("Export Excel…"))
        if self.report is not None and not self._busy:
            self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CoordinatorWindow(QMainWindow):
    """The store screen, then the page; closing the window closes the store."""

    def __init__(self, target: str, library, settings, languages=None, today: date | None = None):
        super().__init__()
        self.library, self.settings, self.languages, self.today = library, settings, languages, today
        self.store = None
        self.page: CoordinatorPage | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.store_screen = StoreScreen(target)
        self.store_screen.opened.connect(self.on_opened)
        self.store_screen.language_requested.connect(self.set_language)
        self.stack.addWidget(self.store_screen)
        self.resize(1280, 800)
        self.setMinimumSize(1024, 640)
        self.retranslate()

    def start(self) -> None:
        self.store_screen.focus_first()

    def on_opened(self, store) -> None:
        self.store = store
        self.page = CoordinatorPage(store, self.library, self.settings, self.today)
        self.stack.addWidget(self.page)
        self.stack.setCurrentWidget(self.page)
        self.page.picker.which.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_language(self, language: str) -> None:
        if self.languages is not None:
            self.languages.set_language(language)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Askel – regional statistics"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        QThreadPool.globalInstance().waitForDone()
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(event)
