"""The use log is append-only and its hash chain finds any change, removal or reordering."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from askel.store import audit


def fill(vault, n=5):
    for i in range(n):
        vault.log("view", client_id=f"client-{i}", target="client")


def verify(vault):
    with vault.read() as session:
        return audit.verify(session)


def tamper(vault, *statements):
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_delete")
        for statement in statements:
            conn.exec_driver_sql(statement)


def test_chain_verifies(vault):
    fill(vault)
    report = verify(vault)
    assert report.ok and report.rows == 6  # vault creation + 5 views


def test_update_and_delete_are_refused_by_the_database(vault):
    fill(vault, 1)
    for statement in ("UPDATE audit_event SET actor = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DatabaseError), vault.engine.begin() as conn:
            conn.execute(text(statement))
    assert verify(vault).ok


def test_changed_row_is_detected(vault):
    fill(vault)
    tamper(vault, "UPDATE audit_event SET client_id = 'someone-else' WHERE seq = 3")
    report = verify(vault)
    assert not report.ok and report.first_bad_seq == 3


def test_removed_row_is_detected(vault):
    fill(vault)
    tamper(vault, "DELETE FROM audit_event WHERE seq = 4")
    report = verify(vault)
    assert not report.ok and report.first_bad_seq == 5


def test_reordered_rows_are_detected(vault):
    fill(vault)
    tamper(
        vault,
        "UPDATE audit_event SET seq = 100 WHERE seq = 2",
        "UPDATE audit_event SET seq = 2 WHERE seq = 3",
        "UPDATE audit_event SET seq = 3 WHERE seq = 100",
    )
    assert not verify(vault).ok


def test_events_for_client(vault):
    fill(vault, 3)
    with vault.read() as session:
        events = audit.events_for_client(session, "client-1")
    assert [(e.action, e.client_id) for e in events] == [("view", "client-1")]
