"""What a score says, computed in one place for every place that shows or exports it.

The result dialog, the course page, the chart, the record text, the PDF and the FHIR document all read a
`ScoreStatement`: the total as shown (one decimal when prorated), the band (picked by the engine from the exact
value), whether the total was prorated and which questions were not answered, the alerts (a skipped risk question has
a kind of its own), the reference-group limits a score reaches when the sex for reference values is not recorded,
and whose wording the questions were in.

A statement is built either from a fresh `ScoreResult` (`from_result`) or from a stored administration
(`from_record`): what was stored is what was shown, so a stored score is never re-scored here.

The sentences are kept here in fi / sv / en, like the content texts: the screen shows them in the clinician's
language and an export in the document's language, and both must say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from askel.core.content.models import Band, BandSet, Instrument, LocalizedText
from askel.core.content.scoring import ScoreResult

OWN_WORDING = "askel"
PACK_WORDING = "pack"

PHRASES: dict[str, dict[str, str]] = {
    "fi": {
        "prorated.one": "Pisteet on suhteutettu koko kyselyyn vastattujen kysymysten perusteella, koska kysymykseen "
                        "{numbers} ei vastattu.",
        "prorated.many": "Pisteet on suhteutettu koko kyselyyn vastattujen kysymysten perusteella, koska "
                         "kysymyksiin {numbers} ei vastattu.",
        "prorated.short.one": "suhteutettu, kysymys {numbers} vastaamatta",
        "prorated.short.many": "suhteutettu, kysymykset {numbers} vastaamatta",
        "prorated.chart_key": "Kaavion avoin ympyrä ja tähti (*) merkitsevät suhteutettuja pisteitä: kaikkiin "
                              "kysymyksiin ei vastattu. Vastaamatta jääneet kysymykset on nimetty alla ja tekstissä.",
        "limits.unknown": "Viitearvojen sukupuolta ei ole kirjattu.",
        "limits.reached": "Pisteet yltävät rajaan: {limits}.",
        "limits.not_reached": "Pisteet jäävät alle rajan: {limits}.",
        "limits.none_for_age": "Tämän ikäiselle ei ole rajaa, joten luokkaa ei anneta.",
        "wording.own": "{names}: kysymykset ovat Askelin omaa sanamuotoa, eivät validoitu käännös.",
        "wording.source": "{names}: kysymysten sanamuoto – {source}.",
        "wording.unnamed": "{names}: sanamuoto organisaation sisältöpaketista (lähdettä ei nimetty).",
    },
    "sv": {
        "prorated.one": "Poängen är uppräknad till hela formuläret utifrån de besvarade frågorna, eftersom fråga "
                        "{numbers} inte besvarades.",
        "prorated.many": "Poängen är uppräknad till hela formuläret utifrån de besvarade frågorna, eftersom frågorna "
                         "{numbers} inte besvarades.",
        "prorated.short.one": "uppräknad, fråga {numbers} obesvarad",
        "prorated.short.many": "uppräknad, frågorna {numbers} obesvarade",
        "prorated.chart_key": "En ofylld cirkel och en asterisk (*) i diagrammet anger uppräknad poäng: inte alla "
                              "frågor besvarades. De obesvarade frågorna anges nedan och i texten.",
        "limits.unknown": "Kön för referensvärden är inte registrerat.",
        "limits.reached": "Poängen når gränsen: {limits}.",
        "limits.not_reached": "Poängen är under gränsen: {limits}.",
        "limits.none_for_age": "Ingen gräns gäller för den här åldern, så ingen kategori anges.",
        "wording.own": "{names}: frågorna är Askels egen formulering, inte den validerade översättningen.",
        "wording.source": "{names}: frågornas formulering – {source}.",
        "wording.unnamed": "{names}: formulering från organisationens innehållspaket (ingen källa angiven).",
    },
    "en": {
        "prorated.one": "The score is prorated to the whole questionnaire from the answered questions, because "
                        "question {numbers} was not answered.",
        "prorated.many": "The score is prorated to the whole questionnaire from the answered questions, because "
                         "questions {numbers} were not answered.",
        "prorated.short.one": "prorated, question {numbers} not answered",
        "prorated.short.many": "prorated, questions {numbers} not answered",
        "prorated.chart_key": "A hollow circle and an asterisk (*) in the chart mark a prorated score: not every "
                              "question was answered. The questions not answered are named below and in the text.",
        "limits.unknown": "Sex for reference values is not recorded.",
        "limits.reached": "The score reaches: {limits}.",
        "limits.not_reached": "The score is below: {limits}.",
        "limits.none_for_age": "No limit applies at this age, so no band is given.",
        "wording.own": "{names}: the questions are Askel's own wording, not the validated translation.",
        "wording.source": "{names}: wording of the questions – {source}.",
        "wording.unnamed": "{names}: wording from the organisation's content pack (no source named).",
    },
}


def phrase(language: str, key: str, **values: object) -> str:
    table = PHRASES.get(language, PHRASES["en"])
    return table[key].format(**values)


def format_total(value: float | None, language: str) -> str:
    """9, or 5,6 with the decimal comma of Finnish and Swedish (5.6 in English); '' for no total."""
    if value is None:
        return ""
    number = float(value)
    if number.is_integer():
        return str(int(number))
    text = f"{number:.1f}"
    return text if language == "en" else text.replace(".", ",")


@dataclass(frozen=True)
class AlertFact:
    """One alert: the question (id and number), its kind, the answer (None when left blank) and its text."""

    item_id: str
    number: int | None
    kind: str
    value: int | None
    text: LocalizedText | None

    @property
    def unanswered(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class LimitFact:
    """A reference group's limit that may apply (the sex is not recorded) and whether the score reaches it."""

    label: LocalizedText
    reached: bool


@dataclass(frozen=True)
class ScoreStatement:
    instrument_id: str
    instrument_version: str
    name: LocalizedText
    total: float | None
    band: Band | None
    band_set_label: LocalizedText | None  # the reference group's limit, when the band depends on one
    prorated: bool
    missing_items: tuple[str, ...]
    missing_numbers: tuple[int, ...]
    alerts: tuple[AlertFact, ...]
    limits: tuple[LimitFact, ...]
    no_limit_for_age: bool
    wording_origin: str | None  # OWN_WORDING, PACK_WORDING, or None when not recorded (scores before 2027)
    wording_source: LocalizedText | None

    # -- words --------------------------------------------------------------------------------------------------
    def total_text(self, language: str) -> str:
        return format_total(self.total, language)

    def band_text(self, language: str) -> str:
        return self.band.label.get(language) if self.band is not None else ""

    def prorated_text(self, language: str, *, short: bool = False) -> str:
        """'' unless prorated; else which questions were not answered (a sentence, or a short phrase)."""
        if not self.prorated:
            return ""
        count = "one" if len(self.missing_numbers) == 1 else "many"
        key = f"prorated.short.{count}" if short else f"prorated.{count}"
        return phrase(language, key, numbers=", ".join(str(n) for n in self.missing_numbers))

    def limit_sentences(self, language: str) -> list[str]:
        """For a score whose limit depends on a reference group that is not known: which limits it reaches."""
        if self.total is None:
            return []
        if self.no_limit_for_age:
            return [phrase(language, "limits.none_for_age")]
        if not self.limits:
            return []
        sentences = [phrase(language, "limits.unknown")]
        reached = [limit.label.get(language) for limit in self.limits if limit.reached]
        below = [limit.label.get(language) for limit in self.limits if not limit.reached]
        if reached:
            sentences.append(phrase(language, "limits.reached", limits="; ".join(reached)))
        if below:
            sentences.append(phrase(language, "limits.not_reached", limits="; ".join(below)))
        return sentences

    def notes(self, language: str) -> list[str]:
        """Everything a reader must know besides total and band: prorating, limits, alerts (in that order)."""
        lines = []
        if self.prorated:
            lines.append(self.prorated_text(language))
        lines.extend(self.limit_sentences(language))
        lines.extend(alert.text.get(language) for alert in self.alerts if alert.text is not None)
        return lines

    @property
    def unanswered_alerts(self) -> tuple[AlertFact, ...]:
        return tuple(alert for alert in self.alerts if alert.unanswered)


# -------------------------------------------------------------------------------------------------- building


def from_result(instrument: Instrument, result: ScoreResult) -> ScoreStatement:
    """The statement of a score just computed, with the wording of the instrument it was given with."""
    alerts = tuple(_alert_fact(instrument, a.item_id, a.kind, a.value, a.text) for a in result.alerts)
    limits = tuple(LimitFact(band_set.label, _reached(band))
                   for band_set, band in result.candidate_bands if band_set.label is not None)
    band_set = _band_set(instrument, result.band_set)
    return ScoreStatement(
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        name=instrument.short_name,
        total=result.total,
        band=result.band,
        band_set_label=band_set.label if band_set is not None and band_set.applies_to is not None else None,
        prorated=result.prorated and result.total is not None,
        missing_items=tuple(result.missing_items),
        missing_numbers=_numbers(instrument, result.missing_items),
        alerts=alerts,
        limits=limits,
        no_limit_for_age=(instrument.uses_reference_groups and result.band_set is None and not result.candidate_bands
                          and result.total is not None),
        wording_origin=wording_origin(instrument),
        wording_source=instrument.wording.source,
    )


def stored_facts(result: ScoreResult, instrument: Instrument) -> dict[str, Any]:
    """What an administration keeps besides answers and total, so that `from_record` says what was shown."""
    return {
        "band": result.band.id if result.band else None,
        "band_set": result.band_set,
        "prorated": bool(result.prorated and result.total is not None),
        "missing_items": list(result.missing_items),
        "alerts": [{"item": a.item_id, "kind": a.kind, "value": a.value} for a in result.alerts],
        "limits": [{"band_set": band_set.id, "band": band.id if band else None}
                   for band_set, band in result.candidate_bands],
        "wording": wording_record(instrument),
    }


def wording_origin(instrument: Instrument) -> str | None:
    """Whose words the questions were in: Askel's own (a free instrument as shipped), a pack's, or None for a
    licensed instrument whose wording did not come through a pack (Askel never ships such wording)."""
    if instrument.wording.origin == OWN_WORDING and instrument.licence.restricted:
        return None
    return instrument.wording.origin


def wording_record(instrument: Instrument) -> dict[str, Any] | None:
    origin = wording_origin(instrument)
    if origin is None:
        return None
    source = instrument.wording.source
    return {"origin": origin, "source": source.model_dump() if source else None}


def from_record(instrument: Instrument, record: Any) -> ScoreStatement:
    """The statement of a stored administration (any object with the administration's fields)."""
    band_set = _band_set(instrument, getattr(record, "band_set", None))
    band = _find_band(instrument, record.band, band_set)
    missing = tuple(getattr(record, "missing_items", None) or ())
    alert_texts = _alert_texts(instrument)
    alerts = tuple(
        _alert_fact(instrument, str(a.get("item", "")), str(a.get("kind", "")), a.get("value"),
                    alert_texts.get((str(a.get("item", "")), str(a.get("kind", "")))))
        for a in (record.alerts or [])
    )
    limits = []
    stored_limits = getattr(record, "limits", None) or []
    for entry in stored_limits:
        limit_set = _band_set(instrument, entry.get("band_set"))
        if limit_set is not None and limit_set.label is not None:
            reached = _reached(_find_band(instrument, entry.get("band"), limit_set))
            limits.append(LimitFact(limit_set.label, reached))
    wording = getattr(record, "wording", None) or {}
    source = wording.get("source")
    return ScoreStatement(
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        name=instrument.short_name,
        total=record.total,
        band=band,
        band_set_label=band_set.label if band_set is not None and band_set.applies_to is not None else None,
        prorated=bool(getattr(record, "prorated", False)) and record.total is not None,
        missing_items=missing,
        missing_numbers=_numbers(instrument, missing),
        alerts=alerts,
        limits=tuple(limits),
        no_limit_for_age=(instrument.uses_reference_groups and band_set is None and not stored_limits
                          and record.total is not None),
        wording_origin=wording.get("origin"),
        wording_source=LocalizedText.model_validate(source) if source else None,
    )


def wording_notes(statements: Iterable[ScoreStatement], language: str) -> list[str]:
    """One sentence per distinct wording, naming the questionnaires: said once per screen or document."""
    groups: dict[tuple, list[str]] = {}
    for statement in statements:
        if statement.wording_origin is None:
            continue
        source = statement.wording_source.get(language) if statement.wording_source else None
        key = (statement.wording_origin, source)
        names = groups.setdefault(key, [])
        name = statement.name.get(language)
        if name not in names:
            names.append(name)
    lines = []
    for (origin, source), names in groups.items():
        joined = ", ".join(names)
        if origin == OWN_WORDING:
            lines.append(phrase(language, "wording.own", names=joined))
        elif source:
            lines.append(phrase(language, "wording.source", names=joined, source=source))
        else:
            lines.append(phrase(language, "wording.unnamed", names=joined))
    return lines


# -------------------------------------------------------------------------------------------------- helpers


def _numbers(instrument: Instrument, item_ids: Sequence[str]) -> tuple[int, ...]:
    return tuple(instrument.item_ids.index(item_id) + 1 for item_id in item_ids if item_id in instrument.item_ids)


def _alert_fact(instrument: Instrument, item_id: str, kind: str, value: int | None,
                text: LocalizedText | None) -> AlertFact:
    number = instrument.item_ids.index(item_id) + 1 if item_id in instrument.item_ids else None
    return AlertFact(item_id=item_id, number=number, kind=kind, value=None if value is None else int(value),
                     text=text)


def _alert_texts(instrument: Instrument) -> Mapping[tuple[str, str], LocalizedText]:
    texts: dict[tuple[str, str], LocalizedText] = {}
    for rule in instrument.scoring.alerts:
        texts[(rule.item, rule.kind)] = rule.text
        if rule.unanswered is not None:
            texts[(rule.item, rule.unanswered.kind)] = rule.unanswered.text
    return texts


def _band_set(instrument: Instrument, band_set_id: str | None) -> BandSet | None:
    if band_set_id is None:
        return None
    return next((band_set for band_set in instrument.scoring.band_sets if band_set.id == band_set_id), None)


def _find_band(instrument: Instrument, band_id: str | None, band_set: BandSet | None) -> Band | None:
    if band_id is None:
        return None
    sets = (band_set,) if band_set is not None else instrument.scoring.band_sets
    return next((band for candidate in sets for band in candidate.bands if band.id == band_id), None)


def _reached(band: Band | None) -> bool:
    return band is not None and band.severity > 0
