"""The coordinator's window in Finnish and Swedish: the store asks its passphrase, the page shows the pooled report
(every figure the protected table's, the charts drawing only shown cells), exports what `askel region report`
writes, is reached by keyboard, and fits 1366×768 at 100 % and 200 % text."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export.crypto import generate_keypair, load_private_key
from askel.export.disclosure import HIDDEN, Period
from askel.export.stats import ALL, csv_bytes, format_cell, label
from askel.region.importer import import_file
from askel.region.report import OUTCOMES, regional_report
from askel.region.store import open_store
from askel.ui import theme
from askel.ui.coordinator import CoordinatorWindow
from askel.ui.i18n import LanguageManager
from tests.gui.test_statistics_page import painted
from tests.region.synthetic import data_sets, sealed

TODAY = date(2026, 3, 2)
YEAR = Period.of("year", 2025)
SECRET = "koordinaattorin tunnuslause 7"
SCREEN = (1366, 768)


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    """An embedded store with 3 000 courses of 30 installations in 6 units (small groups get hidden)."""
    path = tmp_path_factory.mktemp("coordinator") / "region.db"
    pem, public = generate_keypair()
    store = open_store(path, SECRET, kdf_iterations=1)
    try:
        for data_set in data_sets(3000, 30, units=6, seed=7):
            import_file(store, sealed(data_set, public), load_private_key(pem))
    finally:
        store.close()
    return path


@pytest.fixture
def language(request, qapp):
    manager = LanguageManager(QApplication.instance())
    theme.apply(QApplication.instance())
    manager.set_language(request.param)
    yield manager
    manager.set_language("fi")


def opened(qtbot, target, library, manager, passphrase: str = SECRET) -> CoordinatorWindow:
    window = CoordinatorWindow(str(target), library, {"statistics_period": "year"}, manager, today=TODAY)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    window.start()
    window.store_screen.passphrase.setText(passphrase)
    window.store_screen.try_open()
    return window


def expected_report(store_path):
    store = open_store(store_path, SECRET, create=False)
    try:
        return regional_report(store, YEAR)
    finally:
        store.close()


@pytest.mark.parametrize("language", ["fi", "sv"], indirect=True)
def test_the_coordinator_sees_the_pooled_report(qtbot, store_path, library, language, tmp_path):
    lang = language.language
    window = opened(qtbot, store_path, library, language, passphrase="not the passphrase")
    qtbot.waitUntil(lambda: window.store_screen.passphrase_field.error.isVisible(), timeout=20000)
    assert window.store_screen.passphrase_field.error.text() == {
        "fi": "Tunnuslause on väärä. Tarkista näppäimistön kieli ja Caps Lock.",
        "sv": "Lösenfrasen är fel. Kontrollera tangentbordslayouten och Caps Lock."}[lang]
    assert window.page is None

    window.store_screen.passphrase.setText(SECRET)
    window.store_screen.try_open()
    qtbot.waitUntil(lambda: window.page is not None and window.page.report is not None, timeout=20000)
    page = window.page
    report = page.report
    assert (report.start, report.end) == (YEAR.start, YEAR.end)  # the newest year that has ended
    assert report == expected_report(store_path)
    assert page.picker.which.currentText() == "2025" and page.picker.which.count() == len(page.picker.periods)

    # Every table on screen is the protected table, cell for cell, with labels in the UI language.
    shown = hidden = 0
    for table in report.tables:
        widget = page.table_widgets[table.id]
        assert [widget.verticalHeaderItem(r).text() for r in range(widget.rowCount())] == [
            label(row, lang, library) for row in table.rows]
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                assert widget.item(r, c).text() == format_cell(cell, lang, percent_sign=True)
                shown += cell.shown
                hidden += cell.suppressed
    assert shown > 100 and hidden > 0
    assert page.table_widgets["courses_by_unit"].verticalHeaderItem(0).text() == "U001"

    # The charts draw the shown cells and nothing behind a hidden one.
    outcomes = report.table("outcomes_by_method")
    for stack, row in zip(page.outcomes_chart.rows, outcomes.rows, strict=True):
        assert stack.total.text == format_cell(outcomes.cell(row, "total"), lang)
        for value, key in zip(stack.values, OUTCOMES, strict=True):
            cell = outcomes.cell(row, key)
            assert value.number == (cell.value if cell.shown else None)
            assert value.text == (HIDDEN if cell.suppressed else format_cell(cell, lang))
    assert any(value.number is None for stack in page.outcomes_chart.rows for value in stack.values)
    assert page.access_chart.reference[0] == 28 and len(page.access_chart.columns) == 12
    sessions = report.table("sessions_by_month")
    assert [c.total.text for c in page.sessions_chart.columns] == [
        format_cell(sessions.cell(row, "total"), lang) for row in sessions.rows if row != ALL]
    assert len(page.courses_chart.columns) == 12
    for chart in page.charts.values():  # each chart paints inside itself, under its heading
        assert painted(chart, theme.colours().accent) > 50, chart.heading
    # Each chart says in words what it draws (its text alternative for a screen reader).
    assert page.outcomes_chart.accessibleName() == label("table:outcomes_by_method", lang)
    assert label("method:klt_adults", lang, library) in page.outcomes_chart.accessibleDescription() or \
        library.protocol("klt_adults").short_name.get(lang) in page.outcomes_chart.accessibleDescription()

    # Export: the same bytes as the command line's report of the period.
    saved = page.export("csv", tmp_path / "region.csv")
    assert saved.read_bytes() == csv_bytes(report, lang, library)


@pytest.mark.parametrize("language", ["fi"], indirect=True)
def test_a_store_that_does_not_exist_is_not_made(qtbot, tmp_path, library, language):
    target = tmp_path / "nowhere" / "region.db"
    window = opened(qtbot, target, library, language)
    qtbot.waitUntil(lambda: window.store_screen.error.isVisible(), timeout=20000)
    assert window.store_screen.error.text() == ("Täällä ei ole vielä alueellista tietokantaa. Aineistot tuodaan "
                                                "siihen komennolla askel region import.")
    assert not target.exists() and not target.parent.exists() and window.page is None


@pytest.mark.parametrize("language", ["fi", "sv"], indirect=True)
@pytest.mark.parametrize("size", [100, 200])
def test_the_page_fits_the_screen_and_is_reached_by_keyboard(qtbot, store_path, library, language, size):
    app = QApplication.instance()
    theme.apply(app, size)
    try:
        window = opened(qtbot, store_path, library, language)
        qtbot.waitUntil(lambda: window.page is not None and window.page.report is not None, timeout=20000)
        window.ensurePolished()
        hint = window.minimumSizeHint()
        assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], hint
        page = window.page
        # Nothing is cut off at the right: the charts and tables fit the page's width (they scroll down only).
        content = page.tables.parentWidget()
        assert content.minimumSizeHint().width() <= SCREEN[0] - 8 * 8
        # Tab goes from the period to the two exports, each chart (read out in words) and into the tables.
        qtbot.waitUntil(lambda: page.table_widgets["courses"].isVisible())  # shown on the next turn of events
        page.picker.which.setFocus(Qt.FocusReason.OtherFocusReason)
        reached = []
        for _ in range(8):
            qtbot.keyClick(app.focusWidget(), Qt.Key.Key_Tab)
            reached.append(app.focusWidget())
        charts = [page.outcomes_chart, page.access_chart, page.sessions_chart, page.courses_chart]
        assert reached[:6] == [page.csv_button, page.xlsx_button, *charts]
        assert all(chart.accessibleDescription() for chart in charts)
        assert reached[6] in page.table_widgets.values()
    finally:
        theme.apply(app, 100)


def test_askel_region_alone_opens_the_window_on_the_store_named(monkeypatch, tmp_path):
    """`askel region` without a command: --store, else the setting region_store, else region/region.db in the
    data folder; the window asks for the passphrase itself."""
    import json
    import os

    from askel import cli

    opened_on = []
    monkeypatch.setattr("askel.app.run_coordinator", lambda context, target: opened_on.append(target) or 0)
    monkeypatch.setattr("askel.app.setup_logging", lambda: None)
    data = tmp_path / "data"
    assert cli.main(["--data-dir", str(data), "region"]) == 0
    url = "postgresql+psycopg://askel_region@db.example.fi/askel?sslmode=verify-full"
    settings = os.path.join(os.environ["ASKEL_CONFIG_DIR"], "settings.json")
    os.makedirs(os.path.dirname(settings), exist_ok=True)
    with open(settings, "w", encoding="utf-8") as handle:
        json.dump({"region_store": url}, handle)
    assert cli.main(["--data-dir", str(data), "region"]) == 0
    assert cli.main(["--data-dir", str(data), "region", "--store", str(tmp_path / "other.db")]) == 0
    assert opened_on == [str(data / "region" / "region.db"), url, str(tmp_path / "other.db")]
