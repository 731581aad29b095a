"""One start-up, measured in a fresh process: `python -m tests.bench.probe bare|askel T0 [DATA_DIR CLIENT_ID]`.

The passphrase of the (demo) vault comes from ASKEL_PASSPHRASE.

T0 is the parent's `time.monotonic()` just before it started this process (CLOCK_MONOTONIC is system-wide on Linux,
so interpreter start-up counts too). Prints one JSON line:
- bare: `painted` (T0 to the first paint of a bare window) and `switch` (building and showing a page with a
  50-row table in that window, to its paint: the baseline of a screen change);
- askel, started as the program starts (`askel.app.start_gui`): `unlock_screen` (T0 to the unlock screen's first
  paint: nothing of the store is imported yet), `preload` (the store stack imported in the background after that
  paint, and the empty workspace built behind the unlock screen, while a person would type the passphrase), then
  Enter: `enter_to_workspace` (Enter to the unlocked
  workspace's first paint) with `argon2id` (unwrapping the data key) reported apart and `enter_excl_kdf` without
  it, of which `unlock_other` (opening the database, the integrity and migration checks, the audit entry);
  `painted` and `painted_excl_kdf` (T0 to the workspace, with the preload's time, not a person's typing);
- `peak_rss_mib`: the process's peak resident memory (VmHWM) after start-up; for askel also after typing a search
  and opening the client with 50 sessions (`peak_rss_used_mib`).
"""

from __future__ import annotations

import json
import os
import sys
import time

T0 = float(sys.argv[2]) if len(sys.argv) > 2 else time.monotonic()


def since_start() -> float:
    return time.monotonic() - T0


def peak_rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


class _PaintWatch:
    """An application event filter that notes the first Paint event of a widget or any of its children."""

    def __init__(self, app, QObject, QEvent):  # noqa: N803 - Qt classes passed in after the import is timed
        watcher = self

        class Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
                if watcher.target is not None and event.type() == QEvent.Type.Paint and watcher.at is None:
                    widget = watched
                    while widget is not None:
                        if widget is watcher.target:
                            watcher.at = time.monotonic()
                            break
                        widget = widget.parentWidget() if hasattr(widget, "parentWidget") else None
                return False

        self.target = None
        self.at: float | None = None
        self.filter = Filter()
        app.installEventFilter(self.filter)

    def wait(self, app, target, limit: float = 60.0) -> float:
        self.target, self.at = target, None
        deadline = time.monotonic() + limit
        while self.at is None and time.monotonic() < deadline:
            app.processEvents()
        if self.at is None:
            raise SystemExit("no paint event")
        return self.at


def bare() -> dict:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QMainWindow,
        QStackedWidget,
        QTableWidget,
        QTableWidgetItem,
    )

    app = QApplication([])
    watch = _PaintWatch(app, QObject, QEvent)
    window = QMainWindow()
    stack = QStackedWidget()
    stack.addWidget(QLabel("Askel"))
    window.setCentralWidget(stack)
    window.resize(1280, 720)
    window.show()
    painted = watch.wait(app, window) - T0
    started = time.monotonic()
    table = QTableWidget(50, 4)
    for row in range(50):
        for column in range(4):
            table.setItem(row, column, QTableWidgetItem(f"{row}.{column}"))
    stack.addWidget(table)
    stack.setCurrentWidget(table)
    switch = watch.wait(app, table) - started
    return {"painted": painted, "switch": switch, "peak_rss_mib": peak_rss_mib()}


def askel(data_dir: str, client_id: str, passphrase: str) -> dict:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    watch = _PaintWatch(app, QObject, QEvent)
    from askel.app import make_context, start_gui

    context = make_context(data_dir)
    context.settings.set("language", "fi")
    app, shell = start_gui(context)
    unlock_screen = watch.wait(app, shell) - T0
    # A person types the passphrase now; the store is imported and the empty workspace built behind the unlock
    # screen meanwhile (not measured as her waiting).
    deadline = time.monotonic() + 60
    while shell.workspace_ahead is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    preload = time.monotonic() - T0 - unlock_screen

    from askel.store import keyfile
    from askel.store import vault as vault_module

    kdf_seconds, unlock_seconds = [0.0], [0.0]
    unwrap, open_vault = keyfile.KeyFile.unwrap_with_passphrase, vault_module.Vault.unlock.__func__

    def timed_unwrap(self, secret):
        started = time.perf_counter()
        try:
            return unwrap(self, secret)
        finally:
            kdf_seconds[0] += time.perf_counter() - started

    def timed_unlock(cls, *args, **kwargs):
        started = time.perf_counter()
        try:
            return open_vault(cls, *args, **kwargs)
        finally:
            unlock_seconds[0] += time.perf_counter() - started

    keyfile.KeyFile.unwrap_with_passphrase = timed_unwrap
    vault_module.Vault.unlock = classmethod(timed_unlock)
    screen = shell.unlock_screen
    screen.passphrase.setText(passphrase)
    enter = time.monotonic()
    screen.try_unlock()  # as Enter does: the unlock runs on a worker, the workspace is built when it is done
    while shell.workspace is None and time.monotonic() < enter + 60:
        app.processEvents()
        time.sleep(0.001)
    painted_at = watch.wait(app, shell.workspace)
    enter_to_workspace = painted_at - enter
    result = {
        "unlock_screen": unlock_screen, "preload": preload, "enter_to_workspace": enter_to_workspace,
        "argon2id": kdf_seconds[0], "enter_excl_kdf": enter_to_workspace - kdf_seconds[0],
        "unlock_other": unlock_seconds[0] - kdf_seconds[0],
        "painted": unlock_screen + preload + enter_to_workspace,
        "painted_excl_kdf": unlock_screen + preload + enter_to_workspace - kdf_seconds[0],
        "peak_rss_mib": peak_rss_mib(),
    }
    # A working moment: a search typed letter by letter and the 50-session client opened.
    search = shell.workspace.client_list.search
    for text in ("v", "vi", "vir", "virt"):
        search.setText(text)
        shell.workspace.client_list.refresh()
        app.processEvents()
    shell.workspace.open_client(client_id)
    app.processEvents()
    result["peak_rss_used_mib"] = peak_rss_mib()
    shell.close()
    return result


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        result = bare()
    else:
        result = askel(sys.argv[3], sys.argv[4], os.environ["ASKEL_PASSPHRASE"])
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
