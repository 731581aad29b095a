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
