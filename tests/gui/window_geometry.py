"""Open the main window and every dialog as real windows at a text size and report what does not fit the screen.

Run as a program so that it gets its own display: the geometry test runs it on Qt's offscreen platform with a
1366×768 screen (`offscreen:configfile=…`), and, where Xvfb and openbox are installed, on a real X display under a
window manager. Prints one JSON object: {"screen": [x, y, w, h], "problems": [...], "checked": [...]}.

    python -m tests.gui.window_geometry --text-size 200 --languages fi sv
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--text-size", type=int, default=200)
    parser.add_argument("--languages", nargs="+", default=["fi", "sv"])
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="askel-geometry-"))
    os.environ["ASKEL_CONFIG_DIR"] = str(scratch / "config")
    os.environ["ASKEL_POLICY_FILE"] = str(scratch / "no-policy.json")
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea

    from askel.app import make_context
    from askel.ui import geometry, theme
    from askel.ui.i18n import LanguageManager
    from askel.ui.screenshots import _close, _settle, prepare, scenes
    from askel.ui.shell import Shell

    app = QApplication(sys.argv[:1])
    fitter = geometry.install(app)  # noqa: F841 (as run_gui does)
    theme.apply(app, args.text_size)
    manager = LanguageManager(app)
    context = make_context(scratch / "data")
    stage = prepare(scratch, context, with_unit=False)
    area = app.primaryScreen().availableGeometry()
    problems, checked = [], []

    def inside(rect: QRect, outer: QRect) -> bool:
        return outer.contains(rect.topLeft()) and outer.contains(rect.bottomRight())

    def check(name: str, window, must_see=()) -> None:
        _settle(app, 150)
        frame = window.frameGeometry()
        checked.append(name)
        if not inside(frame, area):
            problems.append(f"{name}: window {frame.getRect()} is not inside the screen {area.getRect()}")
        hint = window.minimumSizeHint()
        if hint.width() > area.width() or hint.height() > area.height():
            problems.append(f"{name}: needs at least {hint.width()}×{hint.height()}")
        # Every button outside a scrolling area must be inside the window (reachable without moving it).
        own = window.rect()
        for button in window.findChildren(QAbstractButton):
            if not button.isVisibleTo(window) or _in_scroll_area(button, window, QScrollArea):
                continue
            top_left = button.mapTo(window, button.rect().topLeft())
            if not inside(QRect(top_left, button.size()), own):
                problems.append(f"{name}: button {button.text()!r} is outside the window")
        # A body that scrolls up and down only must not be wider than what shows of it (cut off at the right).
        for scroll in window.findChildren(QScrollArea):
            content = scroll.widget()
            if scroll.isVisibleTo(window) and content is not None and \
                    scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and \
                    content.width() > scroll.viewport().width():
                problems.append(f"{name}: content {content.width()} px wide in a {scroll.viewport().width()} px view")
        for widget in must_see:
            top_left = widget.mapTo(window, widget.rect().topLeft())
            if not widget.isVisible() or not inside(QRect(top_left, widget.size()), own):
                problems.append(f"{name}: {widget.objectName() or type(widget).__name__} cannot be seen")

    try:
        for language in args.languages:
            manager.set_language(language)
            context.settings.set("language", language)
            shell = Shell(context, manager)
            shell.show()
            shell.start()
            check(f"main window (locked)-{language}", shell)
            shell.on_unlocked(stage.vault)
            shell.workspace.open_client(stage.clients[0].id)
            check(f"main window-{language}", shell, must_see=(shell.workspace.lock_button,))
            shell.workspace.save_pending()
            shell.stack.removeWidget(shell.workspace)
            shell.vault = None  # the stage owns the vault; the shell must not close it
            shell.close()
            for scene in scenes(stage, language):
                if not scene.dialog:
                    continue
                widget = scene.build()
                widget.show()
                check(f"{scene.name}-{language}", widget)
                _close(widget)
    finally:
        stage.close()
    print(json.dumps({"screen": area.getRect(), "problems": problems, "checked": checked}))
    return 0


def _in_scroll_area(widget, window, scroll_type) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, scroll_type):
            return True
        parent = parent.parentWidget()
    return False


if __name__ == "__main__":
    sys.exit(main())
