"""A small progress chart drawn with QPainter: one questionnaire's totals over the course.

Drawn here rather than borrowed from the UI (the export layer must not import `askel.ui`). It reads in grey print:
ink only, band limits as dashed lines with their names, each point labelled with its score, so no meaning rests on
colour. A point with a note (a prorated score: not every question was answered) is hollow and its value carries a
`*`, so it reads apart from a full score in black and white too; the report explains the mark under the chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

INK = QColor("#1b1f24")
MUTED = QColor("#5b6573")
GRID = QColor("#b8c0ca")


@dataclass(frozen=True)
class Series:
    title: str  # e.g. "PHQ-9"
    points: tuple[tuple[date, float], ...]  # oldest first
    minimum: float  # the lowest and highest possible totals
    maximum: float
    bands: tuple[tuple[float, str], ...] = ()  # (lower limit, label) of each band above the lowest
    # Per point: '' or what a reader must know about that score (prorated: which questions were not answered).
    notes: tuple[str, ...] = ()

    def marked(self, index: int) -> bool:
        return index < len(self.notes) and bool(self.notes[index])


def point_centres(rect: QRectF, series: Series) -> list[QPointF]:
    """Where `draw_chart` puts each point inside `rect`, oldest first."""
    unit = rect.height() / 22
    left, right = rect.left() + 4 * unit, rect.right() - 14 * unit
    top, bottom = rect.top() + 3 * unit, rect.bottom() - 3 * unit
    span = (series.maximum - series.minimum) or 1.0
    step = (right - left) / max(len(series.points), 2)
    return [QPointF(left + step * (index + 0.5), bottom - (value - series.minimum) / span * (bottom - top))
            for index, (_, value) in enumerate(series.points)]


def draw_chart(painter: QPainter, rect: QRectF, series: Series) -> None:
    """Draw `series` inside `rect` (device units of the painter)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, QColor("white"))
    unit = rect.height() / 22  # every size follows the chart's height, so any resolution looks the same
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(unit * 1.1)))
    painter.setFont(font)
    title_font = QFont(font)
    title_font.setBold(True)
    title_font.setPixelSize(max(1, round(unit * 1.4)))

    left, right = rect.left() + 4 * unit, rect.right() - 14 * unit
    top, bottom = rect.top() + 3 * unit, rect.bottom() - 3 * unit
    span = (series.maximum - series.minimum) or 1.0

    def y_of(value: float) -> float:
        return bottom - (value - series.minimum) / span * (bottom - top)

    painter.setFont(title_font)
    painter.setPen(INK)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), 2.5 * unit),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, series.title)
    painter.setFont(font)

    # Axes and the band limits.
    painter.setPen(QPen(INK, max(1.0, unit / 8)))
    painter.drawLine(QPointF(left, top), QPointF(left, bottom))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    for value in (series.minimum, series.maximum):
        painter.drawText(QRectF(rect.left(), y_of(value) - unit, 3.5 * unit, 2 * unit),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _number(value))
    dashed = QPen(GRID, max(1.0, unit / 10), Qt.PenStyle.DashLine)
    for limit, label in series.bands:
        y = y_of(limit)
        painter.setPen(dashed)
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(MUTED)
        painter.drawText(QRectF(right + 0.5 * unit, y - 1.5 * unit, 13.5 * unit, 1.5 * unit),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, f"{_number(limit)} {label}")

    points = series.points
    if not points:
        painter.restore()
        return
    xy = point_centres(rect, series)
    painter.setPen(QPen(INK, max(1.0, unit / 4)))
    for start, end in zip(xy, xy[1:], strict=False):
        painter.drawLine(start, end)
    for index, ((when, value), point) in enumerate(zip(points, xy, strict=True)):
        if series.marked(index):  # hollow: a white disc in a thick ring, big enough to see its empty middle
            painter.setPen(QPen(INK, max(1.0, unit / 4)))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(point, unit * 0.65, unit * 0.65)
        else:
            painter.setPen(QPen(INK, 1))
            painter.setBrush(INK)
            painter.drawEllipse(point, unit * 0.45, unit * 0.45)
        painter.setPen(INK)
        label = _number(value) + ("*" if series.marked(index) else "")
        painter.drawText(QRectF(point.x() - 3 * unit, point.y() - 2.4 * unit, 6 * unit, 1.6 * unit),
                         Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(MUTED)
        painter.drawText(QRectF(point.x() - 3 * unit, bottom + 0.3 * unit, 6 * unit, 2 * unit),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, f"{when.day}.{when.month}.")
    painter.restore()


def chart_image(series: Series, width: int = 1600, height: int = 560) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        draw_chart(painter, QRectF(0, 0, width, height), series)
    finally:
        painter.end()
    return image


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")
