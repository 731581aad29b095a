"""Attacks on what the statistics publish: each of the leaks issue 13 names, tried against the output itself.

Every test builds a small vault through the store functions, asks the program for its published figures (the CSV
and the workbook a unit head receives) and then plays the attacker: subtracts two exports, solves the sums for the
hidden cells, reads the precision a workbook keeps. The attacker only uses what he is given and what is public
(the table's totals, that counts are not negative, a protocol's agenda length).
"""

from __future__ import annotations

import csv
import io
import itertools
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export.disclosure import Period, PeriodError
from askel.export.stats import compute_statistics, csv_bytes, xlsx_bytes
from askel.store.clients import ClientData, add_client
from askel.store.courses import add_session, close_session, finish_course, start_course


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


def course(vault, library, index: int, method: str = "gsh_adults", *, ended: date | None = None,
           status: str = "completed", usefulness: int | None = 4, next_step: str | None = "none",
           sessions: int = 1, attendance: str = "attended", all_items_done: bool = False,
           started: date = date(2025, 4, 2)):
    protocol = library.protocol(method)
    client = add_client(vault, ClientData(f"Testi{index}", "Asiakas", date(1980, 1 + index % 12, 1 + index % 28)))
    record = start_course(vault, client.id, protocol.id, protocol.version,
                          need_established=started - timedelta(days=1), start_date=started)
    for number in range(sessions):
        held = add_session(vault, record.id, datetime.combine(started + timedelta(days=8 + number), time(9)),
                           attendance=attendance)
        if all_items_done:
            template = protocol.session_template(number + 1, protocol.session_count.planned)
            agenda = {str(i): {"done": True} for i in range(len(template.agenda))}
            close_session(vault, held.id, agenda=agenda)
    if ended is not None:
        finish_course(vault, record.id, status=status, end_date=ended, usefulness=usefulness, next_step=next_step)
    return record


def published(statistics, library, language: str = "en") -> dict[tuple[str, str, str], str]:
    """The CSV a unit head receives: (table, row, column) -> the text of the value."""
    rows = csv.reader(io.StringIO(csv_bytes(statistics, language, library).decode("utf-8-sig")), delimiter=";")
    return {(row[0], row[1], row[2]): row[6] for row in list(rows)[1:] if row[1]}


def number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").replace("\u00a0", "").rstrip("%"))
    except ValueError:
        return None


def feasible(cells: dict[str, float | None], sums: list[tuple[str, list[str]]], bound: int,
             extra=lambda values: True) -> dict[str, set[int]]:
    """Every value each hidden cell can take given the shown cells, the sums and `extra`: the attacker's solver."""
    hidden = [key for key, value in cells.items() if value is None]
    options: dict[str, set[int]] = {key: set() for key in hidden}
    for guess in itertools.product(range(bound + 1), repeat=len(hidden)):
        values = {**cells, **dict(zip(hidden, guess, strict=True))}
        if all(values[total] == sum(values[m] for m in members) for total, members in sums) and extra(values):
            for key, value in zip(hidden, guess, strict=True):
                options[key].add(value)
    return options


def precision(value: float) -> float:
    """Half a unit of the last digit a stored number keeps: what the attacker may assume about the truth."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return 0.5 * 10 ** min(int(exponent), 0)


# -- 1. two exports a day apart --------------------------------------------------------------------------------
def test_two_exports_a_day_apart_cannot_be_subtracted(vault, library, tmp_path, monkeypatch, capsys):
    """Ten courses end in the first half of 2025, the last on 30 June: interrupted, rated 1, sent to specialised
    care. The old program answered for 1.1.–29.6. and for 1.1.–30.6., and the difference was that one course."""
    for index in range(9):
        course(vault, library, index, ended=date(2025, 5, 2 + index))
    course(vault, library, 9, ended=date(2025, 6, 30), status="interrupted", usefulness=1,
           next_step="specialised_care")

    answers = {}
    for start in (date(2025, 1, d) for d in range(1, 32)):
        for end in (date(2025, 6, d) for d in range(20, 31)):
            try:
                answers[start, end] = published(compute_statistics(vault, library, start, end), library)
            except PeriodError:
                continue
    # Only the half-year itself is answered: no two answers whose periods differ by days exist to be subtracted.
    assert list(answers) == [(date(2025, 1, 1), date(2025, 6, 30))]
    assert not [key for key, text in answers[date(2025, 1, 1), date(2025, 6, 30)].items() if text == "<5"]

    # Nor can a month be exported while it is running, when two exports a day apart would differ by its new courses.
    today = date.today()
    with pytest.raises(PeriodError, match="has not ended"):
        Period.checked(date(today.year, today.month, 1), Period.of("month", today.year, today.month).end, today)
    from tests.unit.test_stats import command_runner

    run = command_runner(vault, library, tmp_path, monkeypatch)
    month = f"{today.year}-{today.month:02d}"
    assert run("--from", month, "--to", month, "--out", str(tmp_path / "running.csv")) == 1
    assert "has not ended" in capsys.readouterr().err and not (tmp_path / "running.csv").exists()
    assert run("--from", "2025-01-01", "--to", "2025-06-29", "--out", str(tmp_path / "days.csv")) == 1
    assert "not the last day of a month" in capsys.readouterr().err and not (tmp_path / "days.csv").exists()


# -- 2. the hidden mean in the workbook ------------------------------------------------------------------------
def test_the_workbook_keeps_no_precision_that_gives_hidden_ratings_back(vault, library):
    """Ten courses: seven rated 4, two rated 3, one not rated. The old workbook showed "3.8" but kept 3.7777…, and
    that with the shown total told the attacker exactly how many rated 3 and how many did not rate."""
    for index in range(10):
        course(vault, library, index, ended=date(2025, 5, 2 + index), usefulness=4 if index < 7 else 3 if index < 9
               else None)
    statistics = compute_statistics(vault, library, date(2025, 4, 1), date(2025, 6, 30))
    book = load_workbook(io.BytesIO(xlsx_bytes(statistics, "en", library)))
    sheet = book.worksheets[0]
    block = _block(sheet, "Usefulness as rated by the client (1–4)")
    # Every number the workbook holds is the number it shows.
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, float):
                shown = cell.value * 100 if "%" in cell.number_format else cell.value
                assert round(shown, 1) == pytest.approx(shown, abs=1e-9), cell.coordinate

    ratings = ("1", "2", "3", "4", "Not recorded")
    cells = {key: (float(block[key][0]) if isinstance(block[key][0], int | float) else None)
             for key in (*ratings, "All")}
    mean = block["Mean rating"][0]

    def consistent(values) -> bool:
        rated = sum(values[r] for r in ratings[:4])
        if isinstance(mean, float):
            if not rated or abs(sum(int(r) * values[r] for r in ratings[:4]) / rated - mean) > precision(mean):
                return False
        for key in (*ratings,):
            share = block[key][1]
            if isinstance(share, float) and values["All"] and abs(values[key] / values["All"] - share) > precision(share):
                return False
        return True

    options = feasible(cells, [("All", list(ratings))], 10, consistent)
    assert options, "the attacker finds the truth among the possibilities"
    assert all(len(values) > 1 for values in options.values()), options


def _block(sheet, heading: str) -> dict[str, list]:
    """A table of the summary sheet: row label -> its values."""
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    start = next(i for i, row in enumerate(rows) if row[0] == heading)
    block = {}
    for row in rows[start + 2:]:
        if row[0] is None:
            break
        block[row[0]] = row[1:]
    return block


# -- 3. fidelity numerators and zeros --------------------------------------------------------------------------
def test_fidelity_figures_do_not_give_a_hidden_session_count_back(vault, library):
    """Three guided self-help sessions with every agenda item done, and twelve KLT sessions. The old table hid the
    three but published their agenda items (three times the protocol's public agenda length), the items done
    (equal to those planned: a hidden 100 % share given back by a zero) and totals to subtract from."""
    course(vault, library, 0, method="gsh_adults", sessions=3, all_items_done=True)
    for index in range(1, 4):
        course(vault, library, index, method="klt_adults", sessions=4, all_items_done=True)
    statistics = compute_statistics(vault, library, date(2025, 4, 1), date(2025, 6, 30))
    figures = published(statistics, library)
    fidelity = {(row, column): number(text) for (table, row, column), text in figures.items() if table == "fidelity"}
    gsh, klt, every = "method:gsh_adults", "method:klt_adults", "all"
    agenda = len(library.protocol("gsh_adults").session_template(1, 6).agenda)

    worked_out = set()
    for column in {column for _, column in fidelity}:
        mine = fidelity.get((gsh, column))
        if mine is None and fidelity.get((every, column)) is not None and fidelity.get((klt, column)) is not None:
            mine = fidelity[(every, column)] - fidelity[(klt, column)]  # the total less the other method
        if mine is None:
            continue
        if column == "sessions":
            worked_out.add(mine)
        elif column.startswith("items"):
            worked_out.add(mine / agenda)  # items are sessions times the agenda's length
        elif column == "rate":
            worked_out.add(("share", mine))
    assert 3 not in worked_out and 3.0 not in worked_out, fidelity
    assert not [value for value in worked_out if isinstance(value, tuple)], "a share of the hidden sessions is shown"


def test_a_zero_does_not_show_that_everyone_is_in_one_cell(vault, library):
    """Nine courses, all finished to "no further care", all sessions attended: the old table hid the zeros and
    the 100 % share, but showed 9 of 9, which says the same."""
    for index in range(9):
        course(vault, library, index, ended=date(2025, 5, 2 + index), next_step="none", usefulness=None)
    figures = published(compute_statistics(vault, library, date(2025, 4, 1), date(2025, 6, 30)), library)
    for table, rows, total in (("next_step", ("none", "follow_up", "step_up", "specialised_care", "not_recorded"),
                                "all"),):
        cells = {row: number(figures[table, row, "count"]) for row in (*rows, total)}
        options = feasible(cells, [(total, list(rows))], 9)
        pinned = {row: values for row, values in options.items() if len(values) == 1}
        assert not pinned, pinned
    sessions = {column: number(figures["sessions", "code:IHZ19", column])
                for column in ("attended", "cancelled", "no_show", "total")}
    options = feasible(sessions, [("total", ["attended", "cancelled", "no_show"])], 9)
    assert not {column: values for column, values in options.items() if len(values) == 1}, options


# -- 4. a false "<5" -------------------------------------------------------------------------------------------
def test_a_cell_hidden_for_a_neighbour_does_not_claim_to_be_small(vault, library):
    """Next steps: 20 none, 9 follow-up, 3 step-up. The old table showed the 9 as "<5" so that the 3 could not
    be subtracted: a false statement that a reader adding up the table would take as true."""
    steps = ["none"] * 20 + ["follow_up"] * 9 + ["step_up"] * 3
    for index, step in enumerate(steps):
        course(vault, library, index, ended=date(2025, 5, 1 + index % 28), next_step=step)
    figures = published(compute_statistics(vault, library, date(2025, 4, 1), date(2025, 6, 30)), library)
    truth = {"none": 20, "follow_up": 9, "step_up": 3, "specialised_care": 0, "not_recorded": 0, "all": 32}
    for row, value in truth.items():
        text = figures["next_step", row, "count"]
        if text.startswith("<"):
            assert value < int(text[1:]), (row, text, value)
        assert number(text) in (None, value)
    assert number(figures["next_step", "follow_up", "count"]) is None  # hidden, since 3 = 32 - 20 - 9


# -- 5. nested periods -----------------------------------------------------------------------------------------
def test_a_period_cannot_be_subtracted_from_the_period_it_lies_in(vault, library, tmp_path, monkeypatch, capsys):
    """Ten courses start in February and end in March; two start in May and end in June, interrupted, sent to
    specialised care. The second quarter's own table hides its 2; but the half-year's table (12 started) minus the
    first quarter's (10 started) gives them back. So one kind of period only is published (statistics_period):
    whatever the organisation chooses, no two periods it answers for lie one inside the other."""
    for index in range(10):
        course(vault, library, index, started=date(2025, 2, 3 + index), ended=date(2025, 3, 20))
    for index in range(10, 12):
        course(vault, library, index, started=date(2025, 5, 5), ended=date(2025, 6, 16), status="interrupted",
               usefulness=1, next_step="specialised_care")

    def started_in(first: date, last: date) -> float | None:
        return number(published(compute_statistics(vault, library, first, last), library)["courses", "started",
                                                                                           "count"])

    # What is at stake: the raw figures of nested periods differ by the two clients, hidden in their own quarter.
    assert started_in(date(2025, 4, 1), date(2025, 6, 30)) is None
    assert started_in(date(2025, 1, 1), date(2025, 6, 30)) - started_in(date(2025, 1, 1), date(2025, 3, 31)) == 2

    from askel.export.disclosure import PERIOD_KINDS, Period
    from tests.unit.test_stats import command_runner

    candidates = [Period.of("year", 2025), Period.of("half", 2025, 1), Period.of("quarter", 2025, 1),
                  Period.of("quarter", 2025, 2), Period.of("month", 2025, 2), Period.of("month", 2025, 5)]
    for kind in PERIOD_KINDS:
        run = command_runner(vault, library, tmp_path, monkeypatch, settings={"statistics_period": kind})
        answered = {}
        for period in candidates:
            out = tmp_path / f"{kind}-{period.label().replace('..', '_')}.csv"
            code = run("--from", f"{period.start:%Y-%m}", "--to", f"{period.end:%Y-%m}", "--out", str(out),
                       "--lang", "en")
            error = capsys.readouterr().err
            if code == 0:
                answered[period] = out
            else:
                assert "statistics_period" in error and not out.exists(), error
        assert answered and {period.kind for period in answered} == {kind}
        for a, b in itertools.combinations(answered, 2):  # no two answers overlap, so none can be subtracted
            assert a.end < b.start or b.end < a.start, (a, b)
    # The region's report takes the same rule, before it opens any store.
    run = command_runner(vault, library, tmp_path, monkeypatch, command="region")
    store = tmp_path / "region.db"
    assert run("report", "--store", str(store), "--from", "2025-01", "--to", "2025-06", "--out",
               str(tmp_path / "r.csv")) == 1
    assert "statistics_period" in capsys.readouterr().err and not store.exists()
