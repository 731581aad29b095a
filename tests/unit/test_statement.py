"""What a score says (askel.core.content.statement): one computation read by the screen and every export."""

from __future__ import annotations

from types import SimpleNamespace

from askel.core.content.models import InstrumentTexts, LocalizedText, apply_texts
from askel.core.content.scoring import Reference, score
from askel.core.content.statement import from_record, from_result, stored_facts, wording_notes


def scored(instrument, values, reference=None):
    answers = dict(zip(instrument.item_ids, values, strict=True))
    return score(instrument, answers, reference=reference)


def stored(instrument, result):
    """An administration row as the store keeps it (what `score_and_record` writes)."""
    return SimpleNamespace(total=result.total, **stored_facts(result, instrument))


def test_prorated_core10_says_the_exact_total_band_and_the_question_not_answered(content_library):
    core10 = content_library.instrument("core10")
    result = scored(core10, [1, 4, 4, 1, 0, 0, 1, 1, 1, None])
    for statement in (from_result(core10, result), from_record(core10, stored(core10, result))):
        assert statement.total_text("fi") == "5,6" and statement.total_text("en") == "5.6"
        assert statement.band_text("fi") == "terve" and statement.band_text("sv") == "frisk"
        assert statement.prorated and statement.missing_numbers == (10,)
        assert statement.prorated_text("fi", short=True) == "suhteutettu, kysymys 10 vastaamatta"
        assert "fråga 10 inte besvarades" in statement.prorated_text("sv")
        assert statement.notes("fi")[0] == statement.prorated_text("fi")


def test_a_skipped_risk_item_is_named_in_the_statement(content_library):
    phq9 = content_library.instrument("phq9")
    result = scored(phq9, [1, 1, 1, 1, 1, 1, 1, 1, None])
    statement = from_record(phq9, stored(phq9, result))
    [alert] = statement.alerts
    assert (alert.number, alert.kind, alert.unanswered) == (9, "risk_unanswered", True)
    assert statement.unanswered_alerts == (alert,)
    assert any("Kysymykseen 9" in line and "ei vastattu" in line for line in statement.notes("fi"))


def test_the_wording_is_said_once_per_source(content_library):
    phq9, gad7 = content_library.instrument("phq9"), content_library.instrument("gad7")
    statements = [from_result(phq9, scored(phq9, [0] * 9)), from_result(gad7, scored(gad7, [0] * 7)),
                  from_result(phq9, scored(phq9, [1] * 9))]
    [line] = wording_notes(statements, "fi")
    assert line == "PHQ-9, GAD-7: kysymykset ovat Askelin omaa sanamuotoa, eivät validoitu käännös."
    [line] = wording_notes(statements, "sv")
    assert "Askels egen formulering, inte den validerade översättningen" in line


def test_a_pack_translation_names_its_source_instead(content_library):
    phq9 = content_library.instrument("phq9")
    source = LocalizedText(fi="validoitu suomennos, Esimerkkijulkaisija 2020", sv="validerad översättning, X 2020",
                           en="validated translation, X 2020")
    translated = apply_texts(phq9, InstrumentTexts(instrument="phq9", version=phq9.version, source=source))
    result = scored(translated, [0] * 9)
    for statement in (from_result(translated, result), from_record(translated, stored(translated, result))):
        assert wording_notes([statement], "fi") == [
            "PHQ-9: kysymysten sanamuoto – validoitu suomennos, Esimerkkijulkaisija 2020."]
    unnamed = apply_texts(phq9, InstrumentTexts(instrument="phq9", version=phq9.version))
    [line] = wording_notes([from_result(unnamed, scored(unnamed, [0] * 9))], "fi")
    assert "lähdettä ei nimetty" in line and "Askelin" not in line


def test_scores_without_a_recorded_wording_say_nothing_about_it(content_library):
    phq9 = content_library.instrument("phq9")
    record = SimpleNamespace(total=3.0, band="minimal", alerts=[])  # a row without the 0008 fields
    statement = from_record(phq9, record)
    assert statement.band_text("fi") == "vähäinen" and not statement.prorated
    assert wording_notes([statement], "fi") == []


def test_auditc_with_the_sex_not_recorded_says_which_limits_the_score_reaches(content_library):
    auditc = content_library.instrument("auditc")
    result = scored(auditc, [4, 1, 0], Reference(40, None))
    statement = from_record(auditc, stored(auditc, result))
    assert statement.band is None
    assert statement.limit_sentences("fi") == [
        "Viitearvojen sukupuolta ei ole kirjattu.",
        "Pisteet yltävät rajaan: THL:n raja naisille 20–64 v: 5 pistettä.",
        "Pisteet jäävät alle rajan: THL:n raja miehille 20–64 v: 6 pistettä.",
    ]
    known = from_result(auditc, scored(auditc, [4, 1, 0], Reference(40, "female")))
    assert known.band_text("fi") == "alkoholin liikakäytön raja täyttyy" and known.limit_sentences("fi") == []
    assert known.band_set_label.fi == "THL:n raja naisille 20–64 v: 5 pistettä"
    young = from_result(auditc, scored(auditc, [4, 1, 0], Reference(17, "female")))
    assert young.limit_sentences("sv") == ["Ingen gräns gäller för den här åldern, så ingen kategori anges."]


def test_every_sentence_exists_in_fi_sv_en_with_the_same_placeholders():
    import string

    from askel.core.content.statement import PHRASES

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert set(PHRASES["fi"]) == set(PHRASES["sv"]) == set(PHRASES["en"])
    for key, text in PHRASES["en"].items():
        assert fields(PHRASES["fi"][key]) == fields(PHRASES["sv"][key]) == fields(text), key
