"""A group in the pooled data: a unit's group of six with five group sessions reaches the coordinator's report as six
courses in a group format and five group sessions held (not thirty), while each member's attendance stays in the
sessions, once per member; importing the same file again counts nothing twice. On the embedded store and on
PostgreSQL alike."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export.crypto import generate_keypair, load_private_key
from askel.export.dataset import build, seal
from askel.export.disclosure import Period
from askel.region.importer import import_file
from askel.region.report import regional_report
from askel.region.store import open_store
from askel.store.clients import ClientData, add_client
from askel.store.groups import (
    MemberPart,
    add_member,
    create_group,
    load_group,
    load_meeting,
    save_meeting,
    start_meeting,
)
from askel.store.installation import identity

QUARTER = Period.of("quarter", 2026, 4)


@pytest.fixture(scope="module")
def sealed_group(tmp_path_factory):
    """The sealed data set of a vault with a group of six and five group sessions in October 2026."""
    from askel.store.vault import Vault
    from tests.conftest import PASSPHRASE

    library = ContentLibrary.load(resources_dir())
    vault = Vault.create(tmp_path_factory.mktemp("unit") / "data", PASSPHRASE, clinician_name="Testi Hoitaja",
                         role="nurse", kdf_iterations=1)
    try:
        group = create_group(vault, library.protocol("klt_adults"), name="G", group_format="client_group",
                             leaders=["A"], first_date=date(2026, 10, 1))
        for n in range(6):
            client = add_client(vault, ClientData(f"Testi{chr(65 + n)}", "Ryhmäläinen", date(1990, 1, 1)))
            add_member(vault, group.id, client.id, joined=date(2026, 9, 20))
        meetings = sorted((m for m in load_group(vault, group.id).meetings if m.kind == "method"),
                          key=lambda m: m.number)[:5]
        for number, meeting in enumerate(meetings):
            start_meeting(vault, meeting.id, datetime(2026, 10, 1 + 7 * number, 14))
            rows = load_meeting(vault, meeting.id).member_sessions
            save_meeting(vault, meeting.id, agenda={}, notes="", homework="",
                         members={r.id: MemberPart("attended") for r in rows}, close=True, duration_minutes=60)
        dataset = build(vault, library, QUARTER, unit_code="U1")
        with vault.read() as session:
            me = identity(session)
        pem, public = generate_keypair()
        return seal(dataset, me, public), load_private_key(pem)
    finally:
        vault.close()


def cells(statistics, table_id: str) -> dict[tuple[str, str], float | None]:
    table = statistics.table(table_id)
    return {(row, column): table.cell(row, column).value for row in table.rows for column in table.columns}


@pytest.mark.parametrize("kind", ["embedded", "postgresql"])
def test_a_group_session_is_pooled_once_for_the_group(sealed_group, tmp_path, kind, request):
    data, key = sealed_group
    target = str(tmp_path / "region.db") if kind == "embedded" else request.getfixturevalue("fresh_postgresql")
    store = open_store(target, "kolme sanaa riittää 7" if kind == "embedded" else None, kdf_iterations=1)
    try:
        for _ in range(2):  # the same file twice: replaced, never counted twice
            import_file(store, data, key)
        report = regional_report(store, QUARTER)
    finally:
        store.engine.dispose()
    assert cells(report, "courses_by_format")[("format:client_group", "started")] == 6
    assert cells(report, "group_sessions_by_method")[("method:klt_adults", "held")] == 5
    assert cells(report, "sessions_by_method")[("method:klt_adults", "total")] == 30  # attendance once per member
