"""While the client fills in a questionnaire, the main window shows nothing of anyone.

The self-completion window is full screen and modal, but it is a window of its own: minimised, or behind another
window after Alt+Tab, it would uncover the main window with the client's name, identity code and notes. A
`PrivacyCover` lies over the whole main window from the moment self-completion starts until it ends (the clinician
unlocked it with the passphrase, or the program dismissed it), whatever happens to the self-completion window in
between. The cover says what is going on and offers only one thing: to show the questionnaire again. The way back
to the main window is the self-completion window's staff panel, which asks for the passphrase.

    cover_while(window, main_window)     # call right after window.start()
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from askel.ui.theme import GRID, styled_page


class PrivacyCover(QWidget):
    """An opaque child filling its top-level window; it follows the window's size and stays on top."""

    def __init__(self, main_window: QWidget, self_completion: QWidget):
        super().__init__(main_window)
        styled_page(self, "screen")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.self_completion = self_completion
        self._removed = False
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("section")
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.show_questionnaire)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4 * GRID, 4 * GRID, 4 * GRID, 4 * GRID)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addSpacing(2 * GRID)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Client details are hidden"))
        self.retranslate()
        main_window.installEventFilter(self)
        self_completion.installEventFilter(self)
        self.setGeometry(main_window.rect())
        self.show()
        self.raise_()

    def retranslate(self) -> None:
        self.message.setText(self.tr("The client is filling in a questionnaire. Client details are hidden until "
                                     "it is finished and unlocked with the passphrase."))
        self.show_button.setText(self.tr("&Show the questionnaire"))

    def show_questionnaire(self) -> None:
        window = self.self_completion
        window.showFullScreen()
        window.raise_()
        window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's virtual)
        if watched is self.parent():
            if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
                self.setGeometry(self.parentWidget().rect())
                self.raise_()
            elif event.type() == QEvent.Type.ChildAdded:
                QTimer.singleShot(0, self, self.raise_)  # a page added later never comes above the cover
            elif event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
        elif watched is self.self_completion and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self, self._remove_when_closed)  # the window may refuse to close: look after
        return False

    def _remove_when_closed(self) -> None:
        if not self.self_completion.isVisible():
            self.remove()

    def remove(self, *_signal_arguments) -> None:
        if self._removed:
            return
        self._removed = True
        with contextlib.suppress(RuntimeError):  # the self-completion window may be gone already
            self.self_completion.removeEventFilter(self)
        if self.parent() is not None:
            self.parent().removeEventFilter(self)
        self.hide()
        self.deleteLater()


def cover_while(self_completion, main_window: QWidget) -> PrivacyCover:
    """Cover `main_window` until `self_completion` (a SelfCompletionWindow) completes, is abandoned or closes."""
    cover = PrivacyCover(main_window.window(), self_completion)
    # Bound to the cover (a QObject): Qt drops these connections when the cover is gone.
    self_completion.completed.connect(cover.remove)
    self_completion.abandoned.connect(cover.remove)
    self_completion.destroyed.connect(cover.remove)
    return cover
