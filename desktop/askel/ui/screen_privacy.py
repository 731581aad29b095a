"""Optional screenshot blocking on Windows: Askel's windows show as black in screen captures and recordings.

Windows 10 2004 and later honour `SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE)`: the window stays visible
on the monitor but is left out of screenshots, screen recordings and remote-meeting screen sharing (Teams, Zoom).
Older Windows only know `WDA_MONITOR`, which shows the window as a black rectangle in captures; it is the fallback.
Other platforms have no such call: there the functions do nothing and report False.

Each top-level window (every dialog too) is its own native window, so `ScreenPrivacy` applies the affinity to each
window as it is shown. It is off unless the setting `block_screen_capture` is on (the lead adds it to the settings
registry; an organisation may lock it). This is a deterrent against casual capture, not a guarantee: a camera, a
capture card, or a program running with the user's rights can still record the screen.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

WDA_NONE = 0x00000000
WDA_MONITOR = 0x00000001
WDA_EXCLUDEFROMCAPTURE = 0x00000011
SETTING = "block_screen_capture"


def _user32():  # pragma: no cover (Windows only)
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.WinDLL("user32", use_last_error=True)
    user32.SetWindowDisplayAffinity.argtypes = (wintypes.HWND, wintypes.DWORD)
    user32.SetWindowDisplayAffinity.restype = wintypes.BOOL
    return user32


def set_capture_excluded(window: QWidget, excluded: bool, *, user32=None, platform: str | None = None) -> bool:
    """Exclude one top-level window from screen capture (or include it again). True when Windows accepted it."""
    if (platform or sys.platform) != "win32":
        return False
    try:
        user32 = user32 or _user32()
        hwnd = int(window.winId())
        if user32.SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE if excluded else WDA_NONE):
            return True
        # Before Windows 10 2004 the exclusion flag is refused; a black rectangle in captures is the next best.
        return bool(excluded and user32.SetWindowDisplayAffinity(hwnd, WDA_MONITOR))
    except (OSError, AttributeError, ValueError):
        return False


class ScreenPrivacy(QObject):
    """An application-wide event filter: every top-level window gets the capture setting when it is shown."""

    def __init__(self, app: QApplication, enabled: bool, *, user32=None, platform: str | None = None):
        super().__init__(app)
        self.enabled = enabled
        self._user32, self._platform = user32, platform
        app.installEventFilter(self)
        self.apply_all()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.apply_all()

    def apply_all(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                self._apply(widget)

    def _apply(self, window: QWidget) -> bool:
        return set_capture_excluded(window, self.enabled, user32=self._user32, platform=self._platform)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self._apply(watched)
        return False


def install(app: QApplication, settings, **options) -> ScreenPrivacy | None:
    """Start screen privacy from the settings; None (and nothing installed) when not on Windows."""
    if (options.get("platform") or sys.platform) != "win32":
        return None
    try:
        enabled = bool(settings.get(SETTING))
    except KeyError:  # the setting is not in this build's registry yet
        enabled = False
    return ScreenPrivacy(app, enabled, **options)
