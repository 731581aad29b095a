"""Every screen, walked the way a screen reader and a keyboard user meet it (issue 20).

The accessibility tree comes from Qt's own QAccessible interfaces, which are what Qt hands to AT-SPI, UI Automation
and NSAccessibility; the keyboard walk presses Tab and Shift+Tab on the real widgets.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from askel.ui import accessibility, theme
from askel.ui.i18n import LanguageManager
from tests.gui.accessibility import keyboard_problems, tree_problems
from tests.gui.screens import SCREENS, build, close


@pytest.fixture
def env(screen_env):
    return screen_env


@pytest.fixture(scope="module", params=["fi", "sv"])
def language(request):
    """The UI language, switched once per module and language (the tests are grouped by it)."""
    app = QApplication.instance()
    theme.apply(app, 100)
    accessibility.install(app)  # as app.run_gui does
    languages = LanguageManager(app)
    languages.set_language(request.param)
    yield request.param
    languages.set_language("fi")


def show(qtbot, window):
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    statistics = getattr(window, "statistics_page", None)
    if statistics is not None:  # the figures are computed in the background; their tables are part of the page
        qtbot.waitUntil(lambda: statistics.statistics is not None, timeout=20000)
        qtbot.wait(50)  # and laid out
    return window


@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_for_a_screen_reader_and_the_keyboard(qtbot, env, language, screen):
    """Every interactive element has a name, in the right language, and a role true to what it does; and (the
    order does not depend on the language) Tab reaches every control, leaves it again, and goes in reading order."""
    window = show(qtbot, build(screen, env))
    try:
        assert tree_problems(window, language) == []
        if language == "fi":
            assert keyboard_problems(window) == []
    finally:
        close(window)
