"""Unit statistics: figures checked against counts computed here independently, and small cells suppressed."""

from __future__ import annotations

import csv
import io
import statistics as pystats
import zipfile
from collections import Counter, defaultdict
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from askel.core.content.guarantee import age_on
from askel.core.content.library import ContentLibrary
from askel.core.content.outcomes import OutcomeCategory, classify, is_finished
from askel.core.paths import resources_dir
from askel.export.stats import (
    SUPPRESSED,
    Count,
    Mean,
    Median,
    Rate,
    Table,
    UnknownMethod,
    build_table,
    compute_statistics,
    csv_bytes,
    export_statistics,
    format_cell,
    procedure_code,
    xlsx_bytes,
)
from askel.store.clients import ClientData, add_client
from askel.store.clinician import my_methods
from askel.store.courses import add_session, finish_course, first_and_last_scores, start_course
from askel.store.demo import generate
from askel.store.models import AuditEvent, Client, Course
from askel.store.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2026, 3, 2)
START, END = date(2025, 1, 1), date(2025, 12, 31)


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


@pytest.fixture(scope="module")
def demo(tmp_path_factory, library):
    vault = Vault.create(tmp_path_factory.mktemp("stats") / "data", PASSPHRASE, clinician_name="Harjoitus Hoitaja",
                         role="nurse", kdf_iterations=1, training=True)
    generate(vault, library, 700, 11, today=TODAY)
    yield vault
    vault.close()


# -- small-cell suppression ------------------------------------------------------------------------------------
def test_a_count_of_four_is_hidden_and_five_is_shown():
    table = build_table("t", ("a", "b", "c"), ("count",), {
        ("a", "count"): Count(4), ("b", "count"): Count(5), ("c", "count"): Count(0)})
    assert table.cell("a", "count").suppressed and table.cell("a", "count").value is None
    assert table.cell("b", "count").value == 5 and not table.cell("b", "count").suppressed
    assert table.cell("c", "count").suppressed
    assert format_cell(table.cell("a", "count"), "fi") == SUPPRESSED == ".."
    assert format_cell(table.cell("b", "count"), "sv") == "5"


def test_shares_medians_and_means_rest_on_shown_counts():
    figures = {("r", "n"): Count(50), ("r", "part"): Count(20), ("s", "n"): Count(4),
               ("r", "share"): Rate(20, 50, rests_on=(("r", "part"), ("r", "n"))),
               ("s", "share"): Rate(2, 4, rests_on=(("s", "n"),)),
               ("r", "median"): Median((1, 2, 3, 4, 10), rests_on=(("r", "n"),)),
               ("r", "mean"): Mean((1, 2, 3, 4), rests_on=(("r", "n"),)),
               ("s", "mean"): Mean((1, 2, 3, 4, 5), rests_on=(("s", "n"),))}
    table = build_table("t", ("r", "s"), ("n", "part", "share", "median", "mean"), figures)
    assert table.cell("r", "share").value == 0.4 and table.cell("r", "median").value == 3
    assert table.cell("r", "mean").suppressed  # four values
    assert table.cell("s", "share").suppressed and table.cell("s", "mean").suppressed  # their group is hidden
    assert format_cell(table.cell("r", "share"), "fi", percent_sign=True) == "40,0\u00a0%"
    assert format_cell(table.cell("r", "share"), "en", percent_sign=True) == "40.0%"


def test_a_lone_hidden_cell_cannot_be_worked_out_from_the_total():
    figures = {("a", "count"): Count(3), ("b", "count"): Count(9), ("c", "count"): Count(20),
               ("all", "count"): Count(32), ("b", "rate"): Rate(9, 32, rests_on=(("b", "count"), ("all", "count")))}
    table = build_table("t", ("a", "b", "c", "all"), ("count", "rate"), figures,
                        sums=[(("all", "count"), [("a", "count"), ("b", "count"), ("c", "count")])])
    assert table.cell("a", "count").suppressed
    assert table.cell("b", "count").suppressed  # the next smallest goes too
    assert table.cell("b", "rate").suppressed  # and the share that would give it back
    assert table.cell("c", "count").value == 20 and table.cell("all", "count").value == 32


def test_a_table_cannot_be_built_around_the_rules():
    from askel.export.stats import Cell

    with pytest.raises(ValueError):
        Table("t", ("a",), ("count",), ((Cell("count", 3, False, 3),),))
    with pytest.raises(ValueError):
        Table("t", ("a",), ("rate",), ((Cell("rate", 0.5, False, 4),),))
    with pytest.raises(ValueError):  # more precision than is shown
        Table("t", ("a",), ("rate",), ((Cell("rate", 2 / 3, False, 9),),))
    with pytest.raises(ValueError):  # a share must rest on counts of the table
        build_table("t", ("a",), ("rate",), {("a", "rate"): Rate(5, 10, rests_on=())})


def test_statistics_hold_no_identifiers(demo, library):
    result = compute_statistics(demo, library, START, END)
    with demo.read() as session:
        secrets = set(session.scalars(select(Client.id))) | set(session.scalars(select(Client.local_id)))
        secrets |= set(session.scalars(select(Client.hetu).where(Client.hetu.is_not(None))))
        secrets |= set(session.scalars(select(Client.family_name)))
        secrets |= set(session.scalars(select(Course.id)))
    text = repr(result)
    assert not [secret for secret in secrets if secret in text]
    for table in result.tables:
        for row in table.cells:
            for cell in row:
                assert cell.value is None or isinstance(cell.value, int | float)
    exported = csv_bytes(result, "fi", library).decode("utf-8-sig")
    assert not [secret for secret in secrets if secret in exported]
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes(result, "sv", library))) as book:
        xml = "".join(book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml"))
    assert not [secret for secret in secrets if secret in xml]


# -- against an independent count ------------------------------------------------------------------------------
def independent(vault, library, start: date, end: date, preset: str = "nhs", method_ids=None) -> dict:
    """Every figure, counted in plain Python over the ORM objects (no SQL aggregate, no code shared with stats)."""
    with vault.read() as session:
        courses = list(session.scalars(select(Course).options(
            selectinload(Course.sessions), selectinload(Course.administrations), selectinload(Course.client))))
    if method_ids is not None:
        courses = [c for c in courses if c.method_id in method_ids]
    methods = {method_id: record.status for method_id, record in my_methods(vault).items()}
    first_moment, after = datetime.combine(start, datetime.min.time()), datetime.combine(end, datetime.max.time())
    figures: dict[tuple[str, str, str], float] = {}
    started = [c for c in courses if c.start_date and start <= c.start_date <= end]
    ended = [c for c in courses if c.status in ("completed", "interrupted") and c.end_date
             and start <= c.end_date <= end]
    figures["courses", "started", "count"] = len(started)
    figures["courses", "completed", "count"] = sum(c.status == "completed" for c in ended)
    figures["courses", "interrupted", "count"] = sum(c.status == "interrupted" for c in ended)

    by_code: dict[str, Counter] = defaultdict(Counter)
    fidelity_planned: Counter = Counter()
    fidelity_done: Counter = Counter()
    for course in courses:
        protocol = library.protocol(course.method_id, course.protocol_version)
        codes = {c.format: c.code for c in protocol.procedure_codes if c.code}
        code = f"code:{codes.get('individual') or codes.get('any') or 'none'}"
        for record in course.sessions:
            if not first_moment <= record.starts_at <= after:
                continue
            by_code[code][record.attendance] += 1
            if record.closed and record.attendance == "attended":
                template = protocol.session_template(record.number,
                                                     course.planned_sessions or protocol.session_count.planned)
                keys = [str(i) for i in range(len(template.agenda))] + (["family"] if course.has_dependants else [])
                fidelity_planned[course.method_id] += len(keys)
                fidelity_done[course.method_id] += sum(bool(record.agenda.get(k, {}).get("done")) for k in keys)
    for code, counts in by_code.items():
        for attendance in ("attended", "cancelled", "no_show"):
            figures["sessions", code, attendance] = counts[attendance]
        figures["sessions", code, "total"] = sum(counts.values())
    for attendance in ("attended", "cancelled", "no_show"):
        figures["sessions", "all", attendance] = sum(c[attendance] for c in by_code.values())
    for method_id in fidelity_planned:
        figures["fidelity", f"method:{method_id}", "rate"] = fidelity_done[method_id] / fidelity_planned[method_id]
    figures["fidelity", "all", "rate"] = sum(fidelity_done.values()) / sum(fidelity_planned.values())

    outcome = Counter()
    for course in ended:
        first, last = first_and_last_scores(course)
        outcome["paired"] += bool(last)
        attended = sum(s.attendance == "attended" and s.kind == "method" for s in course.sessions)
        if not is_finished(attended, preset):
            continue
        result = classify(first, last, preset)
        if result.category == OutcomeCategory.NOT_ENOUGH_DATA:
            continue
        outcome["finished_paired"] += 1
        outcome["case_at_start"] += result.case_at_start
        outcome["recovered"] += result.recovered
        outcome["reliably_improved"] += result.reliably_improved
        outcome["reliably_deteriorated"] += result.reliably_deteriorated
    figures["outcomes", "ended", "count"] = len(ended)
    for key, n in outcome.items():
        figures["outcomes", key, "count"] = n
    figures["outcomes", "recovered", "rate"] = outcome["recovered"] / outcome["case_at_start"]
    figures["outcomes", "reliably_improved", "rate"] = outcome["reliably_improved"] / outcome["finished_paired"]
    figures["outcomes", "paired", "rate"] = outcome["paired"] / len(ended)

    days, young = [], []
    for course in courses:
        held = [s.starts_at for s in course.sessions if s.attendance == "attended" and s.kind == "method"]
        if not held or course.need_established is None or not first_moment <= min(held) <= after:
            continue
        wait = (min(held).date() - course.need_established).days
        days.append(wait)
        # The therapy guarantee: under 23, a need from 1.5.2025 (the law in force), no recorded exception.
        if (age_on(course.client.birth_date, course.need_established) < 23
                and course.need_established >= date(2025, 5, 1) and course.guarantee_exception is None):
            young.append(wait)
    figures["access", "first_sessions", "value"] = len(days)
    figures["access", "median_days", "value"] = pystats.median(days)
    figures["access", "under_23", "value"] = len(young)
    figures["access", "under_23_within_limit", "value"] = sum(w <= 28 for w in young)

    for key, n in Counter(c.next_step or "not_recorded" for c in ended).items():
        figures["next_step", key, "count"] = n
    for key, n in Counter(str(c.usefulness) if c.usefulness else "not_recorded" for c in ended).items():
        figures["usefulness", key, "count"] = n
    for key, n in Counter(str(c.care_step) if c.care_step else "not_recorded" for c in started).items():
        figures["care_step", key, "count"] = n
    for key, n in Counter(c.referral_source or "not_recorded" for c in started).items():
        figures["referral", key, "count"] = n
    for course in started:
        status = methods.get(course.method_id)
        column = {"trained": "trained", "mentor": "trained", "in_training": "in_training"}.get(status, "not_recorded")
        key = ("competence", f"method:{course.method_id}", column)
        figures[key] = figures.get(key, 0) + 1
    return figures


def check_against(result, expected: dict) -> int:
    """Shown cells equal the independent figure; small ones are suppressed. Returns how many were compared."""
    compared = 0
    for (table_id, row, column), value in expected.items():
        cell = result.table(table_id).cell(row, column)
        if cell.kind == "count" and value < 5:
            assert cell.suppressed, (table_id, row, column, value)
        if cell.shown:  # shares to 0.1 percentage point, medians to one decimal: as displayed
            assert cell.value == pytest.approx(value, abs=0.0005 if cell.kind == "rate" else 0.05), (
                table_id, row, column)
            compared += 1
    return compared


def test_figures_match_an_independent_count(demo, library):
    result = compute_statistics(demo, library, START, END)
    expected = independent(demo, library, START, END)
    assert check_against(result, expected) > 60
    # The demo is big enough that the headline figures are all shown.
    for key in (("courses", "started", "count"), ("outcomes", "recovered", "rate"), ("access", "median_days", "value"),
                ("sessions", "all", "attended"), ("fidelity", "all", "rate")):
        assert result.table(key[0]).cell(key[1], key[2]).shown, key


def test_a_method_family_and_a_short_period(demo, library):
    klt = tuple(p.id for p in library.protocols() if p.method == "klt")
    result = compute_statistics(demo, library, date(2025, 7, 1), date(2025, 9, 30), method="klt")
    assert result.method == "klt"
    assert check_against(result, independent(demo, library, date(2025, 7, 1), date(2025, 9, 30),
                                             method_ids=klt)) > 10
    only = compute_statistics(demo, library, START, END, method="klt_adults", preset="fi_regional")
    check_against(only, independent(demo, library, START, END, preset="fi_regional", method_ids=("klt_adults",)))
    assert {row for row in only.table("competence").rows} == {"method:klt_adults", "all"}
    with pytest.raises(UnknownMethod):
        compute_statistics(demo, library, START, END, method="no_such_method")
    with pytest.raises(ValueError):
        compute_statistics(demo, library, END, START)


def test_procedure_codes_come_from_the_protocol(library):
    assert procedure_code(library, "klt_adults", "1") == "code:IDY03"
    assert procedure_code(library, "gsh_adults", "1") == "code:IHZ19"
    assert procedure_code(library, "ipc_adults", "1") == "code:none"
    assert procedure_code(library, "removed_method", "1") == "code:none"


def test_four_interrupted_are_hidden_and_five_completed_shown(vault, library):
    """On a vault built through the store functions: the boundary between a hidden and a shown count."""
    protocol = library.protocol("gsh_adults")
    for index in range(9):
        client = add_client(vault, ClientData(f"Testi{chr(97 + index)}", "Asiakas", date(1980, 1, 1 + index)))
        course = start_course(vault, client.id, protocol.id, protocol.version, need_established=date(2025, 5, 1))
        add_session(vault, course.id, datetime(2025, 5, 10, 9), attendance="attended")
        finish_course(vault, course.id, status="completed" if index < 5 else "interrupted", end_date=date(2025, 6, 1),
                      usefulness=4, next_step="none")
    result = compute_statistics(vault, library, date(2025, 1, 1), date(2025, 12, 31))
    courses = result.table("courses")
    assert courses.cell("completed", "count").value == 5
    assert courses.cell("interrupted", "count").suppressed
    assert courses.cell("started", "count").value == 9
    assert result.table("usefulness").cell("all", "count").value == 9
    assert result.table("next_step").cell("none", "count").suppressed  # 9 of 9: the 0 others would show
    assert result.table("next_step").cell("all", "count").value == 9
    sessions = result.table("sessions")
    assert sessions.cell("code:IHZ19", "total").value == 9
    assert sessions.cell("code:IHZ19", "attended").suppressed  # 9 of 9 attended: the zeros would show
    assert sessions.cell("code:IHZ19", "cancelled").suppressed


# -- export ----------------------------------------------------------------------------------------------------
def test_csv_and_xlsx_exports_are_logged(demo, library, tmp_path):
    result = compute_statistics(demo, library, START, END)
    with demo.read() as session:
        before = session.scalar(select(func.count()).where(AuditEvent.target == "statistics"))
    export_statistics(demo, result, tmp_path / "stats.csv", "csv", language="sv", library=library)
    export_statistics(demo, result, tmp_path / "stats.xlsx", "xlsx", language="fi", library=library)
    rows = list(csv.reader(io.StringIO((tmp_path / "stats.csv").read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["table_id", "row_id", "column_id"]
    started = next(row for row in rows if row[:3] == ["courses", "started", "count"])
    assert started[4] == "Påbörjade" and started[6] == str(int(result.table("courses").cell("started", "count").value))
    assert any(row[6] == SUPPRESSED for row in rows)
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "stats.xlsx")
    assert book.sheetnames == ["Tilastot", "Aineisto"]
    values = [cell.value for row in book["Tilastot"].iter_rows() for cell in row]
    assert "Alkaneet" in values and SUPPRESSED in values
    with demo.read() as session:
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.target == "statistics")
                                      .order_by(AuditEvent.seq)))
    assert len(events) == before + 2
    assert events[-1].action == "export" and events[-1].client_id is None
    assert events[-1].detail["format"] == "xlsx" and events[-1].detail["from"] == START.isoformat()


def command_runner(vault, library, tmp_path, monkeypatch, command: str = "stats", settings: dict | None = None):
    """`askel stats …` (or another command) run in-process against `vault`; returns the exit code."""
    from askel import cli
    from askel.app import AppContext
    from askel.core.settings import Settings

    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    context = AppContext(data_dir=vault.folder.root, settings=Settings.load(tmp_path / "s.json", policy_layers=[]),
                         _library=library)
    for key, value in (settings or {}).items():
        context.settings.set(key, value)
    monkeypatch.setattr("askel.app.make_context", lambda data_dir=None: context)

    def run(*arguments) -> int:
        try:
            return cli.main([command, *arguments])
        except SystemExit as error:
            return int(error.code or 0)
    return run


def test_the_command_writes_a_file(demo, library, tmp_path, monkeypatch, capsys):
    run = command_runner(demo, library, tmp_path, monkeypatch)
    assert run("--from", "2025-01", "--to", "2025-12", "--out", str(tmp_path / "a.csv"), "--lang", "en") == 0
    assert "courses;started;count;Courses;Started" in (tmp_path / "a.csv").read_text("utf-8-sig")
    assert run("--from", "2025-01-01", "--to", "2025-12-31", "--method", "klt", "--format", "xlsx",
               "--out", str(tmp_path / "b.xlsx")) == 0
    assert (tmp_path / "b.xlsx").stat().st_size > 0
    assert run("--from", "2025-01", "--to", "2025-12", "--method", "nope", "--out", str(tmp_path / "c.csv")) == 1
    assert "unknown method" in capsys.readouterr().err
    assert not (tmp_path / "c.csv").exists()
    # Not a calendar period: refused with the reason, nothing written.
    assert run("--from", "2025-02", "--to", "2025-04", "--out", str(tmp_path / "d.csv")) == 1
    assert "not a calendar month, quarter, half-year or year" in capsys.readouterr().err
    assert run("--from", "2025-03-15", "--to", "2025-06", "--out", str(tmp_path / "d.csv")) == 1
    assert "not the first day of a month" in capsys.readouterr().err
    assert not (tmp_path / "d.csv").exists()
