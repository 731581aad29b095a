"""Copy text to the clipboard and clear it again after a while, but only if it still holds that text.

A record entry left on the clipboard can be pasted anywhere later (a chat, an e-mail) and read by any program. The
guard clears it after `clipboard_clear_seconds` (0 = never). If the user has copied something else meanwhile, that
is left alone. The copy is also marked as sensitive for clipboard managers and the Windows clipboard history, so
they do not keep it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit

# Formats that clipboard managers and Windows honour: do not keep this in history or sync it to the cloud.
_SENSITIVE_FORMATS = {
    "x-kde-passwordManagerHint": b"secret",
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
}


class ClipboardGuard(QObject):
    """`copy(text, seconds)`; `cleared` is emitted when the guard removed its text from the clipboard."""

    cleared = Signal()

    def __init__(self, clipboard: QClipboard | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._clipboard = clipboard or QGuiApplication.clipboard()
        self._text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_now)

    def copy(self, text: str, clear_after_seconds: float) -> None:
        """Put `text` on the clipboard; clear it after `clear_after_seconds` (0 or less: never)."""
        mime = QMimeData()
        mime.setText(text)
        for name, value in _SENSITIVE_FORMATS.items():
            mime.setData(name, QByteArray(value))
        self._clipboard.setMimeData(mime, QClipboard.Mode.Clipboard)
        self._text = text
        self._timer.stop()
        if clear_after_seconds and clear_after_seconds > 0:
            self._timer.start(max(1, round(clear_after_seconds * 1000)))

    def is_pending(self) -> bool:
        return self._timer.isActive()

    def clear_now(self) -> bool:
        """Clear the clipboard if it still holds the guarded text (also call at lock and at quit)."""
        self._timer.stop()
        text, self._text = self._text, None
        if text is None or self._clipboard.text(QClipboard.Mode.Clipboard) != text:
            return False
        self._clipboard.clear(QClipboard.Mode.Clipboard)
        self.cleared.emit()
        return True


_shared: ClipboardGuard | None = None


def shared_clipboard_guard() -> ClipboardGuard:
    """One guard for the whole application: its timer must outlive the dialog that copied."""
    global _shared
    if _shared is None:
        _shared = ClipboardGuard(parent=QGuiApplication.instance())
    return _shared


class GuardedTextView(QPlainTextEdit):
    """A read-only text (an export's preview) from which nothing leaves except through the logged copy.

    Every way Qt would put the selection on a clipboard goes through `createMimeDataFromSelection`: Ctrl+C, the
    context menu's Copy, dragging the selection out, and the X11 selection that middle-click pastes. Here it gives
    nothing, and Ctrl+C and the context menu's Copy emit `copy_requested` with the selected text instead (the whole
    text when nothing is selected), for the owner to log and copy with its ClipboardGuard, exactly as its Copy button.
    """

    copy_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt's virtual)
        return QMimeData()

    def canInsertFromMimeData(self, source) -> bool:  # noqa: N802 (Qt's virtual)
        return False

    def request_copy(self) -> None:
        selected = self.textCursor().selectedText().replace("\u2029", "\n")
        self.copy_requested.emit(selected or self.toPlainText())

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's virtual)
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Cut):
            self.request_copy()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt's virtual)
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            if action.objectName() == "edit-copy":
                action.triggered.disconnect()
                action.triggered.connect(self.request_copy)
        menu.exec(event.globalPos())
        menu.deleteLater()
