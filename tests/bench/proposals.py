"""Before/after figures for the index and query changes the benchmark report proposes (not part of `make bench`).

    python -m tests.bench.proposals [--clients 100000] [--vault DIR]

Generates a demo vault (or uses --vault, a training vault with the benchmark passphrase), measures, applies the
proposed indexes to it, and measures again with the proposed query shapes (written out here, since the store code is
not changed by the benchmark):
- search: an expression index for day-and-month searches (the query must use the literal 6 for SQLite to match it),
  a (family_key, given_key) index, a one-word name search as two ordered, limited index ranges, and identity code
  searches ordered by the code;
- `open_sessions`: a partial index on the few unclosed sessions;
- the guarantee list: NOT EXISTS on a (course_id, attendance) index instead of NOT IN over every attended session;
- the integrity check that unlock runs (`PRAGMA quick_check`), which a background run after start-up would hide.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, literal_column, select, union_all
from sqlalchemy.orm import selectinload

from askel.core import validation
from askel.store import clients as store_clients
from askel.store.courses import open_sessions, waiting_courses
from askel.store.db import check_integrity
from askel.store.models import Client, Course, Session
from askel.store.vault import Vault
from tests.bench import vaults, workloads

PROPOSED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_client_birth_month_day ON client (substr(birth_date, 6))",
    "CREATE INDEX IF NOT EXISTS ix_client_family_given ON client (family_key, given_key)",
    "CREATE INDEX IF NOT EXISTS ix_session_open ON session (starts_at) WHERE closed IS 0",
    "CREATE INDEX IF NOT EXISTS ix_session_course_attendance ON session (course_id, attendance)",
)


def proposed_search(vault, query: str, limit: int = store_clients.SEARCH_LIMIT) -> list[Client]:
    parsed = validation.search_query(query)
    condition = store_clients._search_condition(parsed)
    if parsed.kind == "birth_date" and not parsed.year:
        condition = func.substr(Client.birth_date, literal_column("6")) == f"{parsed.month:02d}-{parsed.day:02d}"
    if parsed.kind == "name" and len(parsed.words) == 1:
        word = parsed.words[0]
        by_family = (select(Client.id).where(store_clients._prefix(Client.family_key, word))
                     .order_by(Client.family_key, Client.given_key).limit(limit).subquery())
        by_given = (select(Client.id).where(store_clients._prefix(Client.given_key, word))
                    .order_by(Client.given_key).limit(limit).subquery())
        ids = union_all(select(by_family.c.id), select(by_given.c.id)).subquery()
        statement = (select(Client).where(Client.id.in_(select(ids.c.id)))
                     .order_by(Client.family_key, Client.given_key).limit(limit))
    else:
        order = (Client.hetu,) if parsed.kind == "hetu" else (Client.family_key, Client.given_key)
        statement = select(Client).order_by(*order).limit(limit)
        if condition is not None:
            statement = statement.where(condition)
    with vault.read() as session:
        return list(session.scalars(statement))


def proposed_waiting(vault) -> list[Course]:
    held = select(Session.id).where(Session.course_id == Course.id, Session.attendance == "attended").exists()
    with vault.read() as session:
        return list(session.scalars(
            select(Course).where(Course.status.in_(("planned", "active")), Course.need_established.is_not(None),
                                 ~held).options(selectinload(Course.client))))


def p95_search(vault, search, typed) -> float:
    for text in typed:
        search(vault, text)
    samples = [workloads.timed(lambda text=text: search(vault, text)) for _ in range(3) for text in typed]
    return workloads.percentile(samples, 0.95)


def best(work, rounds: int = 3) -> float:
    return min(workloads.timed(work) for _ in range(rounds))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.proposals")
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--vault", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.vault is None:
        root = Path(tempfile.mkdtemp(prefix="askel-proposals-"))
        bench = vaults.build(root, args.clients, kdf_iterations=1)
        folder = bench.folder
    else:
        folder = args.vault
    vault = Vault.unlock(folder, vaults.PASSPHRASE)
    try:
        typed = workloads.keystrokes(vault)
        before = {
            "search p95": p95_search(vault, store_clients.search_clients, typed),
            "open_sessions": best(lambda: open_sessions(vault)),
            "guarantee list query": best(lambda: waiting_courses(vault)),
            "integrity check at unlock": best(lambda: check_integrity(vault.engine), rounds=1),
        }
        started = time.perf_counter()
        with vault.engine.begin() as connection:
            for statement in PROPOSED_INDEXES:
                connection.exec_driver_sql(statement)
        created = time.perf_counter() - started
        after = {
            "search p95": p95_search(vault, proposed_search, typed),
            "open_sessions": best(lambda: open_sessions(vault)),
            "guarantee list query": best(lambda: proposed_waiting(vault)),
            "integrity check at unlock": 0.0,
        }
        for text in ("v", "virtanen", "12.1.", "0101"):  # the same answers (ties in name order may differ by id)
            assert [(c.family_key, c.given_key) for c in proposed_search(vault, text)] == [
                (c.family_key, c.given_key) for c in store_clients.search_clients(vault, text)] or text == "0101"
        assert {c.id for c in proposed_waiting(vault)} == {c.id for c in waiting_courses(vault)}
    finally:
        vault.close()
    print(f"| Proposal ({args.clients} clients) | Before | After |\n|---|---|---|")
    for key in before:
        print(f"| {key} | {workloads_ms(before[key])} | {workloads_ms(after[key])} |")
    print(f"\nCreating the four indexes took {created:.1f} s (a one-off migration).")
    return 0


def workloads_ms(seconds: float) -> str:
    return "moved after start-up" if seconds == 0 else f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
