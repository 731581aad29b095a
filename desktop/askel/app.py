"""Composition root: wires settings, content, the data folder and the GUI together."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from askel.core import paths
from askel.core.settings import USER_SETTINGS_FILENAME, Settings
from askel.store.folder import DataFolder

if TYPE_CHECKING:
    from askel.core.content.library import ContentLibrary


@dataclass
class AppContext:
    data_dir: Path
    settings: Settings
    training: bool = False
    problems: list = field(default_factory=list)
    _library: ContentLibrary | None = None

    @property
    def library(self) -> ContentLibrary:
        """Protocols and questionnaires: shipped ones plus imported signed packs, read once on first use."""
        if self._library is None:
            # Imported late: the content models were a fifth of the start-up time (docs/performance.md).
            from askel.core.content.library import ContentLibrary

            self._library = ContentLibrary.load(paths.resources_dir(), DataFolder(self.data_dir).packs,
                                                trusted_keys=self.trusted_pack_keys)
        return self._library

    @property
    def trusted_pack_keys(self) -> list[str]:
        return list(self.settings.get("trusted_pack_keys") or [])


def make_context(data_dir: Path | None = None) -> AppContext:
    settings = Settings.load(paths.config_dir() / USER_SETTINGS_FILENAME)
    return AppContext(data_dir=Path(data_dir) if data_dir else paths.default_data_dir(), settings=settings,
                      problems=list(settings.problems))


def setup_logging() -> Path:
    """Technical events only: no log call in Askel passes client data (names, codes, notes, answers)."""
    import logging.handlers  # not needed before the window paints

    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(folder / "askel.log", maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return folder


def log_settings_problems(settings: Settings) -> None:
    """Every policy or settings problem in the log: paths, setting keys and rules, never client data."""
    for problem in settings.problems:
        logging.getLogger("askel.settings").warning("%s", problem.english())


def start_gui(context: AppContext, argv: list[str] | None = None, *, preload: bool = True):
    """The application and its main window, shown: the unlock screen (or the first run) paints before the store
    stack is imported, which `preload` then imports on a thread of its own while the passphrase is typed."""
    from PySide6.QtWidgets import QApplication

    from askel import crash
    from askel.ui import accessibility, geometry, screen_privacy, theme
    from askel.ui.i18n import LanguageManager, starting_language
    from askel.ui.shell import Shell

    # Uncaught errors become reports without client data in the log folder, never a traceback on stderr.
    crash.install()
    log_settings_problems(context.settings)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Askel")
    app.setOrganizationName("Askel")
    app.setDesktopFileName("fi.askel.Askel")  # matches the installed .desktop file, for the taskbar icon
    theme.apply(app, int(context.settings.get("text_size")))
    accessibility.install(app)
    app._askel_privacy = screen_privacy.install(app, context.settings)  # kept alive while the app runs
    app._askel_fitter = geometry.install(app)  # every window inside the screen
    languages = LanguageManager(app)
    languages.set_language(starting_language(context.settings))
    window = Shell(context, languages, preload=preload)
    window.show()
    window.start()
    return app, window


def run_gui(context: AppContext, argv: list[str] | None = None) -> int:
    app, _window = start_gui(context, argv)
    return app.exec()


def run_coordinator(context: AppContext, target: str, argv: list[str] | None = None) -> int:
    """The coordinator's window on a region store (`askel region`): no vault, the pooled figures only."""
    from PySide6.QtWidgets import QApplication

    from askel import crash
    from askel.ui import theme
    from askel.ui.coordinator import CoordinatorWindow
    from askel.ui.i18n import LanguageManager

    crash.install()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Askel")
    app.setOrganizationName("Askel")
    app.setDesktopFileName("fi.askel.Askel")
    theme.apply(app, int(context.settings.get("text_size")))
    languages = LanguageManager(app)
    languages.set_language(str(context.settings.get("language")))
    window = CoordinatorWindow(target, context.library, context.settings, languages)
    window.show()
    window.start()
    return app.exec()
