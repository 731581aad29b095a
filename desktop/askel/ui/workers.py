"""Long work off the UI thread (Argon2id unlock, exports, backups), with the result delivered on the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], signals: _Signals):
        super().__init__()
        self.work, self.signals = work, signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # handed to the UI thread, which shows a translated message
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


_alive: set[_Signals] = set()


def run_in_background(work: Callable[[], object], on_done: Callable[[object], None],
                      on_failed: Callable[[Exception], None]) -> None:
    """Run `work` on the thread pool; `on_done(result)` or `on_failed(error)` runs later on the UI thread."""
    signals = _Signals()
    _alive.add(signals)  # keep the QObject alive until a callback has run

    def finish(callback, value):
        _alive.discard(signals)
        callback(value)

    # Queued: the callbacks run on the UI thread's event loop, never on the worker.
    signals.done.connect(lambda result: finish(on_done, result), Qt.ConnectionType.QueuedConnection)
    signals.failed.connect(lambda error: finish(on_failed, error), Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Job(work, signals))
