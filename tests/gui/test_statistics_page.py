"""The statistics page in Finnish and Swedish: the numbers on screen are the statistics object's, for the range chosen.

Translations of the page's own texts come later, so this checks structure and figures, not words.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export.stats import SUPPRESSED, compute_statistics, format_cell, label
from askel.store.demo import generate
from askel.store.vault import Vault
from askel.ui import theme
from askel.ui.i18n import LanguageManager
from askel.ui.statistics_page import StatisticsPage
from tests.conftest import PASSPHRASE

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory, library):
    vault = Vault.create(tmp_path_factory.mktemp("gui-stats") / "data", PASSPHRASE, clinician_name="Harjoitus Hoitaja",
                         role="nurse", kdf_iterations=1, training=True)
    generate(vault, library, 400, 5, today=TODAY)
    yield vault
    vault.close()


@pytest.fixture
def language(request, qapp):
    manager = LanguageManager(QApplication.instance())
    theme.apply(QApplication.instance())
    manager.set_language(request.param)
    yield request.param
    manager.set_language("fi")


def painted(widget, colour: str) -> int:
    """How many pixels of `colour` the widget paints (below its first text line: not the heading)."""
    from PySide6.QtGui import QColor

    image = widget.grab().toImage()
    wanted = QColor(colour).rgb()
    start = widget.fontMetrics().height() + 8
    return sum(1 for y in range(start, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixel(x, y) == wanted)


def screen_matches(page, statistics, language: str) -> int:
    """Every table widget shows exactly the statistics object's cells; returns how many numbers were shown."""
    assert set(page.table_widgets) == {table.id for table in statistics.tables}
    shown = 0
    for table in statistics.tables:
        widget = page.table_widgets[table.id]
        assert (widget.rowCount(), widget.columnCount()) == (len(table.rows), len(table.columns))
        assert [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())] == [
            label(column, language) for column in table.columns]
        assert [widget.verticalHeaderItem(r).text() for r in range(widget.rowCount())] == [
            label(row, language, page.library) for row in table.rows]
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                text = widget.item(r, c).text()
                assert text == format_cell(cell, language, percent_sign=True)
                if cell.suppressed:
                    assert text == SUPPRESSED
                elif cell.shown:
                    shown += 1
    return shown


@pytest.mark.parametrize("language", ["fi", "sv"], indirect=True)
def test_page_shows_the_statistics_and_follows_the_range(qtbot, demo_vault, library, language, tmp_path):
    page = StatisticsPage(demo_vault, library, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitUntil(lambda: page.statistics is not None, timeout=20000)
    first = page.statistics
    assert (first.start, first.end) == (date(2025, 1, 1), date(2025, 12, 31))  # the newest year that has ended
    assert screen_matches(page, first, language) > 40
    # Row labels are in the UI language (the method names come from the protocols' own texts).
    started = page.table_widgets["courses"].verticalHeaderItem(0).text()
    assert started == {"fi": "Alkaneet", "sv": "Påbörjade"}[language]
    assert page.charts["courses"].bars[0][2] == format_cell(first.table("courses").cell("started", "count"), language)
    for chart in page.charts.values():  # each chart paints its bars inside itself, under its heading
        assert painted(chart, theme.colours().accent) > 50, chart.heading

    with pytest.raises(ValueError):  # a quarter inside the year: the organisation publishes years
        page.set_period(date(2025, 7, 1), date(2025, 9, 30))

    # An organisation that publishes quarters (setting statistics_period) is offered quarters only.
    page = StatisticsPage(demo_vault, library, today=TODAY, settings={"statistics_period": "quarter"})
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.statistics is not None, timeout=20000)
    assert (page.statistics.start, page.statistics.end) == (date(2025, 10, 1), date(2025, 12, 31))
    with qtbot.waitSignal(page.computed, timeout=20000):
        page.set_period(date(2025, 7, 1), date(2025, 9, 30))
    assert page.which.currentText() == {"fi": "3. vuosineljännes 2025", "sv": "Kvartal 3 2025"}[language]
    assert page.picker.field.label.text() == {"fi": "Vuosineljännes", "sv": "Kvartal"}[language]
    second = page.statistics
    assert (second.start, second.end) == (date(2025, 7, 1), date(2025, 9, 30))
    assert second.table("courses").cell("started", "count") != first.table("courses").cell("started", "count")
    direct = compute_statistics(demo_vault, library, date(2025, 7, 1), date(2025, 9, 30))
    assert second == direct
    screen_matches(page, second, language)

    with qtbot.waitSignal(page.computed, timeout=20000):
        page.method.setCurrentIndex(page.method.findData("klt_adults"))
    assert page.statistics.method == "klt_adults"
    assert page.statistics == compute_statistics(demo_vault, library, date(2025, 7, 1), date(2025, 9, 30),
                                                 method="klt_adults")
    screen_matches(page, page.statistics, language)

    saved = page.export("csv", tmp_path / "stats.csv")
    assert saved is not None and saved.read_text("utf-8-sig").startswith("table_id;row_id;column_id")


@pytest.mark.parametrize("language", ["fi"], indirect=True)
def test_only_whole_periods_that_have_ended_are_offered(qtbot, demo_vault, library, language):
    page = StatisticsPage(demo_vault, library, today=TODAY, settings={"statistics_period": "month"})
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.statistics is not None, timeout=20000)
    assert page.which.itemText(0) == "helmikuu 2026"  # February has ended on 2 March; March has not
    assert (page.statistics.start, page.statistics.end) == (date(2026, 2, 1), date(2026, 2, 28))
    assert all(period.kind == "month" for period in page.picker.periods)
    for start, end in ((date(2026, 3, 1), date(2026, 3, 31)), (date(2025, 9, 1), date(2025, 8, 31)),
                       (date(2025, 2, 1), date(2025, 4, 30)), (date(2025, 1, 1), date(2025, 3, 31))):
        with pytest.raises(ValueError):
            page.set_period(start, end)


@pytest.mark.parametrize("language", ["sv"], indirect=True)
def test_the_regional_data_set_from_the_page(qtbot, demo_vault, library, language, tmp_path):
    from askel.export.crypto import generate_keypair, load_private_key
    from askel.export.dataset import unseal

    pem, public = generate_keypair()
    settings = {"region_recipient_key": public, "unit_code": "U7", "outcome_preset": "nhs"}
    page = StatisticsPage(demo_vault, library, today=TODAY, settings=settings)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.statistics is not None, timeout=20000)
    saved = page.export_dataset(tmp_path / "set.askelenc")
    dataset = unseal(saved.read_bytes(), load_private_key(pem)).dataset
    assert dataset["header"]["unit_code"] == "U7" and dataset["header"]["period"] == {"from": "2025-01",
                                                                                       "to": "2025-12"}
    assert dataset["records"] and "Regional" not in page.status.text()
    page.settings = {"region_recipient_key": ""}
    assert page.export_dataset(tmp_path / "none.askelenc") is None
    assert not (tmp_path / "none.askelenc").exists() and "region_recipient_key" in page.status.text()
