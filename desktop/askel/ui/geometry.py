"""Every window inside the screen: dialogs are kept within the available area (the screen less the task bar), and
the main window's size and position are remembered between runs and clamped to the screen it opens on.

A dialog whose content is taller than the screen scrolls its body (`widgets.dialog_layout`); this module only makes
sure that no window is ever placed or sized past the screen's edge, whatever the text size or the window manager.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from askel.core.atomic import atomic_write

log = logging.getLogger(__name__)
# The main window's first size on a large screen; on a smaller one it takes the available area.
PREFERRED_SIZE = QSize(1280, 800)
# A window manager's title bar and borders, until the real ones are known (after the window is first shown).
DEFAULT_FRAME = QMargins(4, 32, 4, 8)
SETTLE_MS = 1500  # how long after showing a window its frame may still arrive from the window manager


def available_area(widget: QWidget | None = None) -> QRect:
    """The usable area of the screen the widget is on (or the primary screen): without task bars and docks."""
    screen = widget.screen() if widget is not None and widget.screen() is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def frame_margins(window: QWidget) -> QMargins:
    """What the window manager's frame adds on each side of the window (a guess until it is shown)."""
    frame, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(inner.left() - frame.left(), inner.top() - frame.top(), frame.right() - inner.right(),
                       frame.bottom() - inner.bottom())
    return margins if window.isVisible() and not margins.isNull() else DEFAULT_FRAME


def clamp(rect: QRect, area: QRect, frame: QMargins = DEFAULT_FRAME) -> QRect:
    """`rect` (a window without its frame) made to fit inside `area` with its frame, moved as little as possible."""
    room = area.marginsRemoved(frame)
    width, height = min(rect.width(), room.width()), min(rect.height(), room.height())
    left = min(max(rect.x(), room.x()), room.right() + 1 - width)
    top = min(max(rect.y(), room.y()), room.bottom() + 1 - height)
    return QRect(left, top, width, height)


def open_dialog(dialog: QWidget) -> None:
    """A dialog as it opens: as large as its content asks (Qt stops at two thirds of the screen, so a long body
    would scroll needlessly), never larger than the screen, and centred over the window it belongs to."""
    dialog.ensurePolished()  # the style sheet's paddings and fonts are part of every size hint
    if dialog.layout() is not None:
        dialog.layout().activate()
    area = available_area(dialog)
    room = area.marginsRemoved(frame_margins(dialog))
    wanted = dialog.sizeHint().expandedTo(dialog.minimumSizeHint()).expandedTo(dialog.size())
    rect = QRect(dialog.geometry().topLeft(), wanted.boundedTo(room.size()))
    owner = dialog.parentWidget().window() if dialog.parentWidget() is not None else None
    rect.moveCenter(owner.geometry().center() if owner is not None and owner.isVisible() else room.center())
    dialog.setGeometry(clamp(rect, area, frame_margins(dialog)))


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move a top-level window so that it, with its frame, lies inside the available area."""
    area = available_area(window)
    inside = clamp(window.geometry(), area, frame_margins(window))
    if inside.size() != window.size():
        window.resize(inside.size())
    if inside.topLeft() != window.geometry().topLeft():
        window.move(inside.topLeft() - (window.geometry().topLeft() - window.frameGeometry().topLeft()))


class ScreenFit(QObject):
    """Application-wide: every window is fitted to the screen when it is shown, and again while the window manager
    settles its frame and place (for SETTLE_MS); after that, where the user moves a window is her choice.

    A window cannot be made smaller than its layout's minimum: that minimum is what the geometry test checks."""

    WATCHED = (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize)
    SETTLING = "askelSettling"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() not in self.WATCHED or not isinstance(watched, QWidget) or not watched.isWindow() or \
                watched.windowType() not in (Qt.WindowType.Dialog, Qt.WindowType.Window):
            return False
        if event.type() == QEvent.Type.Show:
            if watched.windowType() == Qt.WindowType.Dialog and not watched.property(self.SETTLING):
                open_dialog(watched)
            watched.setProperty(self.SETTLING, True)
            QTimer.singleShot(SETTLE_MS, watched, lambda: watched.setProperty(self.SETTLING, False))
        if watched.property(self.SETTLING) and not (watched.windowState() & Qt.WindowState.WindowFullScreen):
            fit_to_screen(watched)
        return False


def install(app: QApplication) -> ScreenFit:
    fitter = ScreenFit(app)
    app.installEventFilter(fitter)
    return fitter


# -- the main window: remembered between runs -----------------------------------------------------------------------
def initial_geometry(saved: dict | None, area: QRect, frame: QMargins = DEFAULT_FRAME) -> tuple[QRect, bool]:
    """Where the main window opens: where it was (clamped to this screen), or centred at the preferred size."""
    if saved:
        try:
            rect = QRect(int(saved["x"]), int(saved["y"]), int(saved["width"]), int(saved["height"]))
            return clamp(rect, area, frame), bool(saved.get("maximized"))
        except (KeyError, TypeError, ValueError):
            pass
    room = area.marginsRemoved(frame)
    rect = QRect(0, 0, min(PREFERRED_SIZE.width(), room.width()), min(PREFERRED_SIZE.height(), room.height()))
    rect.moveCenter(room.center())
    return clamp(rect, area, frame), False


def load(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def save(path: Path, window: QWidget) -> None:
    """The normal (not maximised) geometry and whether the window was maximised; never anything about clients."""
    rect = window.normalGeometry() if window.isMaximized() else window.geometry()
    data = {"x": rect.x(), "y": rect.y(), "width": rect.width(), "height": rect.height(),
            "maximized": window.isMaximized()}
    try:
        atomic_write(path, json.dumps(data).encode("utf-8"), mode=0o600)
    except OSError as error:
        log.warning("could not remember the window size: %s", type(error).__name__)


def restore(window: QWidget, path: Path) -> None:
    """Size and place the main window before it is first shown; its minimum size never exceeds the screen."""
    area = available_area(window)
    minimum = window.minimumSize()
    room = area.marginsRemoved(DEFAULT_FRAME)
    window.setMinimumSize(min(minimum.width(), room.width()), min(minimum.height(), room.height()))
    rect, maximized = initial_geometry(load(path), area)
    window.setGeometry(rect)
    if maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
