"""Choosing where to save a file: one file dialog for the whole program.

The dialog starts in the user's documents folder (or, for an export for the record, the export folder IT set),
never in the program's own folder; it is Qt's own dialog, translated by Qt's catalogues and by the words Askel
supplies where Qt's Finnish catalogue has none (`qt_words`), so that it speaks the user's language on every
platform. The suggested name is in the user's language with a local date: `askel-hoitojakso-5.12.2026.pdf`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from askel.ui.i18n import format_date


def documents_folder() -> Path:
    """The user's documents folder when it exists, else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(preferred: str = "") -> Path:
    """`preferred` (IT's export folder) when it can be reached, else the documents folder."""
    if preferred:
        folder = Path(preferred)
        if folder.is_dir():
            return folder
    return documents_folder()


def file_name(words: str, suffix: str, on: date | None = None, dated: bool = True) -> str:
    """`askel-<words>-<d.m.yyyy><suffix>`: `words` in the user's language (no client data), the local date."""
    safe = "".join(char if char.isalnum() or char in "-." else "-" for char in words.strip().lower())
    return f"askel-{safe}-{format_date(on or date.today())}{suffix}" if dated else f"askel-{safe}{suffix}"


def ask_save_path(parent: QWidget | None, title: str, suggested: str, folder: Path | None = None,
                  filters: str = "") -> Path | None:
    """The file the user chose, or None when she cancelled."""
    start = (folder or documents_folder()) / suggested
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), filters)
    return Path(name) if name else None


def _qt_words() -> tuple[str, ...]:
    """Labels of Qt's own dialogs that Qt's Finnish catalogue lacks, and Cancel as Askel says it ("Peruuta", as
    the operating systems do, not Qt's "Peru"). Askel's catalogue is installed after Qt's, so its words win.
    Never called: the calls are here for `make lupdate`, which puts them in askel_fi.ts / askel_sv.ts."""
    translate = QCoreApplication.translate
    return (
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QPlatformTheme", "Cancel"),
    )
