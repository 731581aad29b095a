"""The pooled summary that reports read: what imports add and take away always equals a full count of the records,
through replaced batches, courses that move to a newer batch, and data sets of other periods."""

from __future__ import annotations

import copy
import random

import pytest
from sqlalchemy import select

from askel.export.crypto import generate_keypair, load_private_key
from askel.export.dataset import seal
from askel.export.disclosure import Period
from askel.region.importer import ImportRefused, import_file
from askel.region.report import regional_report
from askel.region.store import open_store, sum_ended, sum_first, sum_result, sum_sessions, sum_started
from askel.region.summary import rebuild
from tests.region.synthetic import data_sets, record, sealed

YEAR = Period.of("year", 2025)


def snapshot(store) -> dict[str, list]:
    with store.engine.connect() as conn:
        return {table.name: sorted(tuple(row) for row in conn.execute(select(table)))
                for table in (sum_started, sum_ended, sum_result, sum_first, sum_sessions)}


def check_store(store) -> None:
    pem, public = generate_keypair()
    key = load_private_key(pem)
    sets = list(data_sets(1200, 6, units=3, seed=3))
    for data_set in sets:
        import_file(store, sealed(data_set, public), key)
    rng = random.Random(5)
    # The same installation and period again: some courses gone, some changed, some new.
    again = copy.deepcopy(sets[0].dataset)
    again["records"] = again["records"][40:]
    for changed in again["records"][:30]:
        changed["status"], changed["end_month"], changed["outcome"] = "interrupted", "2025-06", "deteriorated"
    again["records"] += [record(rng, 2025) for _ in range(15)]
    again["header"]["record_count"] = len(again["records"])
    assert import_file(store, seal(again, sets[0].installation, public), key).replaced
    # Another period of another installation, sharing courses with its first data set: those move to it.
    other = copy.deepcopy(sets[1].dataset)
    other["header"]["period"] = {"from": "2025-01", "to": "2025-12"}
    other["records"] = other["records"][::3]
    for moved in other["records"]:
        moved["sessions_by_month"] = {"2025-11": [1, 1, 0]}
    other["header"]["record_count"] = len(other["records"])
    assert not import_file(store, seal(other, sets[1].installation, public), key).replaced

    kept, report = snapshot(store), regional_report(store, YEAR)
    assert sum(n for *_, n in kept["sum_started"]) == 1200 - 40 + 15
    rebuild(store)
    assert snapshot(store) == kept
    assert regional_report(store, YEAR) == report


def test_the_embedded_summary_equals_a_full_count(tmp_path):
    store = open_store(tmp_path / "region.db", "koordinaattori 12345", kdf_iterations=1)
    try:
        check_store(store)
    finally:
        store.close()


def test_the_postgresql_summary_equals_a_full_count(fresh_postgresql):
    store = open_store(fresh_postgresql)
    try:
        check_store(store)
    finally:
        store.close()


def test_a_signed_file_with_a_malformed_value_is_refused_whole(tmp_path):
    """A data set signed by a known installation still gets no value of the wrong type or size into the store."""
    pem, public = generate_keypair()
    key = load_private_key(pem)
    store = open_store(tmp_path / "region.db", "koordinaattori 12345", kdf_iterations=1)
    try:
        (data_set,) = data_sets(50, 1, seed=9)
        for field, value in (("days_to_first_treatment", "17"), ("method", "x" * 200), ("usefulness", -1),
                             ("sessions_by_month", {"2025-03": [1, True, 0]}), ("fidelity", "high")):
            bad = copy.deepcopy(data_set.dataset)
            bad["records"][7][field] = value
            with pytest.raises(ImportRefused, match="damaged"):
                import_file(store, seal(bad, data_set.installation, public), key, name="bad.askelenc")
        assert all(not rows for rows in snapshot(store).values())
    finally:
        store.close()
