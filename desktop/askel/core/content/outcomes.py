"""Outcome of a course from its first and last scores: caseness, reliable change, recovery.

The rules follow NHS Talking Therapies (the best-documented standard) by default. Every threshold is an organisation
setting, so a preset is plain data: `PRESETS["nhs"].with_overrides({"phq9.case_threshold": 12})` changes one field.

Per measure (instrument id) a preset gives a case threshold (a case when the score is >= it) and a reliable-change
magnitude (a drop or rise of at least it is reliable). Higher scores are worse for every measure used here.

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

from askel.core.i18n import QT_TRANSLATE_NOOP


class OutcomeCategory(StrEnum):
    RELIABLY_RECOVERED = "reliably_recovered"
    RECOVERED = "recovered"
    RELIABLY_IMPROVED = "reliably_improved"
    NO_RELIABLE_CHANGE = "no_reliable_change"
    DETERIORATED = "deteriorated"
    NOT_CASE_AT_START = "not_case_at_start"
    NOT_ENOUGH_DATA = "not_enough_data"


CATEGORY_LABELS: Mapping[OutcomeCategory, str] = MappingProxyType(
    {
        OutcomeCategory.RELIABLY_RECOVERED: QT_TRANSLATE_NOOP("Outcome", "Reliably recovered"),
        OutcomeCategory.RECOVERED: QT_TRANSLATE_NOOP("Outcome", "Recovered"),
        OutcomeCategory.RELIABLY_IMPROVED: QT_TRANSLATE_NOOP("Outcome", "Reliably improved"),
        OutcomeCategory.NO_RELIABLE_CHANGE: QT_TRANSLATE_NOOP("Outcome", "No reliable change"),
        OutcomeCategory.DETERIORATED: QT_TRANSLATE_NOOP("Outcome", "Reliably deteriorated"),
        OutcomeCategory.NOT_CASE_AT_START: QT_TRANSLATE_NOOP("Outcome", "Not a case at start"),
        OutcomeCategory.NOT_ENOUGH_DATA: QT_TRANSLATE_NOOP("Outcome", "Not enough data"),
    }
)


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
                             notes=self.notes)


PRESETS: Mapping[str, OutcomePreset] = MappingProxyType(
    {
        "nhs": OutcomePreset(
            id="nhs",
            measures={
                "phq9": MeasureThresholds(case_threshold=10, reliable_change=6),
                "gad7": MeasureThresholds(case_threshold=8, reliable_change=4),
            },
            notes="NHS Talking Therapies: case PHQ-9 >= 10 or GAD-7 >= 8; reliable change PHQ-9 6, GAD-7 4.",
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
                "3) is included; it only applies when BDI-21 was given. Unverified beyond one regional source."
            ),
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

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self.category]


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


def is_finished(attended_treatment_sessions: int, preset: OutcomePreset | str = "nhs") -> bool:
    """A course counts as finished (for outcome statistics) after enough attended treatment sessions."""
    rules = PRESETS[preset] if isinstance(preset, str) else preset
    return attended_treatment_sessions >= rules.min_attended_sessions
