"""The measured work, each on an encrypted vault and on its plaintext copy."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import select

from askel.store.clients import ClientData, add_client, open_client, search_clients
from askel.store.courses import (
    add_session,
    close_session,
    finish_course,
    load_course,
    score_and_record,
    start_course,
)
from askel.store.models import Client
from tests.bench.vaults import library

FRAME = 1 / 60


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


# -- search as you type ----------------------------------------------------------------------------------------
def keystrokes(vault) -> list[str]:
    """What a clinician types, letter by letter: names, identity code prefixes and birth dates of real rows."""
    with vault.read() as session:
        sample = session.execute(select(Client.family_name, Client.given_names, Client.hetu, Client.birth_date)
                                 .where(Client.hetu.is_not(None)).order_by(Client.local_id).limit(8)).all()
    typed: list[str] = []
    for family, given, code, birth in sample:
        words = (family.lower(), f"{family.lower()} {given.split()[0].lower()[:3]}")
        for word in words:
            typed += [word[:n] for n in range(1, len(word) + 1)]
        typed += [code[:n] for n in range(1, len(code) + 1)]
        day = f"{birth.day}.{birth.month}.{birth.year}"
        typed += [day[:n] for n in range(1, len(day) + 1)]
    return list(dict.fromkeys(typed))


def search_times(vault, typed: list[str], rounds: int = 3) -> list[float]:
    for text in typed:  # warm up: the page cache as after a minute of use
        search_clients(vault, text)
    samples = []
    for _ in range(rounds):
        samples += [timed(lambda text=text: search_clients(vault, text)) for text in typed]
    return samples


# -- opening a client ------------------------------------------------------------------------------------------
def open_client_times(vault, client_id: str, rounds: int = 15) -> list[float]:
    """What the app reads to show the client page and then the course page: the client with guardians and
    courses (`open_client`, which also writes the use-log entry), then the course with its sessions and
    questionnaires (`load_course`) for each course."""

    def work():
        client = open_client(vault, client_id)
        for course in client.courses:
            load_course(vault, course.id)

    work()
    return [timed(work) for _ in range(rounds)]


# -- the write workload ----------------------------------------------------------------------------------------
def write_workload(vault, serial: int) -> str:
    """A client, a course and ten sessions with PHQ-9 and GAD-7, closed and finished: what a course writes."""
    lib = library()
    protocol, phq9, gad7 = lib.protocol("klt_adults"), lib.instrument("phq9"), lib.instrument("gad7")
    client = add_client(vault, ClientData("Kirjoitus", f"Testi{serial}", date(1990, 1, 1) + timedelta(days=serial)))
    course = start_course(vault, client.id, protocol.id, protocol.version, need_established=date(2025, 1, 2))
    when = datetime(2025, 1, 13, 9)
    for number in range(10):
        record = add_session(vault, course.id, when, attendance="attended")
        level = max(0, 3 - number // 3)
        score_and_record(vault, course.id, phq9, {item: level for item in phq9.item_ids}, session_id=record.id)
        score_and_record(vault, course.id, gad7, {item: level for item in gad7.item_ids}, session_id=record.id)
        close_session(vault, record.id, notes="Kirjoitettu testissä.")
        when += timedelta(days=7)
    finish_course(vault, course.id, status="completed", end_date=when.date(), usefulness=3, next_step="none")
    return course.id


def write_times(cipher, plain, rounds: int = 9) -> tuple[list[float], list[float], str, str]:
    """Alternating runs on both, so a noisy neighbour on the machine hits both alike, after one untimed run on each
    (the first loads the content and compiles the statements: a one-off cost of the process, not of writing).
    Nine rounds: each is some fifty fsyncs, whose time on a shared disk varies more than the encryption costs."""
    cipher_times, plain_times = [], []
    write_workload(cipher, rounds)
    write_workload(plain, rounds)
    cipher_course = plain_course = ""
    for serial in range(rounds):
        started = time.perf_counter()
        cipher_course = write_workload(cipher, serial)
        cipher_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        plain_course = write_workload(plain, serial)
        plain_times.append(time.perf_counter() - started)
    return cipher_times, plain_times, cipher_course, plain_course


# -- FHIR --------------------------------------------------------------------------------------------------------
def fhir_available() -> bool:
    try:
        import askel.export.fhir  # noqa: F401
        import askel.export.service  # noqa: F401
    except ImportError:
        return False
    return True


def fhir_times(vault, course_id: str, rounds: int = 5) -> list[float]:
    """Rendering the FHIR R4 bundle of a 10-session course, as the export service does (without delivering)."""
    from askel.export.service import ExportPolicy, ExportRequest, render

    policy = ExportPolicy(organisation_oid="1.2.246.10.12345678.22.2026", organisation_name="Bench")
    request = ExportRequest(course_id, "fhir", "fi")
    render(vault, library(), policy, request)
    return [timed(lambda: render(vault, library(), policy, request)) for _ in range(rounds)]


# -- statistics ----------------------------------------------------------------------------------------------
def stats_times(vault, rounds: int) -> list[float]:
    from askel.export.stats import compute_statistics

    start, end = date(2025, 1, 1), date(2025, 12, 31)  # a calendar year: the statistics cover whole periods
    return [timed(lambda: compute_statistics(vault, library(), start, end)) for _ in range(rounds)]


def median(values: list[float]) -> float:
    return statistics.median(values)
