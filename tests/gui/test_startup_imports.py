"""What start-up imports: the unlocked window paints before the content models, the exporters and the other pages
are loaded (a fifth of the start-up time in `make bench`; see docs/performance.md)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import PASSPHRASE

LOADED_LATER = ("pydantic", "alembic", "keyring", "askel.core.content.models", "askel.export.service",
                "askel.export.fhir", "askel.ui.course_page", "askel.ui.export_dialog", "askel.ui.statistics_page")

SCRIPT = """
import json, sys
from askel.app import make_context
from askel.store.vault import Vault
from askel.ui.shell import Shell
print(json.dumps(sorted(sys.modules)))
"""


def test_start_up_leaves_the_heavy_modules_for_later():
    completed = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True,
                               env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    loaded = set(json.loads(completed.stdout))
    assert "askel.ui.shell" in loaded and "sqlalchemy" in loaded  # the script imported what start-up needs
    assert not loaded & set(LOADED_LATER), sorted(loaded & set(LOADED_LATER))


def test_the_preload_reads_the_content_once_the_window_is_up(qtbot, make_shell, vault):
    vault.close()
    shell = make_shell("fi")
    assert shell.context._library is None
    shell.unlock_screen.passphrase.setText(PASSPHRASE)
    shell.unlock_screen.try_unlock()
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=10000)
    qtbot.waitUntil(lambda: shell.context._library is not None, timeout=5000)
    assert shell.context.library.protocol("ipc_adolescents").id == "ipc_adolescents"


PAINT_SCRIPT = """
import json, sys, time
from askel.app import make_context, start_gui
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication([])
painted = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "store" not in painted:
            painted["store"] = "sqlalchemy" in sys.modules or "askel.store.models" in sys.modules
        return False

watch = Watch()
app.installEventFilter(watch)
app, window = start_gui(make_context(sys.argv[1]))
deadline = time.monotonic() + 30
while (window.preloading is None or window.preloading.is_alive()) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print(json.dumps({"store_when_painted": painted.get("store"), "screen": type(window.stack.currentWidget()).__name__,
                  "store_after": "askel.store.vault" in sys.modules and "sqlalchemy" in sys.modules}))
"""


def test_the_unlock_screen_paints_before_the_store_is_imported_which_follows_in_the_background(vault, tmp_path):
    """Issue 17: launch → unlock screen without SQLAlchemy, SQLCipher or the models; they load while the passphrase
    is typed, so Enter finds them ready."""
    vault.close()
    completed = subprocess.run(
        [sys.executable, "-c", PAINT_SCRIPT, str(vault.folder.root)], capture_output=True, text=True, check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "ASKEL_CONFIG_DIR": str(tmp_path / "config"),
             "ASKEL_POLICY_FILE": str(tmp_path / "no-policy.json"), "ASKEL_LOG_DIR": str(tmp_path / "logs")})
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    assert result == {"store_when_painted": False, "screen": "UnlockScreen", "store_after": True}, result


UNLOCK_SCRIPT = """
import json, os, sys, time
from askel.app import make_context, start_gui
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication([])
seen, window = {}, None

class Watch(QObject):
    def eventFilter(self, watched, event):
        workspace = window.workspace if window is not None else None
        if event.type() == QEvent.Type.Paint and workspace is not None and "content" not in seen:
            widget = watched
            while widget is not None and widget is not workspace:
                widget = widget.parentWidget()
            if widget is workspace:
                seen["content"] = sorted(name for name in ("pydantic", "askel.core.content.models") if name in sys.modules)
        return False

watch = Watch()
app.installEventFilter(watch)
app, window = start_gui(make_context(sys.argv[1]))
while window.preloading is not None and window.preloading.is_alive():
    app.processEvents()
    time.sleep(0.01)
window.unlock_screen.passphrase.setText(os.environ["ASKEL_PASSPHRASE"])
window.unlock_screen.try_unlock()
deadline = time.monotonic() + 30
while "content" not in seen and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.001)
print(json.dumps(seen))
"""


def test_the_unlocked_workspace_paints_before_the_content_models_are_imported(tmp_path):
    """Enter → workspace (issue 17): nothing waits for the content stack (pydantic, the models) before the first
    paint, the raising of risk alerts left pending by a lock included."""
    from askel.store.vault import Vault

    data_dir = tmp_path / "data"
    Vault.create(data_dir, PASSPHRASE, clinician_name="A", role="nurse", kdf_iterations=3).close()
    completed = subprocess.run(
        [sys.executable, "-c", UNLOCK_SCRIPT, str(data_dir)], capture_output=True, text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "ASKEL_CONFIG_DIR": str(tmp_path / "config"),
             "ASKEL_POLICY_FILE": str(tmp_path / "no-policy.json"), "ASKEL_LOG_DIR": str(tmp_path / "logs"),
             "ASKEL_PASSPHRASE": PASSPHRASE})
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert json.loads(completed.stdout.strip().splitlines()[-1]) == {"content": []}, completed.stdout
