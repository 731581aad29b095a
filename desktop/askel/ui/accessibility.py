"""What a screen reader is told beyond names and roles: announcements, and the role of a widget painted by Askel.

Announcements go through Qt's accessibility events (`QAccessibleAnnouncementEvent`), which Qt hands to AT-SPI on
Linux, UI Automation on Windows and NSAccessibility on macOS. Call `announce` once per thing worth saying (a risk
warning when it appears, a result when it is shown, an error when it is made), never on every repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_roles: dict[type, QAccessible.Role] = {}


def announce(source: QObject, text: str, urgent: bool = False) -> None:
    """Have a screen reader say `text` now: `urgent` interrupts (a warning, an error), otherwise it waits its turn
    (a result, a confirmation). `source` is the widget the message belongs to."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def register_role(widget_class: type[QWidget], role: QAccessible.Role) -> None:
    """Report `widget_class` (a widget Askel paints itself, such as a chart) with `role` instead of a bare client
    area; its name and description come from setAccessibleName / setAccessibleDescription as usual."""
    if not _roles:
        QAccessible.installFactory(_interface)
    _roles[widget_class] = role


def _interface(_key: str, obj: QObject):
    for widget_class, role in _roles.items():
        if isinstance(obj, widget_class):
            return QAccessibleWidget(obj, role)
    return None
