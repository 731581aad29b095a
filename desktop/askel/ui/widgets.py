"""Small building blocks shared by every screen: cards, form rows with inline errors, page titles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from askel.ui.theme import GRID


class Card(QFrame):
    """A white panel on the grey page: groups what belongs together."""

    def __init__(self, parent: QWidget | None = None, margin: int = 3 * GRID):
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(margin, margin, margin, margin)
        self.body.setSpacing(2 * GRID)


class Field(QWidget):
    """A label above an input, a hint or an inline error below it; the label names the input for screen readers."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.label = QLabel()
        self.label.setBuddy(editor)
        self.hint = QLabel()
        self.hint.setObjectName("caption")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID // 2)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)

    def set_text(self, label: str, hint: str = "") -> None:
        self.label.setText(label)
        self.editor.setAccessibleName(label.replace("&", ""))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.setProperty("invalid", bool(text))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
        self.editor.setAccessibleDescription(text)


def line_edit(password: bool = False, max_length: int = 100) -> QLineEdit:
    editor = QLineEdit()
    editor.setMaxLength(max_length)
    if password:
        editor.setEchoMode(QLineEdit.EchoMode.Password)
        editor.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
    return editor


def title(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName("title")
    widget.setAccessibleName(text)
    return widget


def caption(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName("caption")
    widget.setWordWrap(True)
    return widget


def lead(text: str = "") -> QLabel:
    """An explanatory paragraph under a title: body size, muted colour."""
    widget = QLabel(text)
    widget.setObjectName("lead")
    widget.setWordWrap(True)
    return widget
