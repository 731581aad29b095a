"""One start-up, measured in a fresh process: `python -m tests.bench.probe bare|askel T0 [DATA_DIR CLIENT_ID]`.

The passphrase of the (demo) vault comes from ASKEL_PASSPHRASE.

T0 is the parent's `time.monotonic()` just before it started this process (CLOCK_MONOTONIC is system-wide on Linux,
so interpreter start-up counts too). Prints one JSON line:
- `painted`: seconds from T0 to the first paint of the window (bare) or of the unlocked workspace (askel);
- for askel, `argon2id` (unwrapping the data key with the passphrase), `unlock_other` (the rest of `Vault.unlock`:
  opening the database, the integrity check, the migration check, the audit entry), `imports`, `shell` (window and
  unlock screen), `workspace` (building the workspace after unlock, up to its first paint), and `painted_excl_kdf`;
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
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([])
    watch = _PaintWatch(app, QObject, QEvent)
    window = QMainWindow()
    window.setCentralWidget(QLabel("Askel"))
    window.resize(1280, 800)
    window.show()
    painted = watch.wait(app, window) - T0
    return {"painted": painted, "peak_rss_mib": peak_rss_mib()}


def askel(data_dir: str, client_id: str, passphrase: str) -> dict:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from askel.app import make_context
    from askel.store import keyfile
    from askel.store.vault import Vault
    from askel.ui import theme
    from askel.ui.i18n import LanguageManager
    from askel.ui.shell import Shell

    imports = since_start()
    kdf_seconds = [0.0]
    unwrap = keyfile.KeyFile.unwrap_with_passphrase

    def timed_unwrap(self, secret):
        started = time.perf_counter()
        try:
            return unwrap(self, secret)
        finally:
            kdf_seconds[0] += time.perf_counter() - started

    keyfile.KeyFile.unwrap_with_passphrase = timed_unwrap

    app = QApplication([])
    app.setApplicationName("Askel")
    watch = _PaintWatch(app, QObject, QEvent)
    theme.apply(app)
    languages = LanguageManager(app)
    languages.set_language("fi")
    context = make_context(data_dir)
    shell = Shell(context, languages)
    shell.show()
    shell.start()
    watch.wait(app, shell)
    shell_ready = since_start()

    unlock_started = time.perf_counter()
    vault = Vault.unlock(data_dir, passphrase)  # in the app this runs on a worker while the unlock screen shows
    unlock_seconds = time.perf_counter() - unlock_started
    after_unlock = time.monotonic()
    shell.on_unlocked(vault)
    painted_at = watch.wait(app, shell.workspace)
    painted = painted_at - T0
    result = {
        "imports": imports, "shell": shell_ready - imports, "argon2id": kdf_seconds[0],
        "unlock_other": unlock_seconds - kdf_seconds[0], "workspace": painted_at - after_unlock,
        "painted": painted, "painted_excl_kdf": painted - kdf_seconds[0], "peak_rss_mib": peak_rss_mib(),
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
