"""Outcome of a course from its first and last scores: caseness, reliable change, recovery.

The rules follow NHS Talking Therapies (the best-documented standard) by default. Every threshold is an organisation
setting, so a preset is plain data: `PRESETS["nhs"].with_overrides({"phq9.case_threshold": 12})` changes one field.

Per measure (instrument id) a preset gives a case threshold (a case when the score is >= it) and a reliable-change
magnitude (a drop or rise of at least it is reliable). Higher scores are worse for every measure used here.

Words: a preset names its source wherever it is shown (`source`), and says "recovery" or "remission" as its source
does (`end_state`). A change is called reliable only when every change threshold of the preset is at least the
measure's reliable-change index (from the instrument definitions); otherwise it is a "meaningful" change
(`change_word`), so the Finnish regional rule's drop of 5 on PHQ-9 (index 6) is never called reliable. The category
names and the plain-language explanations are kept here in fi / sv / en, because the screen (in the clinician's
language) and the exports (in the document's language) must say the same thing.

Decisions where the sources are silent:
- a measure counts when it has both a first and a last score; a measure with a first score but no last one makes
  the outcome "not enough data" (we cannot say the client left the case range), one never given is ignored;
- when a client both recovered and reliably deteriorated on another measure, the category is "deteriorated"
  (the booleans still tell both), because a worsening is the finding a clinician must not miss;
- a non-case at start that deteriorated reliably is "deteriorated", otherwise "not a case at start".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType


class OutcomeCategory(StrEnum):
    RELIABLY_RECOVERED = "reliably_recovered"
    RECOVERED = "recovered"
    RELIABLY_IMPROVED = "reliably_improved"
    NO_RELIABLE_CHANGE = "no_reliable_change"
    DETERIORATED = "deteriorated"
    NOT_CASE_AT_START = "not_case_at_start"
    NOT_ENOUGH_DATA = "not_enough_data"


@dataclass(frozen=True)
class MeasureThresholds:
    case_threshold: float | None = None
    reliable_change: float | None = None


@dataclass(frozen=True)
class OutcomePreset:
    id: str
    measures: Mapping[str, MeasureThresholds]
    min_attended_sessions: int = 2
    notes: str = ""
    source: Mapping[str, str] = field(default_factory=dict)  # fi / sv / en: whose rules these are
    end_state: str = "recovery"  # "recovery" (below the clinical thresholds) or "remission"

    def __post_init__(self) -> None:
        # A preset is shared module data: make its measure table read-only.
        object.__setattr__(self, "measures", MappingProxyType(dict(self.measures)))
        if self.min_attended_sessions < 1:
            raise ValueError("min_attended_sessions must be at least 1")

    def settings(self) -> dict[str, float | int | None]:
        """The preset as flat settings: `phq9.case_threshold`, `phq9.reliable_change`, `min_attended_sessions`."""
        flat: dict[str, float | int | None] = {"min_attended_sessions": self.min_attended_sessions}
        for instrument_id, thresholds in self.measures.items():
            flat[f"{instrument_id}.case_threshold"] = thresholds.case_threshold
            flat[f"{instrument_id}.reliable_change"] = thresholds.reliable_change
        return flat

    def with_overrides(self, overrides: Mapping[str, float | int | None], *, id: str | None = None) -> OutcomePreset:
        """A copy with some settings replaced; a new `<instrument>.<field>` key adds a measure."""
        measures = dict(self.measures)
        min_sessions = self.min_attended_sessions
        for key, value in overrides.items():
            if key == "min_attended_sessions":
                if isinstance(value, bool) or not isinstance(value, int):
                    raise ValueError("min_attended_sessions must be a whole number")
                min_sessions = value
                continue
            instrument_id, _, field_name = key.partition(".")
            if field_name not in ("case_threshold", "reliable_change") or not instrument_id:
                raise ValueError(f"unknown outcome setting '{key}'")
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value < 0):
                raise ValueError(f"outcome setting '{key}' must be a non-negative number or empty")
            current = measures.get(instrument_id, MeasureThresholds())
            measures[instrument_id] = replace(current, **{field_name: value})
        return OutcomePreset(id=id or self.id, measures=measures, min_attended_sessions=min_sessions,
                             notes=self.notes, source=self.source, end_state=self.end_state)


PRESETS: Mapping[str, OutcomePreset] = MappingProxyType(
    {
        "nhs": OutcomePreset(
            id="nhs",
            measures={
                "phq9": MeasureThresholds(case_threshold=10, reliable_change=6),
                "gad7": MeasureThresholds(case_threshold=8, reliable_change=4),
            },
            notes="NHS Talking Therapies: case PHQ-9 >= 10 or GAD-7 >= 8; reliable change PHQ-9 6, GAD-7 4.",
            source=MappingProxyType({
                "fi": "NHS Talking Therapies, Englannin kansallinen psykologisten hoitojen ohjelma",
                "sv": "NHS Talking Therapies, Englands nationella program för psykologisk behandling",
                "en": "NHS Talking Therapies, England's national programme of psychological therapies",
            }),
        ),
        "fi_regional": OutcomePreset(
            id="fi_regional",
            measures={
                "phq9": MeasureThresholds(case_threshold=5, reliable_change=5),
                "bdi21": MeasureThresholds(case_threshold=10, reliable_change=3),
            },
            notes=(
                "Finnish regional practice: remission PHQ-9 < 5, meaningful change a drop of 5 or more (a rise of "
                "5 counts as deterioration by symmetry). The regional IPC rule for BDI-21 (remission < 10, change "
                "3) is included; it only applies when BDI-21 was given. Unverified beyond one regional source, a "
                "university hospital's IPC statistics page (2021), which DOMAIN.md names without the hospital."
            ),
            source=MappingProxyType({
                "fi": "suomalainen alueellinen käytäntö, yliopistosairaalan IPC-tilastosivu (2021)",
                "sv": "finländsk regional praxis, ett universitetssjukhus IPC-statistiksida (2021)",
                "en": "Finnish regional practice, a university hospital's IPC statistics page (2021)",
            }),
            end_state="remission",
        ),
    }
)


@dataclass(frozen=True)
class Outcome:
    category: OutcomeCategory
    case_at_start: bool
    case_at_end: bool
    recovered: bool
    reliably_improved: bool
    reliably_deteriorated: bool
    reliably_recovered: bool
    measures_used: tuple[str, ...] = ()
    changes: Mapping[str, float] = field(default_factory=dict)  # last - first per measure



def classify(
    first_scores: Mapping[str, float | None],
    last_scores: Mapping[str, float | None],
    preset: OutcomePreset | str = "nhs",
) -> Outcome:
    """Classify a course by the first and last total per instrument id under `preset` (object or preset id)."""
    rules = PRESETS[preset] if isinstance(preset, str) else preset
    used: list[str] = []
    for instrument_id in rules.measures:
        first, last = first_scores.get(instrument_id), last_scores.get(instrument_id)
        if first is not None and last is None:
            return _not_enough_data()
        if first is not None and last is not None:
            used.append(instrument_id)
    if not used:
        return _not_enough_data()

    def is_case(scores: Mapping[str, float | None]) -> bool:
        return any(
            rules.measures[m].case_threshold is not None and scores[m] >= rules.measures[m].case_threshold  # type: ignore[operator]
            for m in used
        )

    changes = {m: float(last_scores[m]) - float(first_scores[m]) for m in used}  # type: ignore[arg-type]

    def reliable(m: str, direction: int) -> bool:
        threshold = rules.measures[m].reliable_change
        return threshold is not None and direction * changes[m] >= threshold

    case_at_start, case_at_end = is_case(first_scores), is_case(last_scores)
    deteriorated = any(reliable(m, +1) for m in used)
    improved = any(reliable(m, -1) for m in used) and not deteriorated
    recovered = case_at_start and not case_at_end
    reliably_recovered = recovered and improved

    if deteriorated:
        category = OutcomeCategory.DETERIORATED
    elif not case_at_start:
        category = OutcomeCategory.NOT_CASE_AT_START
    elif reliably_recovered:
        category = OutcomeCategory.RELIABLY_RECOVERED
    elif recovered:
        category = OutcomeCategory.RECOVERED
    elif improved:
        category = OutcomeCategory.RELIABLY_IMPROVED
    else:
        category = OutcomeCategory.NO_RELIABLE_CHANGE
    return Outcome(
        category=category,
        case_at_start=case_at_start,
        case_at_end=case_at_end,
        recovered=recovered,
        reliably_improved=improved,
        reliably_deteriorated=deteriorated,
        reliably_recovered=reliably_recovered,
        measures_used=tuple(used),
        changes=MappingProxyType(changes),
    )


def _not_enough_data() -> Outcome:
    return Outcome(OutcomeCategory.NOT_ENOUGH_DATA, False, False, False, False, False, False)


def is_finished(attended_method_sessions: int, preset: OutcomePreset | str = "nhs") -> bool:
    """A course counts as finished (for outcome categories) after enough attended sessions of its method; a
    quick-logged contact (a phone call, a guardian meeting) is not a session of the method and does not count."""
    rules = _preset(preset)
    return attended_method_sessions >= rules.min_attended_sessions


def _preset(preset: OutcomePreset | str) -> OutcomePreset:
    return PRESETS[preset] if isinstance(preset, str) else preset


# ------------------------------------------------------------------------------------------------------ words

RELIABLE, MEANINGFUL = "reliable", "meaningful"


def change_word(preset: OutcomePreset | str, reliable_indices: Mapping[str, float | None]) -> str:
    """"reliable" when every change threshold of the preset reaches the measure's reliable-change index (from its
    instrument definition), else "meaningful": nothing below a reliable-change index is called reliable."""
    for instrument_id, thresholds in _preset(preset).measures.items():
        if thresholds.reliable_change is None:
            continue
        index = reliable_indices.get(instrument_id)
        if index is None or thresholds.reliable_change < index:
            return MEANINGFUL
    return RELIABLE


WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "fi": {
        "reliably_recovered.recovery.reliable": "toipunut, luotettava kohentuminen",
        "reliably_recovered.recovery.meaningful": "toipunut, merkittävä kohentuminen",
        "reliably_recovered.remission.reliable": "remissio, luotettava kohentuminen",
        "reliably_recovered.remission.meaningful": "remissio, merkittävä kohentuminen",
        "recovered.recovery": "toipunut",
        "recovered.remission": "remissio",
        "reliably_improved.reliable": "luotettavasti kohentunut",
        "reliably_improved.meaningful": "merkittävästi kohentunut",
        "no_reliable_change.reliable": "ei luotettavaa muutosta",
        "no_reliable_change.meaningful": "ei merkittävää muutosta",
        "deteriorated.reliable": "luotettavasti heikentynyt",
        "deteriorated.meaningful": "merkittävästi heikentynyt",
        "not_case_at_start.recovery": "alussa kliinisen raja-arvon alapuolella",
        "not_case_at_start.remission": "alussa jo remissiorajan alapuolella",
        "not_enough_data": "mittauksia ei ole riittävästi",
        "case.recovery": "Kliininen taso: {limits}.",
        "case.remission": "Remissio: {limits}.",
        "limit.at_least": "{name} vähintään {value}",
        "limit.below": "{name} alle {value}",
        "join.any": " tai ",
        "join.all": " ja ",
        "change.reliable": "Luotettava muutos: {limits} pistettä.",
        "change.meaningful": "Merkittävä muutos: {limits} pistettä; raja on pienempi kuin luotettavan muutoksen "
                             "raja, joten muutosta ei kutsuta luotettavaksi.",
        "rules": "Raja-arvot: {source}.",
        "state.case.recovery": "Viimeisimmässä mittauksessa oireet ovat kliinisellä tasolla (kliininen taso: {limits}).",
        "state.below.recovery": "Viimeisimmässä mittauksessa oireet ovat kliinisen raja-arvon alapuolella "
                                "(kliininen taso: {limits}).",
        "state.case.remission": "Viimeisimmässä mittauksessa ei remissiota ({limits}).",
        "state.below.remission": "Viimeisimmässä mittauksessa remissio ({limits}).",
        "state.start_below.recovery": "Alussa oireet jäivät kliinisen raja-arvon alle (kliininen taso: {limits}).",
        "state.start_below.remission": "Alussa oireet olivat jo remissiorajan alapuolella ({limits}).",
        "not_finished": "Muutosluokka annetaan, kun hoitojakso on päättynyt ja menetelmän tapaamisia on ollut "
                        "vähintään {sessions}.",
    },
    "sv": {
        "reliably_recovered.recovery.reliable": "återhämtad, tillförlitlig förbättring",
        "reliably_recovered.recovery.meaningful": "återhämtad, betydande förbättring",
        "reliably_recovered.remission.reliable": "remission, tillförlitlig förbättring",
        "reliably_recovered.remission.meaningful": "remission, betydande förbättring",
        "recovered.recovery": "återhämtad",
        "recovered.remission": "remission",
        "reliably_improved.reliable": "tillförlitligt förbättrad",
        "reliably_improved.meaningful": "betydligt förbättrad",
        "no_reliable_change.reliable": "ingen tillförlitlig förändring",
        "no_reliable_change.meaningful": "ingen betydande förändring",
        "deteriorated.reliable": "tillförlitligt försämrad",
        "deteriorated.meaningful": "betydligt försämrad",
        "not_case_at_start.recovery": "under den kliniska gränsen vid start",
        "not_case_at_start.remission": "redan under remissionsgränsen vid start",
        "not_enough_data": "för få mätningar",
        "case.recovery": "Klinisk nivå: {limits}.",
        "case.remission": "Remission: {limits}.",
        "limit.at_least": "{name} minst {value}",
        "limit.below": "{name} under {value}",
        "join.any": " eller ",
        "join.all": " och ",
        "change.reliable": "Tillförlitlig förändring: {limits} poäng.",
        "change.meaningful": "Betydande förändring: {limits} poäng; gränsen är lägre än gränsen för tillförlitlig "
                             "förändring, så förändringen kallas inte tillförlitlig.",
        "rules": "Gränsvärden: {source}.",
        "state.case.recovery": "Vid den senaste mätningen är symtomen på klinisk nivå (klinisk nivå: {limits}).",
        "state.below.recovery": "Vid den senaste mätningen är symtomen under den kliniska gränsen (klinisk nivå: "
                                "{limits}).",
        "state.case.remission": "Vid den senaste mätningen ingen remission ({limits}).",
        "state.below.remission": "Vid den senaste mätningen remission ({limits}).",
        "state.start_below.recovery": "Vid start var symtomen under den kliniska gränsen (klinisk nivå: {limits}).",
        "state.start_below.remission": "Vid start var symtomen redan under remissionsgränsen ({limits}).",
        "not_finished": "Förändringskategorin anges när vårdperioden har avslutats och minst {sessions} träffar "
                        "med metoden har hållits.",
    },
    "en": {
        "reliably_recovered.recovery.reliable": "recovered, reliable improvement",
        "reliably_recovered.recovery.meaningful": "recovered, meaningful improvement",
        "reliably_recovered.remission.reliable": "remission, reliable improvement",
        "reliably_recovered.remission.meaningful": "remission, meaningful improvement",
        "recovered.recovery": "recovered",
        "recovered.remission": "remission",
        "reliably_improved.reliable": "reliably improved",
        "reliably_improved.meaningful": "meaningfully improved",
        "no_reliable_change.reliable": "no reliable change",
        "no_reliable_change.meaningful": "no meaningful change",
        "deteriorated.reliable": "reliably deteriorated",
        "deteriorated.meaningful": "meaningfully deteriorated",
        "not_case_at_start.recovery": "below the clinical threshold at the start",
        "not_case_at_start.remission": "already below the remission limit at the start",
        "not_enough_data": "not enough measurements",
        "case.recovery": "Clinical level: {limits}.",
        "case.remission": "Remission: {limits}.",
        "limit.at_least": "{name} {value} or more",
        "limit.below": "{name} below {value}",
        "join.any": " or ",
        "join.all": " and ",
        "change.reliable": "Reliable change: {limits} points.",
        "change.meaningful": "Meaningful change: {limits} points; this is below the reliable-change index, so the "
                             "change is not called reliable.",
        "rules": "Thresholds: {source}.",
        "state.case.recovery": "At the latest measurement the symptoms are at a clinical level (clinical level: "
                              "{limits}).",
        "state.below.recovery": "At the latest measurement the symptoms are below the clinical threshold "
                                "(clinical level: {limits}).",
        "state.case.remission": "At the latest measurement: no remission ({limits}).",
        "state.below.remission": "At the latest measurement: remission ({limits}).",
        "state.start_below.recovery": "At the start the symptoms were below the clinical threshold (clinical level: "
                                      "{limits}).",
        "state.start_below.remission": "At the start the symptoms were already below the remission limit "
                                       "({limits}).",
        "not_finished": "The outcome category is given when the course has ended with at least {sessions} "
                        "attended sessions of the method.",
    },
})


def _word(language: str, key: str, **values: object) -> str:
    table = WORDS.get(language, WORDS["en"])
    return table[key].format(**values)


def category_label(category: OutcomeCategory | str, preset: OutcomePreset | str, language: str,
                   reliable_indices: Mapping[str, float | None]) -> str:
    """The category in the preset's own words: recovery or remission, reliable or meaningful change."""
    rules = _preset(preset)
    category = OutcomeCategory(category)
    change = change_word(rules, reliable_indices)
    end = rules.end_state
    key = {
        OutcomeCategory.RELIABLY_RECOVERED: f"reliably_recovered.{end}.{change}",
        OutcomeCategory.RECOVERED: f"recovered.{end}",
        OutcomeCategory.RELIABLY_IMPROVED: f"reliably_improved.{change}",
        OutcomeCategory.NO_RELIABLE_CHANGE: f"no_reliable_change.{change}",
        OutcomeCategory.DETERIORATED: f"deteriorated.{change}",
        OutcomeCategory.NOT_CASE_AT_START: f"not_case_at_start.{end}",
        OutcomeCategory.NOT_ENOUGH_DATA: "not_enough_data",
    }[category]
    return _word(language, key)


def source_text(preset: OutcomePreset | str, language: str) -> str:
    rules = _preset(preset)
    return rules.source.get(language) or rules.source.get("en") or rules.id


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def _limits(rules: OutcomePreset, language: str, names: Mapping[str, str], used: tuple[str, ...] | None) -> str:
    """'PHQ-9 vähintään 10 tai GAD-7 vähintään 8' (a case), or 'PHQ-9 alle 5' (remission: below every limit)."""
    measures = [(m, t.case_threshold) for m, t in rules.measures.items()
                if t.case_threshold is not None and (used is None or m in used)]
    if rules.end_state == "remission":
        parts = [_word(language, "limit.below", name=names.get(m, m), value=_number(v)) for m, v in measures]
        return _word(language, "join.all").join(parts)
    parts = [_word(language, "limit.at_least", name=names.get(m, m), value=_number(v)) for m, v in measures]
    return _word(language, "join.any").join(parts)


def rules_text(preset: OutcomePreset | str, language: str, names: Mapping[str, str],
               reliable_indices: Mapping[str, float | None], used: tuple[str, ...] | None = None) -> str:
    """The preset in plain words: its source, what counts as the clinical level (or remission), what size of
    change counts, and whether that is a reliable change."""
    rules = _preset(preset)
    change = change_word(rules, reliable_indices)
    changes = [f"{names.get(m, m)} {_number(t.reliable_change)}" for m, t in rules.measures.items()
               if t.reliable_change is not None and (used is None or m in used)]
    sentences = [_word(language, "rules", source=source_text(rules, language)),
                 _word(language, f"case.{rules.end_state}", limits=_limits(rules, language, names, used))]
    if changes:
        sentences.append(_word(language, f"change.{change}", limits=", ".join(changes)))
    return " ".join(sentences)


def state_text(first_scores: Mapping[str, float | None], last_scores: Mapping[str, float | None],
               preset: OutcomePreset | str, language: str, names: Mapping[str, str]) -> str:
    """For a course still under way: where the latest measurement is, never a category name ('recovered' after
    one early measurement would mislead). '' when no preset measure has been given."""
    rules = _preset(preset)
    used = tuple(m for m in rules.measures if first_scores.get(m) is not None)
    if not used:
        return ""
    latest = {m: last_scores.get(m) if last_scores.get(m) is not None else first_scores[m] for m in used}
    limits = _limits(rules, language, names, used)
    case = any(rules.measures[m].case_threshold is not None
               and latest[m] >= rules.measures[m].case_threshold for m in used)  # type: ignore[operator]
    if not any(last_scores.get(m) is not None for m in used):
        key = "state.case" if case else "state.start_below"
    else:
        key = "state.case" if case else "state.below"
    return _word(language, f"{key}.{rules.end_state}", limits=limits)


def not_finished_text(preset: OutcomePreset | str, language: str) -> str:
    return _word(language, "not_finished", sessions=_preset(preset).min_attended_sessions)


def measure_words(library, preset: OutcomePreset | str, language: str) -> tuple[dict[str, str], dict[str, float | None]]:
    """Short names (in `language`) and reliable-change indices of the preset's measures, from the newest
    instrument definitions in `library` (a measure the library does not know keeps its id and no index)."""
    names: dict[str, str] = {}
    indices: dict[str, float | None] = {}
    for instrument_id in _preset(preset).measures:
        try:
            instrument = library.instrument(instrument_id)
        except KeyError:
            names[instrument_id], indices[instrument_id] = instrument_id, None
            continue
        names[instrument_id] = instrument.short_name.get(language)
        indices[instrument_id] = instrument.scoring.reliable_change
    return names, indices
