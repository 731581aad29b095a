"""The PDF report of a course or one session, for the record or for the client, in Finnish or Swedish.

Made with Qt's own QPdfWriter: a QTextDocument lays out the text entry (the same sections as the text export) with
one progress chart per questionnaire drawn by `export.chart`. Two versions:
- for the record: the full identity code, a non-disclosure marker when set, every clinician note and alert;
- for the client: the client's own copy, with the identity code masked and without clinician notes or alerts
  (the entry's "client" audience).
Both carry the clinician's name, professional title and, when given, the Terhikki registration number. The text is
the entry of `export.text_entry`, made from the same `export.record_facts` as the text and FHIR exports.

The PDF's metadata carries only the document title and "Askel"; no client data is written outside the page text.
Needs a QGuiApplication (fonts); `ensure_gui_application()` makes one for headless callers.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from askel.core import hetu as hetu_rules
from askel.core.content.library import ContentNotFound
from askel.core.content.statement import phrase as score_phrase
from askel.core.record_headings import Headings
from askel.export.chart import Series, chart_image
from askel.export.formatting import check_language, format_date, utc_to_local
from askel.export.record_facts import Baseline, record_facts
from askel.export.record_safe import own
from askel.export.text_entry import Entry, build_entry, phrase

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
MARGIN_MM = 18

PDF_PHRASES = {
    "fi": {
        "for_record": "Potilaskertomukseen",
        "for_client": "Kopio kertomuksesta asiakkaalle",
        "client": "Asiakas",
        "identity_code": "Henkilötunnus",
        "local_id": "Tunniste",
        "birth_date": "Syntymäaika",
        "non_disclosure": "Turvakielto",
        "clinician": "Työntekijä",
        "terhikki": "Terhikki-rekisterinumero",
        "organisation": "Organisaatio",
        "made": "Laadittu",
        "progress": "Kyselyjen pisteet",
        "use_log_head": "Käyttölokin tarkiste",
        "client_note": "Tämä on sinun kopiosi hoitojakson yhteenvedosta. Kysy työntekijältä, jos jokin jäi "
                       "epäselväksi.",
    },
    "sv": {
        "for_record": "För journalen",
        "for_client": "Kopia av journalen till klienten",
        "client": "Klient",
        "identity_code": "Personbeteckning",
        "local_id": "Identifierare",
        "birth_date": "Födelsedatum",
        "non_disclosure": "Spärrmarkering",
        "clinician": "Behandlare",
        "terhikki": "Registreringsnummer i Terhikki",
        "organisation": "Organisation",
        "made": "Upprättad",
        "progress": "Poäng i formulären",
        "use_log_head": "Användningsloggens kontrollvärde",
        "client_note": "Det här är din kopia av sammanfattningen av vårdperioden. Fråga din behandlare om något "
                       "är oklart.",
    },
}


@dataclass(frozen=True)
class PdfOptions:
    language: str
    client_version: bool = False
    session_number: int | None = None
    organisation_name: str = ""
    clinician: object | None = None  # store.models.Clinician: name, role, title, Terhikki number
    made_on: date | None = None
    outcome_preset: str = "nhs"
    baseline: Baseline | None = None  # what the last record export said (a visit entry carries only what is new)
    headings: Headings | None = None
    use_log_head: str = ""  # SEQ:HASH of the use log when the report was made (askel.store.audit.head)


def ensure_gui_application() -> QGuiApplication:
    """Fonts and painting need a QGuiApplication; a headless caller gets one on the offscreen platform.

    A process that also shows widgets must create its QApplication before the first PDF (the GUI always does):
    widgets cannot be made on a bare QGuiApplication."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app


def progress_series(course, library, language: str) -> list[Series]:
    """One chart series per questionnaire and respondent that has a total (the series of `record_facts`), named as
    the entry names them ("RCADS-25 (vanhemman arvio)")."""
    result = []
    for facts_series in record_facts(course, library).series:
        administrations = [score.administration for score in facts_series.scores]
        last = administrations[-1]
        try:
            instrument = library.instrument(facts_series.instrument_id, last.instrument_version)
        except ContentNotFound:
            instrument = None
        points = tuple((utc_to_local(a.administered_at).date(), float(a.total)) for a in administrations)
        notes = tuple(own(score.statement.prorated_text(language, short=True)) if score.statement else ""
                      for score in facts_series.scores)
        name = own(instrument.short_name.get(language)) if instrument else facts_series.instrument_id
        if facts_series.respondent != "client":
            name += f" ({phrase(language, f'respondent.{facts_series.respondent}')})"
        if instrument is None:
            high = max(value for _, value in points)
            result.append(Series(name, points, 0.0, high or 1.0, notes=notes))
            continue
        low, high = instrument.total_range()
        bands: tuple[tuple[float, str], ...] = ()
        sets = instrument.band_sets_for(last.respondent)
        chosen = next((s for s in sets if s.id == instrument.scoring.default_band_set), sets[0] if sets else None)
        if chosen is not None:
            bands = tuple((band.min, own(band.label.get(language))) for band in chosen.bands[1:])
        result.append(Series(name, points, float(low), float(high), bands, notes))
    return result


def phrase_or_empty(language: str, key: str) -> str:
    try:
        return phrase(language, key)
    except KeyError:
        return ""


def chart_key(series: list[Series], language: str) -> list[str]:
    """Under the charts, only when a point is marked: what the hollow point and * mean, then each marked point
    with the questions not answered (the wording of `core.content.statement`, as on screen)."""
    marked = [f"* {s.title}, {format_date(when)}: {s.notes[index]}"
              for s in series for index, (when, _) in enumerate(s.points) if s.marked(index)]
    return [score_phrase(language, "prorated.chart_key"), *marked] if marked else []


def report_html(entry: Entry, course, options: PdfOptions, charts: list[str], key: Sequence[str] = ()) -> str:
    words = PDF_PHRASES[options.language]
    client = course.client
    parts = ['<html><body style="font-family: \'DejaVu Sans\'; font-size: 10pt;">']
    if options.organisation_name:
        parts.append(f'<p style="color:#4a5563;">{escape(options.organisation_name)}</p>')
    parts.append(f"<h1 style=\"font-size: 16pt;\">{escape(entry.title)}</h1>")
    audience = words["for_client"] if options.client_version else words["for_record"]
    parts.append(f'<p style="color:#4a5563;">{escape(audience)}</p>')

    rows = [(words["client"], f"{client.given_names} {client.family_name}")]
    if client.hetu:
        code = hetu_rules.mask(client.hetu) if options.client_version else client.hetu
        rows.append((words["identity_code"], code))
    else:
        rows.append((words["local_id"], client.local_id))
        rows.append((words["birth_date"], format_date(client.birth_date)))
    if client.non_disclosure and not options.client_version:
        rows.append((words["non_disclosure"], "✔"))
    clinician = options.clinician
    if clinician is not None and clinician.name:
        title = getattr(clinician, "title", "") or phrase_or_empty(options.language, f"role.{clinician.role}")
        rows.append((words["clinician"], f"{clinician.name}, {title}" if title else clinician.name))
        if getattr(clinician, "terhikki", ""):
            rows.append((words["terhikki"], clinician.terhikki))
    rows.append((words["made"], format_date(options.made_on or date.today())))
    parts.append('<table cellspacing="0" cellpadding="3">')
    for label, value in rows:
        parts.append(f'<tr><td style="color:#4a5563; padding-right: 12px;">{escape(label)}</td>'
                     f"<td><b>{escape(value)}</b></td></tr>")
    parts.append("</table>")

    if charts:
        parts.append(f'<h2 style="font-size: 12pt;">{escape(words["progress"])}</h2>')
        for name in charts:
            parts.append(f'<p><img src="{name}" width="600"></p>')
        for index, line in enumerate(key):  # the first line explains the mark, the others name the points
            margin = 0 if index == 0 else 16
            parts.append(f'<p style="color:#4a5563; margin-left: {margin}px; margin-top: {4 if index == 0 else 0}px; '
                         f'margin-bottom: 2px; font-size: 9pt;">{escape(line)}</p>')
    for section in entry.sections:
        parts.append(f'<h2 style="font-size: 12pt;">{escape(section.heading)}</h2>')
        for line in section.lines:
            if line.startswith("- "):
                parts.append(f'<p style="margin-left: 16px;">• {escape(line[2:])}</p>')
            else:
                parts.append(f"<p>{escape(line)}</p>")
    if options.client_version:
        parts.append(f'<p style="color:#4a5563;"><i>{escape(words["client_note"])}</i></p>')
    elif options.use_log_head:  # an anchor of the use log outside the vault (askel audit verify --anchor)
        parts.append(f'<p style="color:#4a5563; font-size: 7pt;">{escape(words["use_log_head"])} '
                     f"{escape(options.use_log_head)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def build_document(course, library, options: PdfOptions) -> QTextDocument:
    """The laid-out report (shared by the PDF and by printing)."""
    check_language(options.language)
    entry = build_entry(course, library, options.language, session_number=options.session_number,
                        audience="client" if options.client_version else "record",
                        outcome_preset=options.outcome_preset,
                        role=options.clinician.role if options.clinician is not None else None,
                        headings=options.headings, baseline=options.baseline)
    document = QTextDocument()
    # The report's own font, whatever text size the program's window uses: the same record, the same pages.
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    names = []
    all_series = progress_series(course, library, options.language)
    for index, series in enumerate(all_series):
        name = f"askel-chart-{index}.png"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), chart_image(series))
        names.append(name)
    document.setHtml(report_html(entry, course, options, names, chart_key(all_series, options.language)))
    return document


def paint_document(document: QTextDocument, device: QPagedPaintDevice) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    document.setPageSize(QSizeF())  # unset: print() paginates to the device and adds page numbers
    document.print_(device)


def build_pdf(course, library, options: PdfOptions) -> bytes:
    """The report as PDF bytes (made in memory: nothing touches the disk until the caller writes it)."""
    ensure_gui_application()
    return pdf_bytes(build_document(course, library, options), document_title(options))


def pdf_bytes(document: QTextDocument, title: str) -> bytes:
    """A laid-out document as A4 PDF bytes, in memory; the metadata carries only `title` and "Askel"."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setCreator("Askel")
    writer.setTitle(title)
    paint_document(document, writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def document_title(options: PdfOptions) -> str:
    words = PDF_PHRASES[options.language]
    return "Askel – " + (words["for_client"] if options.client_version else words["for_record"])
