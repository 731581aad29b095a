"""Runtime language switching: Askel's own catalogue plus Qt's (buttons, standard dialogs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from askel.core.i18n import Message

LANGUAGES = ("fi", "sv")
LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}
CATALOGUE_DIR = Path(__file__).resolve().parents[1] / "translations"


def catalogue_path(language: str) -> Path:
    return CATALOGUE_DIR / f"askel_{language}.qm"


class LanguageManager:
    """Installs the translators for one language; every widget then gets a LanguageChange event."""

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.language = ""
        self._translators: list[QTranslator] = []

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            language = "fi"
        if language == self.language:
            return
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{language}", qt_dir), (f"askel_{language}", str(CATALOGUE_DIR))):
            translator = QTranslator(self.app)
            if translator.load(name, folder):
                self.app.installTranslator(translator)
                self._translators.append(translator)
        self.language = language
        QLocale.setDefault(QLocale(LOCALES[language]))
        # Windows already open report the new language to screen readers too (content widgets keep their own).
        for window in QApplication.topLevelWidgets():
            window.setLocale(QLocale())
        # Qt posts LanguageChange; deliver it now so every widget shows the new language before we return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def system_language() -> str:
    """The operating system's language if Askel speaks it ("sv" for any Swedish locale), else Finnish."""
    return "sv" if QLocale.system().name().startswith("sv") else "fi"


def starting_language(settings) -> str:
    """The language to start in: the user's (or IT's) choice, else the operating system's."""
    return str(settings.get("language")) if settings.source("language") != "default" else system_language()


def locale() -> QLocale:
    return QLocale()


def content_locale(language: str) -> QLocale:
    """The locale of content written in `language` (fi / sv: a questionnaire in the client's language, an export):
    set on the widgets that show it (`QWidget.setLocale`), a screen reader reads it with that language's voice."""
    return QLocale(LOCALES.get(language, language))


def translate(msg: Message) -> str:
    """A core message (context, English text, arguments) in the current UI language."""
    return QCoreApplication.translate(msg.context, msg.text).format(**dict(msg.args))


def format_date(value) -> str:
    """5.3.2026 in both languages (the Finnish and Finland-Swedish short date)."""
    if value is None:
        return ""
    return f"{value.day}.{value.month}.{value.year}"


def format_time(value) -> str:
    """"klo 7.05" / "kl. 7.05": a full stop in both languages (Finland-Swedish keeps it; the colon is Sweden's)."""
    return f"{'kl.' if ui_language() == 'sv' else 'klo'} {value.hour}.{value.minute:02d}"


def ui_language() -> str:
    """The clinician's current UI language ("fi" or "sv"): the language of protocol texts on screen."""
    return "sv" if QLocale().name().startswith("sv") else "fi"


def format_appointment(value) -> str:
    """"ti 8.12.2026 klo 14.00" / "tis 8.12.2026 kl. 14.00": an appointment with its weekday."""
    day = QLocale().dayName(value.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{day} {format_date(value)} {format_time(value)}"


def format_datetime(value) -> str:
    return f"{format_date(value)} {format_time(value)}" if value else ""


def format_number(value: float | None, signed: bool = False) -> str:
    """Whole numbers plainly, others with one decimal and the locale's decimal comma."""
    if value is None:
        return ""
    text = str(int(value)) if float(value).is_integer() else QLocale().toString(float(value), "f", 1)
    return f"+{text}" if signed and value > 0 else text.replace("-", "−")
