"""Crash safety: kill a writing Askel process with SIGKILL at random instants and prove nothing saved was lost.

    python -m tests.integration.soak --runs 500        (`make soak`; prints N/N at the end)

One vault is created once (three Argon2id passes, the fewest Askel accepts) and reused by every run. Each run
starts `crash_writer.py` on it with `sys.executable` and kills it with SIGKILL: most runs after a random delay once
it is writing (clients, courses, sessions, notes and homework, questionnaires, drafts, deletions, backups, new key
files, locks and unlocks, restores of a fresh backup, retention purges), one run in five at a random instant of its
start-up (imports, the unlock, and in half of those a schema migration: the vault is first taken one revision
down). Then it reopens the vault the way the app does (`Vault.unlock`) and checks:

* `PRAGMA integrity_check` is ok, and the use log's hash chain verifies;
* every acknowledged write is there with every field the workload wrote: clients (name, exactly their guardians),
  courses (client, goal), sessions, session notes and homework at least as new as the last acknowledged ones,
  administrations (answers and total), drafts; deleted and purged clients and courses are gone; each acknowledged
  change, deletion and purge has its use-log event;
* nothing half-written is visible, for acknowledged and unacknowledged writes alike: every client has exactly the
  guardians its own row says it has, no session or administration is without its course, no course without its
  client, and every client, course, session and administration has the use-log event written with it;
* the key file is intact and still unwraps the same data key; every finished backup opens and is sound.

The one operation in flight when the process died may have landed or not; whichever it is, the state is then taken
as the new expectation.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

WRITER = Path(__file__).with_name("crash_writer.py")
SUBPROCESS_KDF_ITERATIONS = 3  # the fewest Argon2id passes Askel accepts from a key file (askel.store.keyfile)
PASSPHRASE = "kaatuva kirjoittaja 7"
KILL_AFTER = (0.0, 0.6)  # seconds after the writer said it is ready
EARLY_KILL_SHARE = 0.2  # runs killed at a random instant of start-up (imports, unlock, migration) instead
EARLY_KILL_AFTER = (0.05, 3.0)  # seconds after the writer process started
MIGRATION_REVISION = "0009"  # the newest migration, undone before half of the early kills so that the unlock redoes it
READY_TIMEOUT = 60.0


class CrashCheckFailed(AssertionError):
    pass


@dataclass
class Expected:
    """What must be in the vault, from every acknowledged write so far."""

    clients: dict[str, int] = field(default_factory=dict)  # id -> guardian count
    names: dict[str, str] = field(default_factory=dict)  # client id -> family name
    changed: set[str] = field(default_factory=set)  # clients with an acknowledged change: a `change` event each
    deleted: set[str] = field(default_factory=set)
    purged: set[str] = field(default_factory=set)  # courses purged by retention: gone, with a `purge` event each
    courses: dict[str, str] = field(default_factory=dict)  # id -> client id
    goals: dict[str, str] = field(default_factory=dict)  # course id -> goal
    sessions: dict[str, str] = field(default_factory=dict)  # id -> course id
    notes: dict[str, int] = field(default_factory=dict)  # session id -> marker
    administrations: dict[str, str] = field(default_factory=dict)  # id -> course id
    answers: dict[str, tuple[dict, float]] = field(default_factory=dict)  # administration id -> (answers, total)
    drafts: dict[str, int] = field(default_factory=dict)  # key -> version


@dataclass
class RunResult:
    acknowledged: int
    in_flight: str | None
    seconds: float


def _check(condition: bool, text: str) -> None:
    if not condition:
        raise CrashCheckFailed(text)


class CrashHarness:
    def __init__(self, work_dir: Path, seed: int = 0, kill_after: tuple[float, float] = KILL_AFTER):
        from askel.store.keyfile import KeyFile
        from askel.store.vault import DataFolder, Vault

        self.work_dir = Path(work_dir)
        self.data_dir = self.work_dir / "data"
        self.random = random.Random(seed)
        self.kill_after = kill_after
        self.expected = Expected()
        self.in_flight = Counter()
        self.course_owners: dict[str, str] = {}  # every course seen in the vault, acknowledged or not -> client
        self.session_owners: dict[str, str] = {}  # every session seen in the vault, acknowledged or not -> course
        self.runs = 0
        Vault.create(self.data_dir, PASSPHRASE, clinician_name="Kaatumis Testi", role="nurse",
                     kdf_iterations=SUBPROCESS_KDF_ITERATIONS).close()
        self.folder = DataFolder(self.data_dir)
        self.data_key = KeyFile.load(self.folder.key_file).unwrap_with_passphrase(PASSPHRASE)

    def clone(self, work_dir: Path) -> CrashHarness:
        """A copy of this harness on a copy of its vault (for tests that break the copy on purpose)."""
        import copy

        twin = copy.copy(self)
        twin.work_dir = Path(work_dir)
        twin.data_dir = twin.work_dir / "data"
        shutil.copytree(self.data_dir, twin.data_dir)
        twin.folder = type(self.folder)(twin.data_dir)
        twin.expected = copy.deepcopy(self.expected)
        twin.in_flight = Counter(self.in_flight)
        twin.random = random.Random(self.runs)
        return twin

    # -- one run ---------------------------------------------------------------------------------------------------
    def run_once(self) -> RunResult:
        self.runs += 1
        started = time.monotonic()
        log_path = self.work_dir / f"writer-{self.runs}.log"
        env = {**os.environ, "ASKEL_PASSPHRASE": PASSPHRASE}
        early = self.random.random() < EARLY_KILL_SHARE
        if early and self.random.random() < 0.5 and self._undo_newest_migration():
            self.in_flight["migration (start-up)"] += 1
        with open(log_path, "wb") as out, open(self.work_dir / "writer-stderr.log", "ab") as err:
            process = subprocess.Popen([sys.executable, str(WRITER), str(self.data_dir), str(self.runs)],
                                       stdout=out, stderr=err, env=env)
            try:
                if early:
                    time.sleep(self.random.uniform(*EARLY_KILL_AFTER))
                else:
                    self._wait_ready(process, log_path)
                    time.sleep(self.random.uniform(*self.kill_after))
            finally:
                process.send_signal(signal.SIGKILL)
                process.wait(30)
        records = _read_records(log_path)
        log_path.unlink()
        acknowledged, in_flight = self._apply(records)
        if in_flight:
            self.in_flight[in_flight["do"]] += 1
        elif early and not records:
            self.in_flight["start-up (imports, unlock)"] += 1
        self.verify(in_flight)
        return RunResult(acknowledged, in_flight["do"] if in_flight else None, time.monotonic() - started)

    def _undo_newest_migration(self) -> bool:
        """Take the vault one schema revision down (when the newest is this harness's own, whose downgrade loses
        nothing), so that the writer's unlock runs the migration again and the kill may land inside it."""
        from alembic import command

        from askel.store import migrate
        from askel.store.db import open_engine

        if migrate.head_revision() != MIGRATION_REVISION:
            return False
        engine = open_engine(self.folder.database, self.data_key)
        try:
            if migrate.current_revision(engine) != MIGRATION_REVISION:
                return False
            config = migrate._config()
            with engine.connect().execution_options(immediate=True) as conn, conn.begin():
                config.attributes["connection"] = conn
                command.downgrade(config, migrate.REVISIONS[-2])
        finally:
            engine.dispose()
        return True

    def _wait_ready(self, process: subprocess.Popen, log_path: Path) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if log_path.stat().st_size and b'"ready"' in log_path.read_bytes()[:200]:
                return
            if process.poll() is not None:
                stderr = (self.work_dir / "writer-stderr.log").read_text("utf-8", "replace")[-3000:]
                raise CrashCheckFailed(f"the writer stopped before it was ready (exit {process.returncode}):\n{stderr}")
            time.sleep(0.01)
        raise CrashCheckFailed("the writer did not start writing in time")

    def _apply(self, records: list[dict]) -> tuple[int, dict | None]:
        """Fold the acknowledged writes into the expectation; return their count and the one left in flight."""
        expected, pending, count = self.expected, None, 0
        for record in records:
            if "do" in record:
                pending = record
                continue
            if "ok" not in record:
                continue
            count += 1
            pending = None
            kind = record["ok"]
            if kind in ("client", "update_client"):
                expected.clients[record["id"]] = record["guardians"]
                expected.names[record["id"]] = record["name"]
                if kind == "update_client":
                    expected.changed.add(record["id"])
            elif kind == "course":
                expected.courses[record["id"]] = record["client"]
                expected.goals[record["id"]] = record["goal"]
            elif kind == "session":
                expected.sessions[record["id"]] = record["course"]
                expected.notes[record["id"]] = record["notes"]
            elif kind == "notes":
                expected.notes[record["id"]] = record["notes"]
            elif kind == "administration":
                expected.administrations[record["id"]] = record["course"]
                expected.answers[record["id"]] = (record["answers"], float(record["total"]))
            elif kind == "draft":
                expected.drafts[record["key"]] = record["version"]
            elif kind == "delete":
                self._forget_client(record["id"])
            elif kind == "purge":
                self._forget_course(record["course"])
                if record["client_removed"]:
                    self._forget_client(record["client"], purged=True)
        return count, pending

    def _forget_course(self, course_id: str) -> None:
        expected = self.expected
        expected.purged.add(course_id)
        expected.courses.pop(course_id, None)
        expected.goals.pop(course_id, None)
        session_owners = {**self.session_owners, **expected.sessions}
        for session_id in [s for s in expected.notes if session_owners.get(s) == course_id]:
            expected.notes.pop(session_id)
        for table in (expected.sessions, expected.administrations):
            for record_id in [r for r, owner in table.items() if owner == course_id]:
                table.pop(record_id)
                expected.answers.pop(record_id, None)

    def _forget_client(self, client_id: str, purged: bool = False) -> None:
        expected = self.expected
        expected.clients.pop(client_id, None)
        expected.names.pop(client_id, None)
        expected.changed.discard(client_id)
        if not purged:
            expected.deleted.add(client_id)
        # A course whose creation was in flight when a writer died is not acknowledged, yet it is in the vault and
        # sessions acknowledged later may hang on it: the deletion takes them too.
        owners = {**self.course_owners, **expected.courses}
        gone_courses = {c for c, owner in owners.items() if owner == client_id}
        for course_id in gone_courses:
            expected.courses.pop(course_id, None)
            expected.goals.pop(course_id, None)
        # Notes can be acknowledged on a session whose own creation never was (it was in flight, landed, and a later
        # writer found it in the vault): its owner is known from the vault, not from the acknowledgements.
        session_owners = {**self.session_owners, **expected.sessions}
        for session_id in [s for s in expected.notes if session_owners.get(s) in gone_courses]:
            expected.notes.pop(session_id)
        for table in (expected.sessions, expected.administrations):
            for record_id in [r for r, course_id in table.items() if course_id in gone_courses]:
                table.pop(record_id)
                expected.answers.pop(record_id, None)

    # -- the checks ------------------------------------------------------------------------------------------------
    def verify(self, in_flight: dict | None) -> None:
        from sqlalchemy import text

        from askel.store import audit
        from askel.store.keyfile import KeyFile
        from askel.store.vault import Vault

        _check(KeyFile.load(self.folder.key_file).unwrap_with_passphrase(PASSPHRASE) == self.data_key,
               "the key file no longer unwraps the data key")
        vault = Vault.unlock(self.data_dir, PASSPHRASE)
        try:
            with vault.read() as session:
                def rows(sql: str) -> list[tuple]:
                    return [tuple(row) for row in session.execute(text(sql))]

                _check(rows("PRAGMA integrity_check") == [("ok",)], "integrity_check is not ok")
                _check(rows("PRAGMA foreign_key_check") == [], "a row points at a missing parent")
                report = audit.verify(session)
                _check(report.ok, f"the use log's chain is broken at row {report.first_bad_seq}: {report.problem}")
                clients = dict(rows("SELECT id, school_or_unit FROM client"))
                names = dict(rows("SELECT id, family_name FROM client"))
                goals = dict(rows("SELECT id, goal FROM course"))
                homework = dict(rows("SELECT id, homework_given FROM session"))
                scored = {record_id: (json.loads(answers) if isinstance(answers, str) else answers, total)
                          for record_id, answers, total in rows("SELECT id, answers, total FROM administration")}
                events = set(rows("SELECT action, target, client_id FROM audit_event WHERE action IN "
                                  "('change', 'delete', 'purge')"))
                guardian_counts = Counter(row[0] for row in rows("SELECT client_id FROM guardian"))
                courses = dict(rows("SELECT id, client_id FROM course"))
                sessions = dict(rows("SELECT id, course_id FROM session"))
                notes = dict(rows("SELECT id, notes FROM session"))
                administrations = dict(rows("SELECT id, course_id FROM administration"))
                drafts = dict(rows("SELECT key, text FROM draft"))
                audited = {(action, target, client_id) for action, target, client_id in
                           rows("SELECT action, target, client_id FROM audit_event WHERE action = 'create'")}
        finally:
            vault.close()

        self.course_owners.update(courses)
        self.session_owners.update(sessions)
        # Nothing half-written, whether it was acknowledged or not.
        for client_id, marker in clients.items():
            _check(marker == f"guardians={guardian_counts[client_id]}",
                   f"client {client_id} has {guardian_counts[client_id]} guardians but its row says {marker}")
            _check(("create", "client", client_id) in audited, f"client {client_id} has no use-log event")
        for course_id, client_id in courses.items():
            _check(client_id in clients, f"course {course_id} has no client")
            _check(("create", f"course:{course_id}", client_id) in audited, f"course {course_id} is not in the log")
        for session_id, course_id in sessions.items():
            _check(course_id in courses, f"session {session_id} has no course")
            _check(("create", f"session:{session_id}", courses[course_id]) in audited,
                   f"session {session_id} is not in the log")
        for administration_id, course_id in administrations.items():
            _check(course_id in courses, f"administration {administration_id} has no course")
            _check(("create", f"administration:{administration_id}", courses[course_id]) in audited,
                   f"administration {administration_id} is not in the log")

        for session_id, text_ in homework.items():
            if text_:  # notes and homework are written in one change: they carry the same marker
                _check(text_.split()[1] == notes[session_id].split()[1],
                       f"session {session_id} has homework {text_!r} with notes {notes[session_id]!r}")

        # Every acknowledged write is there (the one in flight may have landed too: then it is the new truth).
        flight = in_flight or {}
        expected = self.expected
        if flight.get("do") == "purge" and flight["course"] not in courses:
            self._forget_course(flight["course"])
            if flight["client"] not in clients:
                self._forget_client(flight["client"], purged=True)
        for client_id, count in list(expected.clients.items()):
            if flight.get("do") == "delete" and flight.get("id") == client_id and client_id not in clients:
                self._forget_client(client_id)
                continue
            _check(client_id in clients, f"acknowledged client {client_id} is missing")
            actual = guardian_counts[client_id]
            if flight.get("do") == "update_client" and flight.get("id") == client_id:
                expected.clients[client_id] = actual
                if names[client_id] != expected.names[client_id]:  # the change landed: it is the truth now
                    expected.names[client_id] = names[client_id]
                    expected.changed.add(client_id)
            else:
                _check(actual == count, f"client {client_id} has {actual} guardians, acknowledged {count}")
            _check(names[client_id] == expected.names[client_id],
                   f"client {client_id} is named {names[client_id]!r}, acknowledged {expected.names[client_id]!r}")
        for client_id in expected.changed:
            _check(("change", "client", client_id) in events, f"the change of client {client_id} is not in the log")
        for client_id in expected.deleted:
            _check(("delete", "client", client_id) in events, f"the deletion of client {client_id} is not in the log")
        for course_id in expected.purged:
            _check(course_id not in courses, f"purged course {course_id} came back")
            _check(any(action == "purge" and target == f"course:{course_id}" for action, target, _ in events),
                   f"the purge of course {course_id} is not in the log")
        for course_id, goal in expected.goals.items():
            _check(goals.get(course_id) == goal, f"course {course_id} has goal {goals.get(course_id)!r}, "
                                                 f"acknowledged {goal!r}")
        for administration_id, (answers, total) in expected.answers.items():
            _check(scored.get(administration_id) == (answers, total),
                   f"administration {administration_id} has {scored.get(administration_id)}, acknowledged "
                   f"{(answers, total)}")
        for client_id in expected.deleted:
            _check(client_id not in clients, f"deleted client {client_id} came back")
        for name, want, have in (("course", expected.courses, courses), ("session", expected.sessions, sessions),
                                 ("administration", expected.administrations, administrations)):
            for record_id, parent in want.items():
                _check(have.get(record_id) == parent, f"acknowledged {name} {record_id} is missing")
        for session_id, marker in expected.notes.items():
            stored = int(notes[session_id].split()[1])
            allowed = {marker}
            if flight.get("do") == "notes" and flight.get("id") == session_id:
                allowed.add(flight["notes"])
            _check(stored in allowed, f"session {session_id} notes are {stored}, acknowledged {marker}")
            expected.notes[session_id] = stored
        for key, version in expected.drafts.items():
            _check(key in drafts, f"acknowledged draft {key} is missing")
            stored = int(drafts[key].split()[0])
            allowed = {version}
            if flight.get("do") == "draft" and flight.get("key") == key:
                allowed.add(flight["version"])
            _check(stored in allowed, f"draft {key} is version {stored}, acknowledged {version}")
            expected.drafts[key] = stored
        if flight.get("do") == "draft" and flight["key"] not in expected.drafts and flight["key"] in drafts:
            expected.drafts[flight["key"]] = int(drafts[flight["key"]].split()[0])
        self._check_backups()

    def _check_backups(self) -> None:
        from askel.store.backup import list_backups
        from askel.store.db import connect_raw

        for info in list_backups(self.data_dir):
            connection = connect_raw(info.path, self.data_key)
            try:
                _check(connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)],
                       f"backup {info.name} is not sound")
            finally:
                connection.close()
                for suffix in ("-wal", "-shm"):
                    Path(str(info.path) + suffix).unlink(missing_ok=True)


def _read_records(path: Path) -> list[dict]:
    records = []
    for line in path.read_bytes().splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            break  # a line cut by the kill: that write was not acknowledged
    return records


def run_soak(runs: int, seed: int = 0, work_dir: Path | None = None, out=print) -> tuple[int, int]:
    """Run `runs` kill-and-check cycles on one vault; returns (passed, runs). Stops at the first failure."""
    own_dir = work_dir is None
    work_dir = Path(work_dir or tempfile.mkdtemp(prefix="askel-soak-"))
    harness = CrashHarness(work_dir, seed)
    passed, started = 0, time.monotonic()
    try:
        for number in range(1, runs + 1):
            try:
                result = harness.run_once()
            except CrashCheckFailed as failure:
                out(f"run {number}: FAILED: {failure}")
                out(f"the vault is kept for inspection in {work_dir}")
                own_dir = False
                break
            passed += 1
            if number % 25 == 0 or number == runs:
                out(f"run {number}: ok ({result.acknowledged} writes acknowledged, "
                    f"{time.monotonic() - started:.0f} s so far)")
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(harness.in_flight.items()))
        out(f"killed in the middle of: {kinds or 'nothing'}")
        out(f"{passed}/{runs}")
        return passed, runs
    finally:
        if own_dir:
            shutil.rmtree(work_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--work-dir", type=Path, default=None, help="keep the vault here (default: a temp folder)")
    args = parser.parse_args(argv)
    print(f"soak: {args.runs} kills, seed {args.seed}")
    passed, runs = run_soak(args.runs, args.seed, args.work_dir)
    return 0 if passed == runs else 1


if __name__ == "__main__":
    sys.exit(main())
