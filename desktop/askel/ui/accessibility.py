"""What a screen reader is told beyond names and roles (announcements, the role of a widget painted by Askel), and
what the keyboard does beyond Qt's own (`install`: Enter presses a focused button).

Announcements go through Qt's accessibility events (`QAccessibleAnnouncementEvent`), which Qt hands to AT-SPI on
Linux, UI Automation on Windows and NSAccessibility on macOS. Call `announce` once per thing worth saying (a risk
warning when it appears, a result when it is shown, an error when it is made), never on every repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QDialog, QPushButton, QWidget

_roles: dict[type, QAccessible.Role] = {}


class _EnterPressesButtons(QObject):
    """Enter on a focused push button presses it, as Space does. Qt does that only in dialogs (which keep their
    own rules: Enter there is the default button's), so a keyboard user's Enter on "Continue", "Back" or a course
    in a list did nothing, or went on to whatever the window does with Enter."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QPushButton) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
                and not isinstance(watched.window(), QDialog) and watched.isEnabled():
            watched.animateClick()
            return True
        return False


_enter_presses_buttons: _EnterPressesButtons | None = None


def install(app: QApplication) -> None:
    """What the whole application does for the keyboard beyond Qt's own: Enter presses a focused button."""
    global _enter_presses_buttons
    if _enter_presses_buttons is None:
        _enter_presses_buttons = _EnterPressesButtons(app)
        app.installEventFilter(_enter_presses_buttons)


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
