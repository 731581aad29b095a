"""What the unit's statistics page and the coordinator's page share: the period, the tables and the charts.

Every number they show is a cell of a table that went through the one disclosure-control function
(`askel.export.disclosure.protect`). The charts draw shown cells only; a hidden cell is an outlined, hatched stub
marked "..", and where a stack's total is shown but some of its parts are hidden, the rest of the stack is one
hatched block (its size is the total minus the shown parts, which the table already tells). Charts are painted with
QPainter (QtCharts is GPL-only); each has an accessible name and a text alternative that lists what it shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from askel.export.disclosure import HIDDEN, PERIOD_KINDS, Period, ended_periods
from askel.export.stats import Statistics, format_cell, label
from askel.ui.accessibility import register_role
from askel.ui.i18n import locale
from askel.ui.theme import GRID, colours
from askel.ui.widgets import Field, tab_leaves


# -- the period ---------------------------------------------------------------------------------------------------
class PeriodPicker(QWidget):
    """The calendar periods of the one kind the organisation publishes (setting statistics_period) that have ended,
    newest first: the page offers nothing the rules would refuse."""

    changed = Signal()

    def __init__(self, kind: str | None, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind if kind in PERIOD_KINDS else "year"
        self.today = today
        self.periods = ended_periods(self.kind, today)
        self.which = QComboBox()
        self.which.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for _ in self.periods:
            self.which.addItem("")
        self.field = Field(self.which)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        self.which.currentIndexChanged.connect(self.changed)
        self.retranslate()

    def period(self) -> Period:
        return self.periods[self.which.currentIndex()]

    def set_period(self, start: date, end: date) -> None:
        """Choose a period (ValueError for one that is not offered: another kind, not ended, too old)."""
        self.which.setCurrentIndex(self.periods.index(Period.checked(start, end, self.today, self.kind)))

    def period_text(self, period: Period) -> str:
        number = (period.start.month - 1) // period.months + 1
        if period.kind == "month":
            return f"{locale().standaloneMonthName(period.start.month)} {period.start.year}"
        if period.kind == "quarter":
            return self.tr("Quarter {number}/{year}").format(number=number, year=period.start.year)
        if period.kind == "half":
            return self.tr("Half-year {number}/{year}").format(number=number, year=period.start.year)
        return str(period.start.year)

    def retranslate(self) -> None:
        names = {"month": self.tr("Month"), "quarter": self.tr("Quarter"), "half": self.tr("Half-year"),
                 "year": self.tr("Year")}
        self.field.set_text(names[self.kind])
        self.field.editor.setToolTip(self.tr("Statistics are published for one kind of period only, so that two "
                                             "tables cannot be subtracted from each other."))
        for index, period in enumerate(self.periods):
            self.which.setItemText(index, self.period_text(period))


def hidden_note() -> str:
    """What ".." means, said once under the controls of a page of figures."""
    return QCoreApplication.translate(
        "StatisticsTables", "“{hidden}” marks a hidden figure: every figure based on fewer than 5 courses or "
        "sessions is hidden, and so are enough others that none of them can be worked out from the totals."
    ).format(hidden=HIDDEN)


# -- the tables ---------------------------------------------------------------------------------------------------
class StatisticsTables(QWidget):
    """One heading and one table per protected table, as tall as its rows (the page scrolls, not the table)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(2 * GRID)
        self.titles: dict[str, QLabel] = {}
        self.widgets: dict[str, QTableWidget] = {}

    def show_statistics(self, statistics: Statistics, language: str, library=None) -> None:
        for table in statistics.tables:
            widget = self.widgets.get(table.id)
            if widget is None:
                heading = QLabel()
                heading.setObjectName("section")
                heading.setWordWrap(True)  # a long table name at 200 % must not widen the page
                widget = QTableWidget()
                tab_leaves(widget)
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
                widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
                widget.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
                widget.verticalHeader().setDefaultSectionSize(4 * GRID)
                widget.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.box.addWidget(heading)
                self.box.addWidget(widget)
                self.titles[table.id], self.widgets[table.id] = heading, widget
            self.titles[table.id].setText(label(f"table:{table.id}", language))
            widget.setAccessibleName(label(f"table:{table.id}", language))
            widget.setRowCount(len(table.rows))
            widget.setColumnCount(len(table.columns))
            widget.setHorizontalHeaderLabels([label(column, language) for column in table.columns])
            widget.setVerticalHeaderLabels([label(row, language, library) for row in table.rows])
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


# -- charts -------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Value:
    """One cell as a chart shows it: its number, or None when hidden, and the text the table shows."""

    number: float | None
    text: str


def cell_value(table, row: str, column: str, language: str, scale: float = 1) -> Value:
    cell = table.cell(row, column)
    text = format_cell(cell, language, percent_sign=True)
    return Value(cell.value * scale if cell.shown else None, text)


def series_colours(count: int) -> list[QColor]:
    """Colours for the series of a chart, from the theme (so dark and high-contrast sets apply)."""
    palette = colours()
    base = [palette.accent, palette.ok, palette.warning_border, palette.danger, palette.muted, palette.accent_strong,
            palette.border]
    return [QColor(base[index % len(base)]) for index in range(count)]


_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


def _hatched(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(QPen(QColor(colours().muted), 1, Qt.PenStyle.DashLine))
    painter.setBrush(QBrush(QColor(colours().border), Qt.BrushStyle.BDiagPattern))
    painter.drawRect(rect)


def _bold(widget: QWidget):
    font = widget.font()
    font.setBold(True)
    return font


class _Chart(QWidget):
    """Heading, plot and legend; subclasses paint the plot and say how tall it is. A Tab stop (a ring shows it)
    whose accessible role is a chart, its name the heading and its description every value in words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = ""
        self.series: list[str] = []
        self.colours: list[QColor] | None = None  # one per series; None: the theme's sequence
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().focusOutEvent(event)

    def paint_focus(self, painter: QPainter) -> None:
        if self.hasFocus():
            painter.setPen(QPen(QColor(colours().focus), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))

    def fills(self) -> list[QColor]:
        return self.colours or series_colours(len(self.series))

    def row_height(self) -> int:
        return QFontMetrics(self.font()).height() + GRID

    def heading_height(self, width: int) -> int:
        """The heading's height at `width`: it wraps rather than being cut off (a long title, 200 % text)."""
        bounds = QFontMetrics(_bold(self)).boundingRect(0, 0, max(1, width), 10**6, _WRAP, self.heading)
        return max(self.row_height(), bounds.height() + GRID)

    def paint_heading(self, painter: QPainter, width: int) -> int:
        painter.setPen(QColor(colours().ink))
        painter.setFont(_bold(self))
        height = self.heading_height(width)
        painter.drawText(QRectF(0, 0, width, height), _WRAP | Qt.AlignmentFlag.AlignVCenter, self.heading)
        painter.setFont(self.font())
        return height

    def _legend_lines(self, width: int) -> list[list[int]]:
        metrics = QFontMetrics(self.font())
        lines: list[list[int]] = [[]]
        used = 0
        for index, name in enumerate(self.series):
            item = metrics.height() + GRID + metrics.horizontalAdvance(name) + 2 * GRID
            if lines[-1] and used + item > width:
                lines.append([])
                used = 0
            lines[-1].append(index)
            used += item
        return lines if self.series else []

    def _legend_height(self, width: int) -> int:
        return len(self._legend_lines(width)) * self.row_height()

    def _paint_legend(self, painter: QPainter, top: float, width: int) -> None:
        metrics = QFontMetrics(self.font())
        palette = self.fills()
        for line_number, line in enumerate(self._legend_lines(width)):
            x, y = 0.0, top + line_number * self.row_height()
            for index in line:
                box = metrics.height() * 0.7
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette[index])
                painter.drawRect(QRectF(x, y + (self.row_height() - box) / 2, box, box))
                x += box + GRID / 2
                painter.setPen(QColor(colours().ink))
                advance = metrics.horizontalAdvance(self.series[index])
                painter.drawText(QRectF(x, y, advance + GRID, self.row_height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.series[index])
                x += advance + 2 * GRID

    def _update(self, description: str) -> None:
        self.setAccessibleName(self.heading)
        self.setAccessibleDescription(description)
        self.setMinimumHeight(self.heightForWidth(max(self.width(), self.minimumSizeHint().width())))
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        height = self.heightForWidth(event.size().width())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
        super().resizeEvent(event)


class BarChart(_Chart):
    """Horizontal bars with their values; a hidden bar is an outlined stub labelled ".."."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[tuple[str, float | None, str]] = []  # (label, value or None when suppressed, shown text)
        self.maximum: float | None = None

    def set_bars(self, heading: str, bars: list[tuple[str, float | None, str]], maximum: float | None = None) -> None:
        self.heading, self.bars, self.maximum = heading, bars, maximum
        self._update("; ".join(f"{name}: {text}" for name, _, text in bars))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(QFontMetrics(self.font()).horizontalAdvance("M") * 24, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(48 * GRID, self.heightForWidth(48 * GRID))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.heading_height(width) + len(self.bars) * self.row_height() + GRID

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        ink, muted, accent = (QColor(c) for c in (colours().ink, colours().muted, colours().accent))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        row = self.row_height()
        width = self.width()
        head = self.paint_heading(painter, width)
        label_width = min(width * 0.6, max((metrics.horizontalAdvance(name) for name, _, _ in self.bars),
                                            default=0) + 2 * GRID)
        value_width = metrics.horizontalAdvance("100,0 %") + GRID
        bar_space = max(1.0, width - label_width - value_width)
        values = [value for _, value, _ in self.bars if value is not None]
        scale = self.maximum or max(values, default=0) or 1
        for index, (name, value, text) in enumerate(self.bars):
            y = head + row * index + GRID / 2
            painter.setPen(ink)
            painter.drawText(QRectF(0, y, label_width - GRID, row), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                                                                int(label_width - GRID)))
            bar = QRectF(label_width, y + GRID / 2, 0, row - GRID)
            if value is None:
                bar.setWidth(GRID * 2)
                _hatched(painter, bar)
            else:
                bar.setWidth(max(1.0, bar_space * value / scale))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                painter.drawRect(bar)
            painter.setPen(muted if value is None else ink)
            painter.drawText(QRectF(bar.right() + GRID, y, value_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        self.paint_focus(painter)
        painter.end()


@dataclass(frozen=True)
class Stack:
    """One bar or column of a stacked or grouped chart: its label, one value per series and (stacked) the total."""

    label: str
    values: tuple[Value, ...]
    total: Value | None = None


class StackedBars(_Chart):
    """One horizontal bar per row, split into the shares of its series (each bar is 100 % of its row's total, so
    that rows of different size compare); the row's total at the end. A hidden total makes the row a stub."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[Stack] = []

    def set_rows(self, heading: str, series: list[str], rows: list[Stack],
                 colours: list[QColor] | None = None) -> None:
        self.heading, self.series, self.rows, self.colours = heading, series, rows, colours
        self._update(_describe(series, rows))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("M") * 36, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(60 * GRID, self.heightForWidth(60 * GRID))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.heading_height(width) + len(self.rows) * self.row_height() + GRID + self._legend_height(width)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        palette = colours()
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        row, width = self.row_height(), self.width()
        top = self.paint_heading(painter, width)
        label_width = min(width * 0.45, max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0)
                          + GRID)
        total_width = max((metrics.horizontalAdvance(r.total.text) for r in self.rows if r.total), default=0) + GRID
        space = max(1.0, width - label_width - total_width - GRID)
        fills = self.fills()
        for index, stack in enumerate(self.rows):
            y = top + row * index
            painter.setPen(QColor(palette.ink))
            painter.drawText(QRectF(0, y, label_width - GRID, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(stack.label, Qt.TextElideMode.ElideRight, int(label_width - GRID)))
            total = stack.total.number if stack.total else None
            x, bar_top, bar_height = label_width, y + GRID / 2, row - GRID
            if not total:
                _hatched(painter, QRectF(x, bar_top, 2 * GRID, bar_height))
                x += 2 * GRID
            else:
                shown = 0.0
                for series, value in enumerate(stack.values):
                    if value.number is None or value.number <= 0:
                        continue
                    part = space * value.number / total
                    painter.setPen(QPen(QColor(palette.surface), 1))
                    painter.setBrush(fills[series])
                    painter.drawRect(QRectF(x, bar_top, part, bar_height))
                    x += part
                    shown += value.number
                if total - shown > 0:
                    part = space * (total - shown) / total
                    _hatched(painter, QRectF(x, bar_top, part, bar_height))
                    x += part
            painter.setPen(QColor(palette.ink if total else palette.muted))
            painter.drawText(QRectF(x + GRID, y, total_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             stack.total.text if stack.total else "")
        self._paint_legend(painter, top + row * len(self.rows) + GRID, width)
        self.paint_focus(painter)
        painter.end()


class ColumnChart(_Chart):
    """Columns over categories (months): stacked (the parts of one total) or grouped (side by side), with an
    optional reference line (the 28 days of the therapy guarantee)."""

    PLOT_ROWS = 7  # the plot is this many text lines tall

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns: list[Stack] = []
        self.stacked = False
        self.reference: tuple[float, str] | None = None

    def set_columns(self, heading: str, series: list[str], columns: list[Stack], *, stacked: bool,
                    reference: tuple[float, str] | None = None, colours: list[QColor] | None = None) -> None:
        self.heading, self.series, self.columns, self.colours = heading, series, columns, colours
        self.stacked, self.reference = stacked, reference
        self._update(_describe(series, columns))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("M") * 36, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(60 * GRID, self.heightForWidth(60 * GRID))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.heading_height(width) + (2 + self.PLOT_ROWS) * self.row_height() + self._legend_height(width)

    def _top(self) -> float:
        if self.stacked:
            heights = [c.total.number if c.total and c.total.number is not None else
                       sum(v.number for v in c.values if v.number is not None) for c in self.columns]
        else:
            heights = [v.number for c in self.columns for v in c.values if v.number is not None]
        top = max([*heights, self.reference[0] if self.reference else 0, 1])
        return 4 * _nice(top / 4)  # four grid steps of a round size

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        palette = colours()
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        row, width = self.row_height(), self.width()
        ink, muted = QColor(palette.ink), QColor(palette.muted)
        top = self.paint_heading(painter, width)
        top_value = self._top()
        axis_width = metrics.horizontalAdvance(_number(top_value)) + GRID
        plot = QRectF(axis_width, top + row / 2, max(1.0, width - axis_width - GRID), self.PLOT_ROWS * row)
        # Grid lines at quarters of the scale, labelled.
        for step in range(5):
            value = top_value * step / 4
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(QColor(palette.divider), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(QRectF(0, y - row / 2, axis_width - GRID / 2, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _number(value))
        fills = self.fills()
        slot = plot.width() / max(1, len(self.columns))
        label_every = max(1, math.ceil(max((metrics.horizontalAdvance(c.label) for c in self.columns), default=0)
                                       / max(1.0, slot - GRID / 2)))

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / top_value

        stub = max(3.0, row / 3)
        for index, column in enumerate(self.columns):
            left = plot.left() + index * slot + slot * 0.15
            inner = slot * 0.7
            if self.stacked:
                base = 0.0
                for series, value in enumerate(column.values):
                    if value.number is None or value.number <= 0:
                        continue
                    painter.setPen(QPen(QColor(palette.surface), 1))
                    painter.setBrush(fills[series])
                    painter.drawRect(QRectF(QPointF(left, y_of(base + value.number)), QPointF(left + inner,
                                                                                           y_of(base))))
                    base += value.number
                total = column.total.number if column.total else None
                if total is not None and total > base:
                    _hatched(painter, QRectF(QPointF(left, y_of(total)), QPointF(left + inner, y_of(base))))
                elif total is None and any(v.number is None for v in column.values):
                    _hatched(painter, QRectF(left, y_of(base) - stub, inner, stub))
            else:
                width_each = inner / max(1, len(column.values))
                for series, value in enumerate(column.values):
                    x = left + series * width_each
                    if value.number is None:
                        _hatched(painter, QRectF(x, plot.bottom() - stub, width_each, stub))
                        continue
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(fills[series])
                    painter.drawRect(QRectF(QPointF(x, y_of(value.number)), QPointF(x + width_each, plot.bottom())))
            if index % label_every == 0:
                painter.setPen(ink)
                painter.drawText(QRectF(plot.left() + index * slot - slot, plot.bottom(), 3 * slot, row),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, column.label)
        if self.reference is not None:
            value, text = self.reference
            y = y_of(value)
            painter.setPen(QPen(QColor(palette.danger), 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(palette.danger))
            painter.drawText(QRectF(plot.left(), y - row, plot.width() - GRID / 2, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, text)
        painter.setPen(QPen(muted, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        if len(self.series) > 1:
            self._paint_legend(painter, plot.bottom() + row * 1.5, width)
        self.paint_focus(painter)
        painter.end()

    def _legend_height(self, width: int) -> int:
        return super()._legend_height(width) if len(self.series) > 1 else 0


def _describe(series: list[str], stacks: list[Stack]) -> str:
    """The text alternative: every bar or column with each series' value as the table shows it."""
    parts = []
    for stack in stacks:
        values = ", ".join(f"{name} {value.text}" for name, value in zip(series, stack.values, strict=True))
        total = f" ({stack.total.text})" if stack.total else ""
        parts.append(f"{stack.label}{total}: {values}")
    return "; ".join(parts)


def _nice(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is at least `value` (a scale with round labels)."""
    power = 10 ** math.floor(math.log10(value)) if value > 0 else 1
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else locale().toString(value, "f", 1)


register_role(_Chart, QAccessible.Role.Chart)
