"""A crash loses nothing that was saved: 30 SIGKILLs at random instants while the app's store functions write.

The harness (tests/integration/soak.py) and the writer (crash_writer.py) are shared with `make soak`, which runs
the same cycle 500 times. About two seconds per kill on two cores.
"""

from __future__ import annotations

import sys
import time
from datetime import date, datetime

import pytest

from askel.store import clients
from askel.store.db import connect_raw
from askel.store.vault import Vault
from tests.integration.soak import PASSPHRASE, CrashCheckFailed, CrashHarness

KILLS = 30

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    return CrashHarness(tmp_path_factory.mktemp("crash"), seed=20260305)


def test_thirty_kills_lose_nothing_acknowledged(harness):
    started = time.monotonic()
    acknowledged = 0
    for _ in range(KILLS):
        acknowledged += harness.run_once().acknowledged  # each run raises CrashCheckFailed on any loss
    assert acknowledged > KILLS, "the writer must have committed writes before it was killed"
    assert sum(harness.in_flight.values()) > KILLS // 2, "most kills must land in the middle of a write"
    assert time.monotonic() - started < 150


def test_drafts_come_back_after_the_crash(harness):
    from askel.store.courses import load_draft, pending_drafts

    assert harness.expected.drafts, "the writer saved drafts before it was killed"
    vault = Vault.unlock(harness.data_dir, PASSPHRASE)
    try:
        keys = {draft.key for draft in pending_drafts(vault)}
        for key, version in harness.expected.drafts.items():
            assert key in keys
            assert load_draft(vault, key).startswith(f"{version} ")
    finally:
        vault.close()


# -- the checker itself catches what it is meant to catch ------------------------------------------------------------
def tamper(harness, *statements: str) -> None:
    connection = connect_raw(harness.folder.database, harness.data_key)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            connection.execute(statement)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


@pytest.fixture
def fresh(harness, tmp_path):
    """A copy of the vault the kills left behind, with what was acknowledged, to break on purpose."""
    if not harness.expected.sessions:
        harness.run_once()
    return harness.clone(tmp_path / "copy")


def test_the_checker_notices_a_client_without_its_guardians(fresh):
    vault = Vault.unlock(fresh.data_dir, PASSPHRASE)
    clients.add_client(vault, clients.ClientData("Koe", "Puolikas", date(2010, 1, 1), school_or_unit="guardians=2",
                                                 guardians=[clients.GuardianData("A")]))
    vault.close()
    with pytest.raises(CrashCheckFailed, match="guardians"):
        fresh.verify(None)


def test_the_checker_notices_a_lost_acknowledged_write(fresh):
    session_id = next(iter(fresh.expected.sessions))
    tamper(fresh, f"DELETE FROM session WHERE id = '{session_id}'")  # noqa: S608 (a test's own id)
    with pytest.raises(CrashCheckFailed, match="missing"):
        fresh.verify(None)


def test_the_checker_notices_a_write_without_its_log_event(fresh):
    course_id = next(iter(fresh.expected.courses))
    tamper(fresh, "DROP TRIGGER audit_event_no_delete",
           f"DELETE FROM audit_event WHERE target = 'course:{course_id}'")  # noqa: S608
    with pytest.raises(CrashCheckFailed):
        fresh.verify(None)


def test_notes_on_a_session_never_acknowledged_go_with_its_deleted_client(fresh):
    """A session created in flight (landed, not acknowledged), its notes acknowledged by a later writer, then its
    client deleted: the harness must expect the notes gone with it, not report them lost (the soak found this)."""
    from askel.store.courses import add_session, start_course

    vault = Vault.unlock(fresh.data_dir, PASSPHRASE)
    client = clients.add_client(vault, clients.ClientData("Koe", "Lentava", date(2010, 1, 1),
                                                          school_or_unit="guardians=0"))
    course = start_course(vault, client.id, "ipc_adults", "1")
    session = add_session(vault, course.id, datetime(2026, 1, 1, 9), notes="note 5")
    vault.close()
    fresh._apply([{"ok": "client", "id": client.id, "guardians": 0, "name": "Lentava"},
                  {"ok": "course", "id": course.id, "client": client.id, "goal": None}])
    fresh.verify(None)  # the session is seen in the vault, but its creation was never acknowledged
    fresh._apply([{"ok": "notes", "id": session.id, "notes": 5}])
    fresh.verify(None)
    vault = Vault.unlock(fresh.data_dir, PASSPHRASE)
    clients.delete_client(vault, client.id)
    vault.close()
    fresh._apply([{"ok": "delete", "id": client.id}])
    fresh.verify(None)
    assert session.id not in fresh.expected.notes


@pytest.mark.parametrize("change, words", [
    ("UPDATE client SET family_name = 'Joku Muu'", "named"),
    ("UPDATE course SET goal = 'toinen tavoite'", "goal"),
    ("UPDATE administration SET total = total + 1", "administration"),
    ("UPDATE administration SET answers = '{}'", "administration"),
    ("UPDATE session SET homework_given = 'kotitehtävä 1', notes = 'note 2'", "homework|notes"),
])
def test_the_checker_compares_every_field_the_workload_wrote(fresh, change, words):
    if "administration" in change and not fresh.expected.answers:
        pytest.skip("no questionnaire was acknowledged in these kills")
    tamper(fresh, change)
    with pytest.raises(CrashCheckFailed, match=words):
        fresh.verify(None)


def test_the_checker_notices_a_change_without_its_log_event(fresh):
    if not fresh.expected.changed:
        pytest.skip("no change of a client was acknowledged in these kills")
    tamper(fresh, "DROP TRIGGER audit_event_no_update",
           "UPDATE audit_event SET action = 'view' WHERE action = 'change' AND target = 'client'")
    with pytest.raises(CrashCheckFailed):
        fresh.verify(None)
