"""The course's scores over time, one panel per questionnaire, drawn with QPainter.

Each panel shades the severity bands as horizontal stripes in a light-to-dark ramp (one hue, rising darkness, so it
stays readable for colour-blind readers and in grey print) and writes each band's word at the right edge, so colour
is never the only cue. A dashed line marks the reliable change from the first score. Every distance comes from the
font's metrics, so the chart keeps its proportions at 200 % text scaling. `render_to_image` draws the same chart
for a PDF or a printout.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from askel.core.content.models import Instrument
from askel.ui.accessibility import register_role
from askel.ui.i18n import format_number
from askel.ui.theme import GRID, LIGHT, Palette, colours

# The bands come from the theme's `bands` ramp: light to dark in one hue (yellow to orange-brown on the light
# theme), so the lightness changes at every step, which carries the order in grey print and for every colour vision.
BAND_RAMP = LIGHT.bands


@dataclass(frozen=True)
class ChartSeries:
    """One questionnaire's scores: `points` in time order as (label under the axis, total)."""

    name: str
    points: Sequence[tuple[str, float]]
    max_score: float
    bands: Sequence[tuple[float, str, int]] = ()  # (lowest score of the band, its word, severity 0..n)
    reliable_change: float | None = None
    higher_is_worse: bool = True
    min_score: float = 0.0
    dates: Sequence[str] = ()  # the date of each point, as shown to the user (for the text alternative)
    # Per point: '' or what a reader must know about that score (prorated: which question was not answered).
    notes: Sequence[str] = ()
    risks: Sequence[bool] = ()  # per point: the questionnaire raised a risk alert (drawn with a red ring and ⚠)

    def __post_init__(self) -> None:
        object.__setattr__(self, "points", tuple((str(label), float(value)) for label, value in self.points))
        object.__setattr__(self, "dates", tuple(str(when) for when in self.dates))
        notes = tuple(str(note) for note in self.notes)
        object.__setattr__(self, "notes", notes + ("",) * (len(self.points) - len(notes)))
        risks = tuple(bool(risk) for risk in self.risks)
        object.__setattr__(self, "risks", risks + (False,) * (len(self.points) - len(risks)))
        object.__setattr__(self, "bands", tuple(sorted(((float(m), str(t), int(s)) for m, t, s in self.bands))))
        if self.max_score <= self.min_score:
            raise ValueError("max_score must be above min_score")

    def band_of(self, value: float) -> str:
        """The word of the band `value` falls in ("" without bands)."""
        return next((word for low, word, _ in reversed(self.bands) if value >= low), "")


def series_for(instrument: Instrument, points: Sequence[tuple[str, float]], language: str,
               respondent: str = "client", band_set: str | None = None, dates: Sequence[str] = (),
               notes: Sequence[str] = (), risks: Sequence[bool] = ()) -> ChartSeries:
    """A series from an instrument's definition: its range, its bands (the chosen or only set) and its rules."""
    low, high = instrument.total_range()
    candidates = instrument.band_sets_for(respondent)
    wanted = band_set or instrument.scoring.default_band_set
    chosen = next((s for s in candidates if s.id == wanted), None) or (candidates[0] if len(candidates) == 1 else None)
    bands = [(band.min, band.label.get(language), band.severity) for band in chosen.bands] if chosen else []
    return ChartSeries(
        name=instrument.short_name.get(language), points=list(points), max_score=high, min_score=low, bands=bands,
        reliable_change=instrument.scoring.reliable_change, higher_is_worse=instrument.scoring.higher_is_worse,
        dates=dates,
        notes=notes,
        risks=risks,
    )


def value_text(series: ChartSeries, index: int) -> str:
    """A point's value as drawn: with a * when it has a note (explained under the chart), ⚠ after a risk answer."""
    text = format_number(series.points[index][1])
    text = text + "*" if series.notes[index] else text
    return "\u26a0 " + text if series.risks[index] else text


def band_color(severity: int, highest: int, palette: Palette = LIGHT) -> QColor:
    ramp = palette.bands
    if highest <= 0:
        return QColor(ramp[0])
    steps = len(ramp) - 1
    index = round(severity / highest * steps)  # the lightest and the darkest always used, evenly between
    return QColor(ramp[max(0, min(index, steps))])


def _translucent(value: str, alpha: int) -> QColor:
    color = QColor(value)
    color.setAlpha(alpha)
    return color


def _nice_ticks(low: float, high: float, target: int) -> list[float]:
    span = high - low
    raw = span / max(1, target)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(round(value, 6))
        value += step
    return ticks


class ProgressChart(QWidget):
    """`set_series([...])` shows one panel per questionnaire, stacked; an empty list shows what to do next.

    The chart takes the keyboard focus (a ring shows it) so that a screen reader reaches it; its accessible
    description is the text alternative: every point's measurement, date, score and band, the bands' limits and the
    reliable-change lines, in the UI language.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.series: list[ChartSeries] = []
        self.x_title: str | None = None
        self._drawn: list[str] = []
        self._palette: Palette = LIGHT
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Questionnaire scores over time"))

    # -- data ----------------------------------------------------------------------------------------------------
    def set_series(self, series: Sequence[ChartSeries], x_title: str | None = None) -> None:
        self.series = list(series)
        self.x_title = x_title
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart as a sentence per questionnaire, for screen readers."""
        if not self.series:
            return self._empty_text()
        return " ".join(self.describe_series(series) for series in self.series)

    def describe_series(self, series: ChartSeries) -> str:
        """One questionnaire in words: its range, each point (measurement, date, score, band), the bands' limits and
        the reliable-change lines."""
        axis = self.x_title if self.x_title is not None else self.tr("Measurement")
        sentences = [self.tr("{questionnaire}, scores from {low} to {high}").format(
            questionnaire=series.name, low=format_number(series.min_score), high=format_number(series.max_score))]
        if not series.points:
            sentences.append(self.tr("no scores yet"))
        for index, (label, value) in enumerate(series.points):
            where = f"{axis} {label}".strip()
            if index < len(series.dates) and series.dates[index]:
                where += f", {series.dates[index]}"
            point = self.tr("{measurement}: {score} points").format(measurement=where, score=format_number(value))
            if series.notes[index]:
                point += f" ({series.notes[index]})"
            if series.risks[index]:
                point += ", " + self.tr("risk answer")
            band = series.band_of(value)
            sentences.append(f"{point}, {band}" if band else point)
        if series.bands:
            limits = ", ".join(self.tr("{band} from {score}").format(band=word, score=format_number(low))
                               for low, word, _ in series.bands)
            sentences.append(self.tr("Severity bands: {limits}").format(limits=limits))
        if series.reliable_change and series.points:
            first = series.points[0][1]
            sentences.append(self.tr("Reliable change lines at {lower} and {upper}, {change} points from the first "
                                     "score").format(lower=format_number(first - series.reliable_change),
                                                     upper=format_number(first + series.reliable_change),
                                                     change=format_number(series.reliable_change)))
        return ". ".join(sentences) + "."

    def drawn_labels(self) -> list[str]:
        """Every text the last paint drew (band words, values, ticks, titles): for tests and checks."""
        return list(self._drawn)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Questionnaire scores over time"))
            self.setAccessibleDescription(self.describe())
            self.update()
        elif event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    # -- size ----------------------------------------------------------------------------------------------------
    def _panel_min_height(self) -> int:
        line = QFontMetrics(self.font()).height()
        return max(20 * GRID, 11 * line)

    def _needed(self, line: float) -> tuple[float, float]:
        """The smallest (width, height) in which text of `line` pixels still reads: axes, bands, legend."""
        bands = max((len(series.bands) for series in self.series), default=0)
        panel = line * (5.5 + max(4.0, 0.8 * bands))
        return 30 * line, max(1, len(self.series)) * panel + 3.5 * line

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        panels = max(1, len(self.series))
        return QSize(max(80 * GRID, 50 * line), panels * (self._panel_min_height() + line) + 3 * line)

    def minimumSizeHint(self) -> QSize:
        width, height = self._needed(QFontMetrics(self.font()).height())
        return QSize(int(width), int(height))

    # -- output --------------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._paint(painter, self.rect(), colours())
        if self.hasFocus():
            painter.setPen(QPen(QColor(colours().focus), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        painter.end()

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    def render_to_image(self, width: int, height: int) -> QImage:
        """The chart at `width` × `height` pixels on white, for a PDF or a printout (always the light colours)."""
        image = QImage(max(1, width), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(LIGHT.surface))
        painter = QPainter(image)
        self._paint(painter, QRect(0, 0, width, height), LIGHT)
        painter.end()
        return image

    # -- drawing -------------------------------------------------------------------------------------------------
    def _empty_text(self) -> str:
        return self.tr("No scores yet. Give a questionnaire to start following the change.")

    def _text(self, painter: QPainter, rect: QRectF | QRect, flags, text: str) -> None:
        painter.drawText(rect, int(flags), text)
        self._drawn.append(text)

    def _paint(self, painter: QPainter, rect: QRect, palette: Palette) -> None:
        self._drawn = []
        self._palette = palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, QColor(palette.surface))
        font = QFont(self.font())
        if self.series:
            # Squeezed below what the text needs (a small print box, a forced size): smaller type, same layout.
            needed_width, needed_height = self._needed(QFontMetrics(font, painter.device()).height())
            scale = min(1.0, rect.width() / needed_width, rect.height() / needed_height)
            if scale < 1.0:
                font.setPointSizeF(font.pointSizeF() * max(0.55, scale))
        painter.setFont(font)
        metrics = QFontMetrics(font, painter.device())
        line = metrics.height()
        pad = max(GRID, line // 2)
        area = rect.adjusted(pad, pad, -pad, -pad)
        if not self.series:
            painter.setPen(QColor(self._palette.muted))
            self._text(painter, area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text())
            return
        legend_height = self._paint_legend(painter, area, font, measure_only=True)
        count = len(self.series)
        gap = line
        panel_height = (area.height() - legend_height - gap * count) / count
        top = float(area.top())
        # The same left and right margins in every panel, so that the plots line up under each other.
        margins = (
            max(metrics.horizontalAdvance(format_number(v)) for s in self.series for v in (s.min_score, s.max_score)),
            max((metrics.horizontalAdvance(band[1]) for s in self.series for band in s.bands), default=0),
        )
        for series in self.series:
            panel = QRectF(area.left(), top, area.width(), panel_height)
            self._paint_panel(painter, panel, series, font, margins)
            top += panel_height + gap
        legend = QRect(area.left(), int(area.bottom() - legend_height + 1), area.width(), legend_height)
        self._paint_legend(painter, legend, font, measure_only=False)

    def _paint_panel(self, painter: QPainter, panel: QRectF, series: ChartSeries, font: QFont,
                     margins: tuple[int, int] = (0, 0)) -> None:
        device = painter.device()
        metrics = QFontMetrics(font, device)
        line = metrics.height()
        pad = max(GRID, line // 2)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        small_metrics = QFontMetrics(small, device)
        title_font = QFont(font)
        title_font.setBold(True)
        title_font.setPointSizeF(font.pointSizeF() * 1.15)
        title_metrics = QFontMetrics(title_font, device)

        # Title row: the questionnaire on the left, which way is worse on the right.
        title_rect = QRectF(panel.left(), panel.top(), panel.width(), title_metrics.height())
        painter.setFont(title_font)
        painter.setPen(QColor(self._palette.ink))
        self._text(painter, title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, series.name)
        direction = (self.tr("Higher score = more symptoms") if series.higher_is_worse
                     else self.tr("Higher score = better"))
        painter.setFont(small)
        painter.setPen(QColor(self._palette.muted))
        self._text(painter, title_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, direction)
        painter.setFont(font)

        low, high = series.min_score, series.max_score
        ticks = sorted({low, high, *(band[0] for band in series.bands if low < band[0] < high)})
        if len(ticks) <= 2:
            ticks = sorted({low, high, *_nice_ticks(low, high, 4)})
        tick_width = max(margins[0], *(metrics.horizontalAdvance(format_number(value)) for value in ticks))
        band_width = max(margins[1], *(metrics.horizontalAdvance(band[1]) for band in series.bands), 0)
        y_title_width = line  # the rotated axis title

        plot_left = panel.left() + y_title_width + pad // 2 + tick_width + pad // 2
        plot_right = panel.right() - (band_width + 2 * pad if band_width else pad)
        plot_top = title_rect.bottom() + pad
        x_labels_height = line + pad // 2
        x_title = self.x_title if self.x_title is not None else self.tr("Measurement")
        x_title_height = small_metrics.height() if x_title else 0
        if panel.bottom() - x_labels_height - x_title_height - plot_top < 3 * line:
            x_title, x_title_height = "", 0  # short of room: the axis title goes first
        plot_bottom = panel.bottom() - x_labels_height - x_title_height
        if plot_bottom - plot_top < 1.5 * line or plot_right - plot_left < 4 * line:
            painter.setFont(small)
            painter.setPen(QColor(self._palette.muted))
            self._text(painter, QRectF(panel.left(), title_rect.bottom(), panel.width(),
                                       max(0.0, panel.bottom() - title_rect.bottom())),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                       self.describe_series(series))
            painter.setFont(font)
            return  # too small for a readable chart: the scores as text instead
        plot = QRectF(QPointF(plot_left, plot_top), QPointF(plot_right, plot_bottom))

        def y_of(value: float) -> float:
            value = min(max(value, low), high)
            return plot.bottom() - (value - low) / (high - low) * plot.height()

        # Bands: stripes across the plot and the label column, the word at the right edge.
        highest = max((band[2] for band in series.bands), default=0)
        stripe_right = panel.right()
        label_slots: list[tuple[float, float, str]] = []
        for index, (start, word, severity) in enumerate(series.bands):
            end = series.bands[index + 1][0] if index + 1 < len(series.bands) else high
            top, bottom = y_of(end), y_of(start)
            painter.fillRect(QRectF(plot.left(), top, stripe_right - plot.left(), bottom - top),
                             band_color(severity, highest, self._palette))
            if index:
                painter.setPen(QPen(_translucent(self._palette.ink, 38), 1))
                painter.drawLine(QPointF(plot.left(), bottom), QPointF(stripe_right, bottom))
            label_slots.append(((top + bottom) / 2, bottom - top, word))
        if not series.bands:
            painter.fillRect(plot, QColor(self._palette.plot))
        painter.setPen(QColor(self._palette.ink))
        band_font, band_line = font, line
        if label_slots and len(label_slots) * line > plot.height():
            # Too many words for the height: a smaller type for them (never below 70 %), every word still shown.
            band_font = QFont(font)
            band_font.setPointSizeF(font.pointSizeF() * max(0.7, plot.height() / (len(label_slots) * line)))
            band_line = QFontMetrics(band_font, device).height()
        painter.setFont(band_font)
        for center, word in _spread([(c, w) for c, _, w in label_slots], band_line, plot.top(), plot.bottom()):
            label_rect = QRectF(plot.right() + pad, center - band_line / 2, band_width + pad / 2, band_line)
            self._text(painter, label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, word)
        painter.setFont(font)

        # Axes and ticks.
        painter.setPen(QPen(QColor(self._palette.muted), 1))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        last_y = None
        for value in sorted(ticks, reverse=True):
            y = y_of(value)
            if last_y is not None and y - last_y < line * 0.9:
                continue
            last_y = y
            painter.setPen(QPen(QColor(self._palette.muted), 1))
            painter.drawLine(QPointF(plot.left() - pad / 3, y), QPointF(plot.left(), y))
            painter.setPen(QColor(self._palette.ink))
            tick_rect = QRectF(plot.left() - pad / 2 - tick_width - pad, y - line / 2, tick_width + pad, line)
            self._text(painter, tick_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       format_number(value))
        painter.save()
        painter.setFont(small)
        painter.setPen(QColor(self._palette.muted))
        painter.translate(panel.left(), plot.center().y())
        painter.rotate(-90)
        y_title = self.tr("Score")
        self._text(painter, QRectF(-plot.height() / 2, 0, plot.height(), y_title_width),
                   Qt.AlignmentFlag.AlignCenter, y_title)
        painter.restore()

        # Where the points and their values go; drawn last, over everything else.
        count = len(series.points)
        slot = plot.width() / max(1, count)
        xs = [plot.left() + slot * (index + 0.5) for index in range(count)]
        ys = [y_of(value) for _, value in series.points]
        radius = max(4.0, line / 4)
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold, device)
        value_boxes: list[tuple[QRectF, str]] = []
        for index, (x, y) in enumerate(zip(xs, ys, strict=True)):
            text = value_text(series, index)
            width = bold_metrics.horizontalAdvance(text) + pad / 2
            height = bold_metrics.height()
            above = y - radius - height - 2 >= plot.top()
            value_boxes.append((QRectF(x - width / 2, y - radius - height - 2 if above else y + radius + 2,
                                       width, height), text))
        occupied = [box for box, _ in value_boxes] + [
            QRectF(x - radius - 2, y - radius - 2, 2 * radius + 4, 2 * radius + 4) for x, y in zip(xs, ys, strict=True)
        ]

        # Reliable change from the first score, both ways, where the line falls inside the range. Each label goes
        # where it covers no point or value: first on the far side of its line (away from the first score).
        if series.reliable_change and series.points:
            first = series.points[0][1]
            change = format_number(series.reliable_change)
            painter.setFont(small)
            label_height = small_metrics.height()
            for sign, threshold in ((-1, first - series.reliable_change), (1, first + series.reliable_change)):
                if not low <= threshold <= high:
                    continue
                y = y_of(threshold)
                painter.setPen(QPen(QColor(self._palette.ink), 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                text = self.tr("reliable change {change}").format(change=("+" if sign > 0 else "−") + change)
                width = small_metrics.horizontalAdvance(text) + pad
                far_top = y - label_height - 2 if sign > 0 else y + 2
                near_top = y + 2 if sign > 0 else y - label_height - 2
                candidates = [
                    QRectF(left, top, width, label_height)
                    for top in (far_top, near_top)
                    for left in (plot.left() + pad / 2, plot.right() - width - pad / 2)
                    if plot.top() <= top and top + label_height <= plot.bottom()
                ] or [QRectF(plot.left() + pad / 2, far_top, width, label_height)]
                box = next((c for c in candidates if not any(c.intersects(o) for o in occupied)), candidates[0])
                occupied.append(box)
                painter.fillRect(box, _translucent(self._palette.surface, 210))
                painter.setPen(QColor(self._palette.ink))
                self._text(painter, box, Qt.AlignmentFlag.AlignCenter, text)
            painter.setFont(font)

        # The scores: a line through the points, each point with its value.
        if count:
            if count > 1:
                path = QPainterPath(QPointF(xs[0], ys[0]))
                for x, y in zip(xs[1:], ys[1:], strict=True):
                    path.lineTo(x, y)
                painter.setPen(QPen(QColor(self._palette.ink), 2.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
            for index, (x, y, (box, text)) in enumerate(zip(xs, ys, value_boxes, strict=True)):
                if series.risks[index]:  # a risk answer: a thick ring in the danger colour around the point
                    painter.setPen(QPen(QColor(self._palette.danger), 3))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(QPointF(x, y), radius * 1.9, radius * 1.9)
                painter.setPen(QPen(QColor(self._palette.ink), 2))
                painter.setBrush(QColor(self._palette.surface))
                painter.drawEllipse(QPointF(x, y), radius, radius)
                painter.fillRect(box, _translucent(self._palette.surface, 170))
                painter.setFont(bold)
                painter.setPen(QColor(self._palette.ink))
                self._text(painter, box, Qt.AlignmentFlag.AlignCenter, text)
                painter.setFont(font)
            # Labels under the axis; thinned out when they would overlap.
            label_width = max(metrics.horizontalAdvance(label) for label, _ in series.points) + pad
            every = max(1, math.ceil(label_width / slot))
            painter.setPen(QColor(self._palette.ink))
            shown = [index for index in range(count) if index % every == 0]
            if shown[-1] != count - 1 and (count - 1 - shown[-1]) * slot >= label_width:
                shown.append(count - 1)  # the latest measurement is labelled whenever it fits
            for index in shown:
                label = series.points[index][0]
                box = QRectF(xs[index] - label_width / 2, plot.bottom() + pad / 2, label_width, line)
                self._text(painter, box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        if x_title:
            painter.setFont(small)
            painter.setPen(QColor(self._palette.muted))
            box = QRectF(plot.left(), panel.bottom() - x_title_height, plot.width(), x_title_height)
            self._text(painter, box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, x_title)
            painter.setFont(font)

    def _paint_legend(self, painter: QPainter, area: QRect, base: QFont, measure_only: bool) -> int:
        """The key under the panels; returns its height (and draws it unless `measure_only`)."""
        font = QFont(base)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        metrics = QFontMetrics(font, painter.device())
        line = metrics.height()
        swatch = 3 * line // 2
        gap = line
        entries = [
            ("point", self.tr("Score at a measurement")),
            ("dash", self.tr("Reliable change from the first score")),
            ("band", self.tr("Shading and word at the right: severity band")),
        ]
        # A marked point is explained here: which series, which measurement, what the reader must know.
        where = f"{self.x_title} " if self.x_title else ""
        entries += [("note", f"* {series.name}, {where.lower()}{label}: {note}")
                    for series in self.series for (label, _), note in zip(series.points, series.notes, strict=True)
                    if note]
        x, y = area.left(), area.top()
        rows = 1
        positions = []
        for kind, text in entries:
            width = swatch + GRID + metrics.horizontalAdvance(text)
            if x > area.left() and x + width > area.right():
                x, y, rows = area.left(), y + line + GRID // 2, rows + 1
            positions.append((kind, text, x, y))
            x += width + gap
        height = rows * line + (rows - 1) * (GRID // 2) + GRID
        if measure_only:
            return height
        painter.setFont(font)
        top_offset = GRID
        for kind, text, x, y in positions:
            y += top_offset
            middle = y + line / 2
            if kind == "note":
                pass  # the text says it all
            elif kind == "point":
                painter.setPen(QPen(QColor(self._palette.ink), 2.5))
                painter.drawLine(QPointF(x, middle), QPointF(x + swatch, middle))
                painter.setPen(QPen(QColor(self._palette.ink), 2))
                painter.setBrush(QColor(self._palette.surface))
                painter.drawEllipse(QPointF(x + swatch / 2, middle), line / 5, line / 5)
            elif kind == "dash":
                painter.setPen(QPen(QColor(self._palette.ink), 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, middle), QPointF(x + swatch, middle))
            else:
                third = swatch / 3
                for step, color in enumerate(self._palette.bands[::2]):
                    painter.fillRect(QRectF(x + step * third, y + line * 0.2, third, line * 0.6), QColor(color))
                painter.setPen(QPen(QColor(self._palette.border), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(x, y + line * 0.2, swatch, line * 0.6))
            painter.setPen(QColor(self._palette.muted))
            box = QRectF(x + swatch + GRID, y, metrics.horizontalAdvance(text) + 2, line)
            self._text(painter, box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        return height


def _spread(labels: list[tuple[float, str]], height: float, top: float, bottom: float) -> list[tuple[float, str]]:
    """Label centres moved apart just enough not to overlap, kept between `top` and `bottom`."""
    if not labels:
        return []
    ordered = sorted(labels)  # top of the panel first (smaller y)
    centres = [centre for centre, _ in ordered]
    half = height / 2
    centres[0] = max(centres[0], top + half)
    for index in range(1, len(centres)):
        centres[index] = max(centres[index], centres[index - 1] + height)
    overflow = centres[-1] - (bottom - half)
    if overflow > 0:
        centres[-1] -= overflow
        for index in range(len(centres) - 2, -1, -1):
            centres[index] = min(centres[index], centres[index + 1] - height)
    return [(centre, word) for centre, (_, word) in zip(centres, ordered, strict=True)]


register_role(ProgressChart, QAccessible.Role.Chart)
