"""Secrets in memory and on screen: the lock screen hides all client data, and no client data reaches a file.

* The locked window is walked widget by widget (every text a widget holds, shown or not: labels, fields, buttons,
  tooltips, accessible names, window titles, list and table models) and grabbed to an image that must be pixel for
  pixel the image of a lock screen that never saw a client.
* A working day in the GUI (first run, two clients with guardians, a course, a session note, a search, a lock, a
  wrong passphrase, bad form input, a duplicate identity code, a crash report, a backup) runs with the app's logging
  on; then the data folder, the files created in the temp folder, the config folder and the log folder are searched
  for the clients' names, identity codes and the note, as UTF-8 and UTF-16-LE: zero hits.
* The crash handler (askel.crash) and Windows screenshot blocking (askel.ui.screen_privacy) are tested here too.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from askel import crash
from askel.app import make_context, setup_logging
from askel.core import hetu
from askel.store.backup import make_backup
from askel.ui.client_form import ClientDialog
from askel.ui.course_dialog import CourseDialog
from askel.ui.screen_privacy import (
    WDA_EXCLUDEFROMCAPTURE,
    WDA_MONITOR,
    WDA_NONE,
    ScreenPrivacy,
    install,
    set_capture_excluded,
)
from askel.ui.session_summary import SessionSummaryDialog
from askel.ui.shell import Shell

PASSPHRASE = "kolme pienta sanaa 9"


def code(digits: str, sign: str, number: int) -> str:
    return f"{digits}{sign}{number:03d}{hetu.check_character(f'{digits}{number:03d}')}"


FAMILY, GIVEN = "Ylikärppä-Östman", "Väinö-Ilmari"
FAMILY2, GIVEN2 = "Strömsqvist", "Åsa-Lovisa"
GUARDIAN = "Hilkka Ruusulehto"
HETU1, HETU2 = code("290296", "-", 457), code("150713", "A", 662)
NOTE = "Muistiinpano ruusupensaasta ja kahdeksasta kivestä"
SECRETS = [FAMILY, GIVEN, FAMILY2, GIVEN2, GUARDIAN, HETU1, HETU2, NOTE, "Ylikärppä", "Strömsqvist", "Ruusulehto",
           "ruusupensaasta"]


def needles() -> list[bytes]:
    """Every secret as UTF-8 and UTF-16-LE, as given and case-folded (the search keys are stored folded)."""
    found = set()
    for secret in SECRETS:
        for variant in (secret, secret.casefold(), secret.upper()):
            found.add(variant.encode("utf-8"))
            found.add(variant.encode("utf-16-le"))
    return sorted(found)


def when_dialog(kind, action):
    def attempt():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, attempt)
        else:
            action(dialog)

    QTimer.singleShot(0, attempt)


def first_run(qtbot, shell) -> None:
    """The first-run steps of the foundation walk, without its checks of translated text."""
    assistant = shell.first_run
    qtbot.mouseClick(assistant.finnish, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(assistant.name, "Testi Hoitaja")
    qtbot.mouseClick(assistant.next, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(assistant.passphrase, PASSPHRASE)
    qtbot.keyClicks(assistant.repeat, PASSPHRASE)
    qtbot.mouseClick(assistant.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=15000)


def fill_client(dialog: ClientDialog, family: str, given: str, code_: str, guardian: str = "") -> None:
    dialog.family.setText(family)  # setText: QTest types ASCII only
    dialog.given.setText(given)
    dialog.hetu.setText(code_)
    if guardian:
        name, relation, phone = dialog.guardians[0]
        name.editor.setText(guardian)
        relation.editor.setText("äiti")
        phone.editor.setText("040 765 4321")
    dialog.save()


def work_day(qtbot, shell, *, with_errors: bool) -> None:
    """Clients, a course and a session with a note, searches; optionally the slips a busy clinician makes."""
    first_run(qtbot, shell)
    workspace = shell.workspace
    when_dialog(ClientDialog, lambda d: fill_client(d, FAMILY, GIVEN, HETU1))
    workspace.add_client()
    when_dialog(ClientDialog, lambda d: fill_client(d, FAMILY2, GIVEN2, HETU2, GUARDIAN))
    workspace.add_client()
    assert workspace.client_page is not None and workspace.client_page.client.family_name == FAMILY2

    if with_errors:
        refused = []

        def bad_input(dialog: ClientDialog):
            dialog.family.setText(FAMILY + "3")  # a digit in the name
            dialog.given.setText(GIVEN)
            dialog.hetu.setText(HETU1[:-1] + ("X" if HETU1[-1] != "X" else "Y"))  # a wrong check character
            dialog.save()
            dialog.hetu.setText(HETU1)  # another client's code
            dialog.family.setText(FAMILY)
            dialog.save()
            refused.append(dialog.hetu_field.error.text())
            dialog.reject()

        when_dialog(ClientDialog, bad_input)
        workspace.add_client()
        assert refused and refused[0]

    def choose_method(dialog: CourseDialog):
        dialog.methods.setCurrentRow(0)
        dialog.need.setText(f"{date.today().day}.{date.today().month}.{date.today().year}")
        dialog.save()

    when_dialog(CourseDialog, choose_method)
    workspace.start_course()
    assert workspace.course_page is not None
    workspace.start_or_continue_session()
    runner = workspace.runner
    runner.notes.setPlainText(NOTE)
    runner.save_now()
    when_dialog(SessionSummaryDialog, lambda d: d.accept())
    workspace.close_session()

    workspace.find_client()
    workspace.client_list.search.setText("ylikär")
    qtbot.waitUntil(lambda: workspace.client_list.model.rowCount() == 1)
    workspace.client_list.search.setText(HETU2)
    qtbot.waitUntil(lambda: workspace.client_list.model.rowCount() == 1)
    workspace.open_client(workspace.client_list.model.clients[0].id)


def all_texts() -> str:
    """Every text any live widget holds, visible or not."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    parts = []
    for widget in QApplication.allWidgets():
        parts += [widget.windowTitle(), widget.toolTip(), widget.statusTip(), widget.whatsThis(),
                  widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            parts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 500)):
                column = 0  # (a list model keeps its column count private)
                while model.index(row, column).isValid():
                    parts.append(str(model.data(model.index(row, column)) or ""))
                    column += 1
    return "\n".join(str(part) for part in parts)


def secrets_in(text: str) -> list[str]:
    screen_secrets = SECRETS + [HETU1[:6], HETU2[:6]]  # the masked code shows its birth date part
    return [secret for secret in screen_secrets if secret.casefold() in text.casefold()]


def grab_lock_screen(qtbot, shell: Shell):
    """The window as drawn when active with the passphrase field focused (the state a person walks up to)."""
    QApplication.setCursorFlashTime(0)  # no blinking: the cursor is drawn the same in both grabs
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)
    shell.unlock_screen.passphrase.setFocus()
    QApplication.processEvents()
    return shell.grab().toImage()


# -- the lock screen -------------------------------------------------------------------------------------------------
def test_the_lock_screen_hides_all_client_data(qtbot, make_shell, data_dir):
    shell = make_shell("fi")
    work_day(qtbot, shell, with_errors=False)
    assert secrets_in(all_texts()), "the check must see client data while unlocked"
    dialog = ClientDialog(shell.vault, shell.workspace.client_page.client, parent=shell)  # left open when locking
    dialog.show()
    shell.lock(by_timer=True)
    assert shell.vault is None and shell.workspace is None
    assert not dialog.isVisible()
    dialog.deleteLater()
    assert secrets_in(all_texts()) == []

    # The image: the locked window is exactly a lock screen that never saw a client.
    locked = grab_lock_screen(qtbot, shell)
    context = make_context(data_dir)
    fresh = Shell(context, shell.languages)
    qtbot.addWidget(fresh)
    fresh.resize(shell.size())
    fresh.show()
    fresh.show_unlock(by_timer=True)
    qtbot.waitExposed(fresh)
    pristine = grab_lock_screen(qtbot, fresh)
    assert locked.size() == pristine.size()
    if locked != pristine:
        locked.save(str(data_dir.parent / "locked.png"))
        pristine.save(str(data_dir.parent / "pristine.png"))
    assert locked == pristine, "the locked window draws something a fresh lock screen does not"


# -- files -----------------------------------------------------------------------------------------------------------
def listing(root: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for folder, _dirs, names in os.walk(root, onerror=lambda _error: None):
        for name in names:
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found[path] = (info.st_mtime_ns, info.st_size)
    return found


def scan(paths, limit: int = 64 * 1024 * 1024) -> list[str]:
    hits = []
    patterns = needles()
    for path in paths:
        try:
            if os.path.getsize(path) > limit:
                continue
            data = Path(path).read_bytes()
        except OSError:
            continue
        hits += [f"{needle!r} in {path}" for needle in patterns if needle in data]
    return hits


@pytest.fixture
def app_logging(tmp_path, monkeypatch):
    """The app's own log set-up (askel.app.setup_logging) into a scratch folder, undone afterwards."""
    monkeypatch.setenv("ASKEL_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    folder = setup_logging()
    root.setLevel(logging.DEBUG)  # stricter than the app: debug lines are scanned too
    yield folder
    for handler in root.handlers[:]:
        if handler not in before:
            handler.close()
            root.removeHandler(handler)
    root.setLevel(level)


def fail_with_client_data(name: str, code_: str):
    note = f"{name} {code_}"  # a local variable holding client data  # noqa: F841
    raise ValueError(f"could not save {name} ({code_})") from KeyError(code_)


def test_no_client_data_in_any_file(qtbot, make_shell, data_dir, tmp_path, app_logging):
    temp_root = Path(tempfile.gettempdir())
    temp_before = listing(temp_root)
    shell = make_shell("fi")
    work_day(qtbot, shell, with_errors=True)
    logging.getLogger("askel.test").info("a working day with the shell")
    make_backup(shell.vault, keep=3)

    # A crash while handling client data: the report keeps types and frames only.
    try:
        fail_with_client_data(FAMILY, HETU1)
    except ValueError:
        report = crash.handle(*sys.exc_info(), log_dir=app_logging)
    assert report is not None and report.parent == app_logging

    # Lock, a wrong passphrase, the right one.
    shell.lock(by_timer=True)
    screen = shell.unlock_screen
    qtbot.keyClicks(screen.passphrase, "vaara tunnuslause")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.passphrase_field.error.isVisibleTo(shell), timeout=10000)
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.workspace is not None, timeout=10000)
    shell.lock(by_timer=False)
    for handler in logging.getLogger().handlers:
        handler.flush()

    data_files = list(listing(data_dir))
    assert any(name.endswith("askel.db") for name in data_files)
    assert any("/backups/" in name for name in data_files)
    log_files = list(listing(app_logging))
    assert any(name.endswith("askel.log") for name in log_files) and any("crash-" in n for n in log_files)
    config_files = list(listing(Path(os.environ["ASKEL_CONFIG_DIR"])))
    assert config_files, "the settings file was written"
    temp_after = listing(temp_root)
    new_temp = [path for path, seen in temp_after.items() if temp_before.get(path) != seen]
    assert any(path.startswith(str(data_dir)) for path in new_temp), "the temp listing sees new files"
    hits = scan(set(data_files) | set(log_files) | set(config_files) | set(new_temp))
    assert hits == []
    # The control: the same scan finds a name written the way a careless log line or export would write it.
    control = app_logging / "control.txt"
    control.write_bytes(f"saved {GUARDIAN.casefold()}".encode("utf-16-le"))
    assert scan([control])


# -- the crash handler -----------------------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _close_fault_file():
    yield
    if crash._fault_file is not None:
        crash._fault_file.close()
        crash._fault_file = None


def test_a_crash_report_has_types_and_frames_but_no_message_and_no_variables(tmp_path):
    try:
        fail_with_client_data(FAMILY, HETU1)
    except ValueError:
        path = crash.handle(*sys.exc_info(), log_dir=tmp_path)
    text = path.read_text("utf-8")
    assert "exception: ValueError" in text and "exception: KeyError" in text
    assert "fail_with_client_data" in text and "test_phi_scan.py" in text
    assert FAMILY not in text and HETU1 not in text and f"could not save {FAMILY}" not in text
    assert "    raise ValueError(" in text  # the line of code, which is not data
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert path.name.startswith("crash-")


def test_installed_hooks_write_reports_for_the_main_and_other_threads(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    faults = []
    monkeypatch.setattr(crash.faulthandler, "enable", lambda **kwargs: faults.append(kwargs))
    crashes = []
    crash.install(tmp_path, on_crash=crashes.append)
    assert faults and (tmp_path / "faults.txt").exists()
    try:
        raise RuntimeError(f"secret {HETU2}")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())

    def worker():
        raise LookupError(f"client {FAMILY2} not found")

    thread = threading.Thread(target=worker, name="export-worker")
    thread.start()
    thread.join()
    reports = sorted(tmp_path.glob("crash-*.txt"))
    assert len(reports) == 2 and len(crashes) == 2
    texts = [report.read_text("utf-8") for report in reports]
    assert any("RuntimeError" in t for t in texts) and any("LookupError" in t and "export-worker" in t for t in texts)
    assert not any(HETU2 in t or FAMILY2 in t for t in texts)


def test_keyboard_interrupt_goes_to_the_previous_hook(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: seen.append(args[0]))
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(crash.faulthandler, "enable", lambda **kwargs: None)
    crash.install(tmp_path)
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt] and not list(tmp_path.glob("crash-*"))


def test_an_unwritable_log_folder_does_not_raise(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    try:
        raise ValueError(HETU1)
    except ValueError:
        assert crash.handle(*sys.exc_info(), log_dir=blocked / "logs") is None


# -- screenshot blocking ----------------------------------------------------------------------------------------------
class FakeUser32:
    def __init__(self, *answers: int):
        self.answers, self.calls = list(answers), []

    def SetWindowDisplayAffinity(self, hwnd, affinity):  # noqa: N802 (the Win32 name)
        self.calls.append((hwnd, affinity))
        return self.answers.pop(0) if self.answers else 1


def test_capture_exclusion_is_a_no_op_off_windows(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    user32 = FakeUser32()
    assert set_capture_excluded(widget, True, user32=user32, platform="linux") is False
    assert user32.calls == []


def test_capture_exclusion_on_windows_and_its_fallback(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    user32 = FakeUser32(1)
    assert set_capture_excluded(widget, True, user32=user32, platform="win32")
    assert user32.calls == [(int(widget.winId()), WDA_EXCLUDEFROMCAPTURE)]
    older = FakeUser32(0, 1)  # Windows before 10 2004 refuses the exclusion flag
    assert set_capture_excluded(widget, True, user32=older, platform="win32")
    assert [affinity for _, affinity in older.calls] == [WDA_EXCLUDEFROMCAPTURE, WDA_MONITOR]
    off = FakeUser32(1)
    assert set_capture_excluded(widget, False, user32=off, platform="win32")
    assert off.calls[0][1] == WDA_NONE


def test_every_window_shown_gets_the_setting(qtbot):
    user32 = FakeUser32()
    privacy = ScreenPrivacy(QApplication.instance(), True, user32=user32, platform="win32")
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert (int(dialog.winId()), WDA_EXCLUDEFROMCAPTURE) in user32.calls
        privacy.set_enabled(False)
        assert (int(dialog.winId()), WDA_NONE) in user32.calls
    finally:
        QApplication.instance().removeEventFilter(privacy)
        privacy.deleteLater()


def test_install_reads_the_setting_and_only_on_windows(tmp_path):
    class FakeSettings:
        def __init__(self, value):
            self.value = value

        def get(self, key):
            if self.value is KeyError:
                raise KeyError(key)
            return self.value

    app = QApplication.instance()
    assert install(app, FakeSettings(True), platform="linux") is None
    for value, enabled in ((True, True), (False, False), (KeyError, False)):
        privacy = install(app, FakeSettings(value), platform="win32", user32=FakeUser32())
        try:
            assert privacy.enabled is enabled
        finally:
            app.removeEventFilter(privacy)
            privacy.deleteLater()
