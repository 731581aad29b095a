"""Crash safety of receiving a handover: SIGKILL the receiving process at random instants, prove all or nothing.

    python -m tests.integration.handover_kills --runs 200        (prints N/N at the end)

The handover workload of the kill harness (the writing workload is tests/integration/soak.py). Made once: a giving
vault with one client whose course is large (many sessions with notes and questionnaires, so that the import takes
long enough to be killed inside it), the handover file and its code, and an empty receiving vault. Each run copies
the empty receiving vault, starts `handover_writer.py` on the copy (it opens the file with the code, says "ready"
and imports), kills it with SIGKILL after a random delay that spans the import, then reopens the copy and checks:

* `PRAGMA integrity_check` is ok and the use log's hash chain (with the export log) verifies;
* the handover is either absent entirely (no client, course, session, administration, handover row or log entry of
  it) or present entirely: every column of every row equal to the giver's, the handover recorded and logged;
* what was not imported can still be: the file is received whole by a run that is not killed.
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
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.integration.soak import SUBPROCESS_KDF_ITERATIONS

WRITER = Path(__file__).with_name("handover_writer.py")
PASSPHRASE = "siirtyvä asiakas 12"
SESSIONS = 150
READY_TIMEOUT = 60.0


class HandoverCheckFailed(AssertionError):
    pass


def _check(condition: bool, text: str) -> None:
    if not condition:
        raise HandoverCheckFailed(text)


def carried_rows(vault) -> dict:
    """Every column of every carried row (plain SQL), for comparing a received handover with what was given."""
    from sqlalchemy import select

    from askel.store.handover import CARRIED

    with vault.read() as session:
        return {model.__tablename__: sorted((dict(row) for row in session.execute(select(model.__table__))
                                             .mappings()), key=lambda row: row["id"]) for model in CARRIED}


class HandoverKillHarness:
    def __init__(self, work_dir: Path, seed: int = 0):
        from askel.core.content.library import ContentLibrary
        from askel.core.paths import resources_dir
        from askel.export import handover
        from askel.store import clients, courses
        from askel.store.models import Administration, Session
        from askel.store.vault import Vault

        self.work_dir = Path(work_dir)
        self.random = random.Random(seed)
        self.outcomes: Counter = Counter()
        self.runs = 0
        library = ContentLibrary.load(resources_dir())
        # Three Argon2id passes: the fewest Askel accepts from a file read in another process (the writer reads
        # the receiving vault's key file, and the handover file's KDF is the giving vault's).
        giver = Vault.create(self.work_dir / "giver", PASSPHRASE, clinician_name="Antaja Testi", role="nurse",
                             kdf_iterations=SUBPROCESS_KDF_ITERATIONS)
        try:
            client = clients.add_client(giver, clients.ClientData(
                "Koe", "Siirrettävä", date(2009, 6, 1), guardians=[clients.GuardianData("Huoltaja Koe")]))
            course = courses.start_course(giver, client.id, "ipc_adolescents", "1", planned_sessions=SESSIONS)
            with giver.write() as session:  # one transaction: the rows as the store functions would write them
                for number in range(SESSIONS):
                    visit = Session(course_id=course.id, number=number + 1, closed=True,
                                    starts_at=datetime(2025, 1, 6, 9) + timedelta(days=number),
                                    notes=f"muistiinpano {number} " + "sanoja " * 40)
                    session.add(visit)
                    session.flush()
                    session.add(Administration(course_id=course.id, session_id=visit.id, instrument_id="phq9",
                                               instrument_version="1", answers={f"q{i}": number % 4
                                                                                for i in range(1, 10)},
                                               total=float(9 * (number % 4)), alerts=[]))
            self.file = self.work_dir / "kill.askelhandover"
            given = handover.give(giver, library, self.work_dir / "packs", client.id, [course.id],
                                  receiver_name="Saaja Testi", mode="keep", language="fi",
                                  write=self.file.write_bytes, destination=str(self.file))
            self.code = given.code.text("fi")
            self.handover_id = given.handover_id
            self.expected = carried_rows(giver)
        finally:
            giver.close()
        empty = Vault.create(self.work_dir / "empty", PASSPHRASE, clinician_name="Saaja Testi", role="nurse",
                             kdf_iterations=SUBPROCESS_KDF_ITERATIONS)
        self.data_key = empty._data_key
        empty.close()
        self.import_seconds = self._time_one_import()

    def _time_one_import(self) -> float:
        """How long the import itself takes here, so that the kills can be spread across it."""
        target = self._fresh("timing")
        records = self._run(target, kill_after=None)
        self.verify(target, expect_whole=True)
        return max(float(records["ok"]["seconds"]), 0.05)

    def _fresh(self, name: str) -> Path:
        target = self.work_dir / name
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.work_dir / "empty", target)
        return target

    def _run(self, target: Path, kill_after: float | None) -> dict:
        log_path = self.work_dir / "writer.log"
        env = {**os.environ, "ASKEL_PASSPHRASE": PASSPHRASE}
        with open(log_path, "wb") as out, open(self.work_dir / "writer-stderr.log", "ab") as err:
            process = subprocess.Popen([sys.executable, str(WRITER), str(target), str(self.file), self.code],
                                       stdout=out, stderr=err, env=env)
            try:
                self._wait_ready(process, log_path)
                if kill_after is None:
                    process.wait(READY_TIMEOUT)
                else:
                    time.sleep(kill_after)
            finally:
                if process.poll() is None:
                    process.send_signal(signal.SIGKILL)
                process.wait(30)
        records = {}
        for line in log_path.read_bytes().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            records.update({key: record for key in record if key in ("ready", "ok")})
        if kill_after is None:
            _check("ok" in records, "the writer did not finish an import it was not asked to stop")
        return records

    def _wait_ready(self, process: subprocess.Popen, log_path: Path) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if log_path.stat().st_size and b'"ready"' in log_path.read_bytes():
                return
            if process.poll() is not None:
                stderr = (self.work_dir / "writer-stderr.log").read_text("utf-8", "replace")[-3000:]
                raise HandoverCheckFailed(f"the writer stopped before it was ready (exit {process.returncode}):\n"
                                          f"{stderr}")
            time.sleep(0.005)
        raise HandoverCheckFailed("the writer did not get ready in time")

    def run_once(self) -> str:
        """One kill; returns what the vault held afterwards: "nothing" or "whole"."""
        self.runs += 1
        target = self._fresh("run")
        records = self._run(target, kill_after=self.random.uniform(0.0, self.import_seconds * 1.3))
        outcome = self.verify(target)
        _check(outcome == "whole" or "ok" not in records, "an import the writer acknowledged is missing")
        self.outcomes[outcome] += 1
        return outcome

    def verify(self, target: Path, expect_whole: bool = False) -> str:
        from sqlalchemy import func, select, text

        from askel.store import audit
        from askel.store.keyfile import KeyFile
        from askel.store.models import AuditEvent, ExportRecord, Handover
        from askel.store.vault import DataFolder, Vault

        vault = Vault._open(DataFolder(target), KeyFile.load(target / "askel.key"), self.data_key)
        try:
            with vault.read() as session:
                _check(session.execute(text("PRAGMA integrity_check")).all() == [("ok",)], "integrity_check failed")
                report = audit.verify(session)
                _check(report.ok, f"the use log does not verify: {report.problem}")
                handovers = session.scalars(select(Handover)).all()
                logged = session.scalar(select(func.count()).select_from(AuditEvent)
                                        .where(AuditEvent.action == "handover"))
                disclosed = session.scalar(select(func.count()).select_from(ExportRecord)
                                           .where(ExportRecord.kind == "handover"))
            rows = carried_rows(vault)
        finally:
            vault.close()
        if not any(rows.values()):
            _check(not expect_whole, "the import did not land")
            _check(not handovers and not logged and not disclosed, "the handover is logged but its rows are missing")
            return "nothing"
        _check(rows == self.expected, "half a handover: the rows differ from what was given "
                                      + ", ".join(f"{t} {len(rows[t])}/{len(self.expected[t])}" for t in rows))
        _check([h.id for h in handovers] == [self.handover_id] and logged == 1 and disclosed == 1,
               "the rows are there but the handover is not recorded and logged once")
        return "whole"

    def receive_after_kill(self) -> None:
        """A vault left with nothing by a kill takes the same file whole afterwards."""
        target = self.work_dir / "run"
        if self.verify(target) == "nothing":
            self._run(target, kill_after=None)
        self.verify(target, expect_whole=True)


def run_kills(runs: int, seed: int = 0, work_dir: Path | None = None, out=print) -> tuple[int, int, Counter]:
    own_dir = work_dir is None
    work_dir = Path(work_dir or tempfile.mkdtemp(prefix="askel-handover-kills-"))
    harness = HandoverKillHarness(work_dir, seed)
    passed, started = 0, time.monotonic()
    try:
        for number in range(1, runs + 1):
            try:
                harness.run_once()
            except HandoverCheckFailed as failure:
                out(f"run {number}: FAILED: {failure}")
                out(f"the vaults are kept for inspection in {work_dir}")
                own_dir = False
                break
            passed += 1
            if number % 25 == 0 or number == runs:
                out(f"run {number}: ok ({time.monotonic() - started:.0f} s so far)")
        out(f"import takes {harness.import_seconds * 1000:.0f} ms; after the kill the vault held: "
            + ", ".join(f"{kind} {count}" for kind, count in sorted(harness.outcomes.items())))
        out(f"{passed}/{runs}")
        return passed, runs, harness.outcomes
    finally:
        if own_dir:
            shutil.rmtree(work_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--work-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    print(f"handover kills: {args.runs}, seed {args.seed}")
    passed, runs, _ = run_kills(args.runs, args.seed, args.work_dir)
    return 0 if passed == runs else 1


if __name__ == "__main__":
    sys.exit(main())
