"""About Askel: the version, the project's licence (EUPL-1.2) and where the bundled components' licences are."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from askel import __version__
from askel.core import paths
from askel.ui.theme import GRID
from askel.ui.widgets import dialog_layout, lead, title

LICENCE_LINES_SHOWN = 14


def licence_text() -> str:
    """Askel's own licence: from the bundle's licence folder, or the checkout's LICENSE."""
    bundled = paths.licenses_dir()
    for candidate in ([bundled / "Askel" / "LICENSE"] if bundled else []) + [paths.resources_dir().parent / "LICENSE"]:
        if candidate.is_file():
            return candidate.read_text("utf-8")
    return ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = title()
        self.version = lead()
        self.licence = QLabel()
        self.licence.setWordWrap(True)
        self.components = QLabel()
        self.components.setWordWrap(True)
        self.licence_title = QLabel()
        self.licence_title.setObjectName("section")
        self.licence_box = QPlainTextEdit()
        self.licence_box.setReadOnly(True)
        self.licence_box.setPlainText(licence_text())
        self.licence_box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        lines = self.licence_box.fontMetrics().lineSpacing()
        self.licence_box.setMinimumHeight(LICENCE_LINES_SHOWN * lines + 2 * GRID)
        self.licence_title.setBuddy(self.licence_box)
        self.close_button = QPushButton()
        self.close_button.setObjectName("primary")
        self.close_button.clicked.connect(self.accept)

        body = QVBoxLayout()
        for widget in (self.version, self.licence, self.components, self.licence_title, self.licence_box):
            body.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        dialog_layout(self, self.heading, body, buttons, min_width=70 * GRID)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Askel"))
        self.heading.setText(self.tr("About Askel"))
        self.version.setText(self.tr("Version {version}").format(version=__version__))
        self.licence.setText(self.tr(
            "Askel is free software, licensed under the European Union Public Licence, version 1.2 (EUPL-1.2). "
            "You may use, copy, share and change it on the terms of the licence, which is equally valid in every "
            "official language of the EU, Finnish and Swedish included. Askel comes with no warranty, to the extent "
            "the law allows."))
        folder = paths.licenses_dir()
        where = (self.tr("Their licence texts are in the folder {folder}.").format(folder=folder) if folder else
                 self.tr("Their licence texts are in the licenses folder of the installed program."))
        self.components.setText(self.tr(
            "Askel includes free software by others, each under its own licence: Qt and PySide6 (GNU LGPL 3), "
            "Python (PSF licence), SQLCipher (BSD), OpenSSL (Apache 2.0) and others.") + " " + where)
        self.licence_title.setText(self.tr("&Licence text (EUPL-1.2, in English)"))
        self.licence_box.setAccessibleName(self.tr("Licence text"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
