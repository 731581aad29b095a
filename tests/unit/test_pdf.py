"""The PDF report opens (page 1 rendered to PNG is not blank) and the client's copy has no clinician notes.

Rendering and text extraction use poppler-utils (`pdftoppm`, `pdftotext`; Debian: apt-get install poppler-utils);
PySide6-Essentials has no QtPdf module to do it in-process. Without poppler those checks are skipped, and the
chart drawing is still checked through QImage.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from askel.export.chart import chart_image, point_centres
from askel.export.fhir import load_clinician
from askel.export.formatting import format_date, utc_to_local
from askel.export.pdf import PdfOptions, build_pdf, ensure_gui_application, progress_series
from askel.export.sample import (
    AGENDA_NOTE,
    ALERT_NOTE,
    CLINICIAN_NOTE,
    END_REASON,
    HOMEWORK_REVIEW,
    build_sample_course,
)
from askel.store.clients import ClientData, add_client
from askel.store.clinician import update_profile
from askel.store.courses import add_session, load_course, score_and_record, start_course

POPPLER = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdfinfo"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftoppm, pdftotext, pdfinfo) is not installed")


@pytest.fixture(autouse=True)
def qt_application(qapp):
    """A QApplication before any PDF is made: the PDF code would otherwise create a bare QGuiApplication, and
    widget tests later in the same process cannot run on that."""
    return qapp


@pytest.fixture
def course(vault, content_library):
    ensure_gui_application()
    sample = build_sample_course(vault, content_library)
    return load_course(vault, sample.course_id)


@pytest.fixture
def clinician(vault):
    update_profile(vault, title="sairaanhoitaja (AMK)", terhikki="10012345678")
    return load_clinician(vault)


def write_pdf(tmp_path: Path, course, library, **options) -> Path:
    options.setdefault("language", "fi")
    data = build_pdf(course, library, PdfOptions(**options))
    assert data.startswith(b"%PDF-")
    path = tmp_path / f"report-{len(list(tmp_path.glob('*.pdf')))}.pdf"
    path.write_bytes(data)
    return path


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def ink_share(image: QImage) -> float:
    """The share of pixels that are clearly not white (sampled)."""
    dark = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            total += 1
            if QColor(image.pixel(x, y)).lightness() < 200:
                dark += 1
    return dark / total


@needs_poppler
@pytest.mark.parametrize("client_version", [False, True])
def test_page_one_renders_and_is_not_blank(tmp_path, course, content_library, clinician, client_version):
    path = write_pdf(tmp_path, course, content_library, client_version=client_version,
                     organisation_name="Esimerkin hyvinvointialue", clinician=clinician)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(tmp_path / "page1")], check=True)
    image = QImage(str(tmp_path / "page1.png"))
    assert not image.isNull()
    assert image.width() > 300 and image.height() > 400  # A4 portrait at 50 dpi: 413 x 585
    assert 0.005 < ink_share(image) < 0.5


@needs_poppler
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_record_version_has_the_notes_and_the_client_version_does_not(tmp_path, course, content_library, clinician,
                                                                      language):
    record = pdf_text(write_pdf(tmp_path, course, content_library, language=language, clinician=clinician))
    client = pdf_text(write_pdf(tmp_path, course, content_library, language=language, client_version=True))
    secrets = (CLINICIAN_NOTE, AGENDA_NOTE, HOMEWORK_REVIEW, ALERT_NOTE, END_REASON)
    for secret in secrets:
        assert secret in record
        assert secret not in client
    alert = "vaatii kliinisen arvion" if language == "fi" else "kräver klinisk bedömning"
    assert alert in record and alert not in client
    assert "131052-308T" in record
    assert "131052-****" in client and "131052-308T" not in client
    heading = "Hoidon tarve" if language == "fi" else "Vårdbehov"
    assert heading in record and heading in client
    assert "Aino Esimerkki" in client  # the client's own copy names the client
    assert "Kaksi mukavaa tekemistä viikossa." in client  # what was agreed stays


@needs_poppler
def test_session_report_and_metadata(tmp_path, course, content_library):
    path = write_pdf(tmp_path, course, content_library, session_number=3)
    text = pdf_text(path)
    assert "Käynti 3/5" in text and "Käynti 1/5" not in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode("utf-8")
    assert "Esimerkki" not in info and "131052" not in info  # no client data in the metadata


def test_progress_chart_is_drawn(course, content_library):
    series = progress_series(course, content_library, "fi")
    assert [s.title for s in series] == ["GAD-7", "PHQ-9"]
    phq9 = series[1]
    assert [value for _, value in phq9.points] == [16.0, 12.0, 9.0]
    assert (phq9.minimum, phq9.maximum) == (0.0, 27.0)
    assert [label for _, label in phq9.bands] == ["lievä", "keskivaikea", "melko vaikea", "vaikea"]
    image = chart_image(phq9, 800, 280)
    assert 0.005 < ink_share(image) < 0.5


def test_pdf_without_questionnaires(vault, content_library, tmp_path):
    ensure_gui_application()
    client = add_client(vault, ClientData("Eero", "Esimerkki", date(1990, 1, 1)))
    course = start_course(vault, client.id, "ipc_adults", "1", planned_sessions=4)
    data = build_pdf(load_course(vault, course.id), content_library, PdfOptions("sv"))
    assert data.startswith(b"%PDF-") and len(data) > 1000


@needs_poppler
@pytest.mark.parametrize(("language", "words"), [
    ("fi", ("Työntekijä Testi Hoitaja, sairaanhoitaja (AMK)", "Terhikki-rekisterinumero 10012345678")),
    ("sv", ("Behandlare Testi Hoitaja, sairaanhoitaja (AMK)", "Registreringsnummer i Terhikki 10012345678")),
])
def test_both_versions_name_the_clinician_with_title_and_terhikki_number(tmp_path, course, content_library, clinician,
                                                                        language, words):
    for client_version in (False, True):
        text = pdf_text(write_pdf(tmp_path, course, content_library, language=language, clinician=clinician,
                                  client_version=client_version))
        for phrase in words:
            assert phrase in text


@needs_poppler
def test_without_a_title_the_profession_of_the_role_is_shown(tmp_path, vault, course, content_library):
    text = pdf_text(write_pdf(tmp_path, course, content_library, language="sv", clinician=load_clinician(vault)))
    assert "Behandlare Testi Hoitaja, sjukskötare" in text and "Terhikki" not in text


def test_a_parent_rated_series_is_named_and_kept_apart(vault, content_library):
    from askel.export.sample import build_adolescent_course

    adolescent = build_adolescent_course(vault, content_library)
    series = progress_series(load_course(vault, adolescent.course_id), content_library, "sv")
    assert [(s.title, [v for _, v in s.points]) for s in series] == [
        ("RCADS-25 (förälderns bedömning)", [50.0, 38.0])]


@needs_poppler
def test_the_programs_text_size_does_not_change_the_report(tmp_path, course, content_library, qapp):
    normal = pdf_text(write_pdf(tmp_path, course, content_library))
    font = qapp.font()
    large = qapp.font()
    large.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(large)
    try:
        assert pdf_text(write_pdf(tmp_path, course, content_library)) == normal
    finally:
        qapp.setFont(font)


@pytest.fixture
def prorated_course(vault, content_library):
    """PHQ-9 complete at session 1 (16) and with question 4 blank at session 2: 2+1+1+1+1+1+0+1 = 8 of eight,
    8 * 9 / 8 = 9, prorated."""
    ensure_gui_application()
    client = add_client(vault, ClientData("Aino", "Esimerkki", date(1990, 5, 6)))
    course = start_course(vault, client.id, "klt_adults", "1", need_established=date(2026, 1, 2))
    phq9 = content_library.instrument("phq9")
    for when, values in ((datetime(2026, 1, 5, 9), [2, 2, 2, 2, 2, 2, 2, 2, 0]),
                         (datetime(2026, 1, 12, 9), [2, 1, 1, None, 1, 1, 0, 1, 1])):
        session = add_session(vault, course.id, when, attendance="attended", closed=True)
        score_and_record(vault, course.id, phq9, dict(zip(phq9.item_ids, values, strict=True)), session_id=session.id)
    return load_course(vault, course.id)


def chart_in_pdf(tmp_path: Path, path: Path) -> QImage:
    """The first chart as embedded in the PDF (pdfimages), not as the code meant to draw it."""
    subprocess.run(["pdfimages", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "img")], check=True)
    images = [QImage(str(p)) for p in sorted(tmp_path.glob("img-*.png"))]
    charts = [image for image in images if image.width() > 2 * image.height()]
    assert len(charts) == 1
    return charts[0]


@needs_poppler
@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils (pdfimages) is not installed")
@pytest.mark.parametrize(("language", "key", "point"), [
    ("fi", "Kaavion avoin ympyrä ja tähti (*) merkitsevät suhteutettuja pisteitä",
     "* PHQ-9, {date}: suhteutettu, kysymys 4 vastaamatta"),
    ("sv", "En ofylld cirkel och en asterisk (*) i diagrammet anger uppräknad poäng",
     "* PHQ-9, {date}: uppräknad, fråga 4 obesvarad"),
])
def test_the_pdf_chart_marks_a_prorated_point_hollow_and_says_so_under_the_chart(
        tmp_path, prorated_course, content_library, language, key, point):
    path = write_pdf(tmp_path, prorated_course, content_library, language=language)
    text = pdf_text(path)
    when = utc_to_local(max(a.administered_at for a in prorated_course.administrations)).date()
    assert key in text and text.count(key) == 1
    assert point.format(date=format_date(when)) in text
    # The embedded chart: the complete score's point is a filled dot, the prorated one is hollow (white inside,
    # ink around it), which stays apart in black-and-white print.
    image = chart_in_pdf(tmp_path, path)
    series = progress_series(prorated_course, content_library, language)[0]
    assert [value for _, value in series.points] == [16.0, 9.0]
    full, prorated = point_centres(QRectF(0, 0, image.width(), image.height()), series)
    assert QColor(image.pixel(full.toPoint())).lightness() < 80
    assert QColor(image.pixel(prorated.toPoint())).lightness() > 220
    ring = image.height() / 22 * 0.65  # the hollow point's radius
    assert QColor(image.pixel(round(prorated.x() + ring), round(prorated.y()))).lightness() < 120


@needs_poppler
def test_without_a_prorated_score_the_chart_has_no_key(tmp_path, course, content_library):
    text = pdf_text(write_pdf(tmp_path, course, content_library))
    assert "Kaavion avoin ympyrä" not in text and "suhteutettu" not in text
