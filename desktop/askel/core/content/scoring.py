"""The one scoring engine: every instrument is scored from its definition, with no per-instrument code.

Answers are the values the respondent chose (the `value` of an answer option), keyed by item id; None or an absent
key is a missing answer. The engine reverse-scores, sums subscales and the total, prorates or refuses according to
the definition's missing-item rules, picks the band, and raises alerts from the raw answers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from askel.core.content.models import AlertRule, Band, Instrument, LocalizedText, MissingRule
from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message


class ScoringInputError(ValueError):
    """Answers that cannot belong to the instrument (unknown item, impossible value, wrong respondent)."""

    def __init__(self, msg: Message):
        self.message = msg
        super().__init__(msg.english())


@dataclass(frozen=True)
class Alert:
    item_id: str
    kind: str
    text: LocalizedText
    value: int


@dataclass(frozen=True)
class ScoreResult:
    instrument_id: str
    instrument_version: str
    respondent: str
    total: float | None
    subscales: dict[str, float | None]
    band: Band | None
    alerts: list[Alert]
    complete: bool
    prorated: bool
    refused_reason: Message | None
    band_set: str | None = None
    missing_items: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Partial:
    value: float | None
    prorated: bool
    missing: int
    count: int


def score(
    instrument: Instrument,
    answers: Mapping[str, int | None],
    respondent: str = "client",
    *,
    threshold_variant: str | None = None,
) -> ScoreResult:
    """Score one administration. `threshold_variant` picks a band set the clinician or organisation chose
    (e.g. an AUDIT-C cut-off); without it the respondent's only set, or the definition's default, is used."""
    if respondent not in instrument.respondents:
        raise ScoringInputError(
            message("Scoring", QT_TRANSLATE_NOOP("Scoring", "This questionnaire is not answered by: {respondent}"),
                    respondent=respondent)
        )
    scored = _scored_values(instrument, answers)
    scoring = instrument.scoring

    subscale_parts = {sub.id: _sum(sub.items, scored, sub.missing) for sub in scoring.subscales}
    refused_reason: Message | None = None
    if scoring.total.from_subscales is not None:
        parts = [subscale_parts[sub_id] for sub_id in scoring.total.from_subscales]
        refused = [sub_id for sub_id in scoring.total.from_subscales if subscale_parts[sub_id].value is None]
        if refused:
            total_value = None
            prorated = False
            refused_reason = message(
                "Scoring",
                QT_TRANSLATE_NOOP("Scoring", "Too many unanswered items to score: {subscales}"),
                subscales=", ".join(refused),
            )
        else:
            total_value = float(sum(part.value or 0 for part in parts))
            prorated = any(part.prorated for part in parts)
    else:
        rule = scoring.total.missing or MissingRule()
        part = _sum(instrument.total_items(), scored, rule)
        total_value, prorated = part.value, part.prorated
        if part.value is None:
            refused_reason = message(
                "Scoring",
                QT_TRANSLATE_NOOP(
                    "Scoring", "{missing} of {count} items are unanswered; a score allows at most {allowed} missing."
                ),
                missing=part.missing,
                count=part.count,
                allowed=rule.prorate_max_missing,
            )

    band_set_id, band = _band(instrument, total_value, respondent, threshold_variant)
    missing_items = tuple(item_id for item_id in instrument.item_ids if scored[item_id] is None)
    return ScoreResult(
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        respondent=respondent,
        total=total_value,
        subscales={sub_id: part.value for sub_id, part in subscale_parts.items()},
        band=band,
        alerts=[_alert(rule, answers) for rule in scoring.alerts if _fires(rule, answers)],
        complete=not missing_items,
        prorated=prorated,
        refused_reason=refused_reason,
        band_set=band_set_id,
        missing_items=missing_items,
    )


def _scored_values(instrument: Instrument, answers: Mapping[str, int | None]) -> dict[str, int | None]:
    """Check every answer against its item's options and apply reverse scoring."""
    for item_id in answers:
        if item_id not in instrument.item_ids:
            raise ScoringInputError(
                message("Scoring", QT_TRANSLATE_NOOP("Scoring", "Unknown question: {item}"), item=item_id)
            )
    scored: dict[str, int | None] = {}
    for item_id in instrument.item_ids:
        value = answers.get(item_id)
        if value is None:
            scored[item_id] = None
            continue
        allowed = [option.value for option in instrument.options_for(item_id)]
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            raise ScoringInputError(
                message(
                    "Scoring",
                    QT_TRANSLATE_NOOP("Scoring", "Question {item} cannot have the answer {value}; allowed: {allowed}"),
                    item=item_id,
                    value=value,
                    allowed=", ".join(str(v) for v in allowed),
                )
            )
        low, high = min(allowed), max(allowed)
        scored[item_id] = low + high - value if instrument.item(item_id).reverse else value
    return scored


def _sum(item_ids: tuple[str, ...], scored: Mapping[str, int | None], rule: MissingRule) -> _Partial:
    answered = [scored[item_id] for item_id in item_ids if scored[item_id] is not None]
    missing = len(item_ids) - len(answered)
    raw_sum = sum(value for value in answered if value is not None)
    if missing == 0:
        return _Partial(float(raw_sum), False, 0, len(item_ids))
    if missing > rule.prorate_max_missing:
        return _Partial(None, False, missing, len(item_ids))
    # Exact arithmetic, so that rounding half up cannot be tipped by a float error near a band boundary.
    prorated = Fraction(raw_sum * len(item_ids), len(answered))
    value = math.floor(prorated + Fraction(1, 2)) if rule.round_prorated else prorated
    return _Partial(float(value), True, missing, len(item_ids))


def _band(
    instrument: Instrument, total: float | None, respondent: str, threshold_variant: str | None
) -> tuple[str | None, Band | None]:
    candidates = instrument.band_sets_for(respondent)
    if threshold_variant is not None:
        chosen = next((band_set for band_set in candidates if band_set.id == threshold_variant), None)
        if chosen is None:
            raise ScoringInputError(
                message(
                    "Scoring",
                    QT_TRANSLATE_NOOP("Scoring", "Unknown cut-off choice {variant}; choose one of: {choices}"),
                    variant=threshold_variant,
                    choices=", ".join(band_set.id for band_set in candidates) or "-",
                )
            )
    elif len(candidates) == 1:
        chosen = candidates[0]
    else:
        # Several cut-offs and none chosen: show no band rather than guess (AUDIT-C's limit is the clinician's).
        default = instrument.scoring.default_band_set
        chosen = next((band_set for band_set in candidates if band_set.id == default), None)
    if chosen is None:
        return None, None
    if total is None:
        return chosen.id, None
    band = None
    for candidate in chosen.bands:
        if total >= candidate.min:
            band = candidate
    return chosen.id, band


def _fires(rule: AlertRule, answers: Mapping[str, int | None]) -> bool:
    value = answers.get(rule.item)
    return value is not None and value >= rule.min_value


def _alert(rule: AlertRule, answers: Mapping[str, int | None]) -> Alert:
    return Alert(item_id=rule.item, kind=rule.kind, text=rule.text, value=int(answers[rule.item] or 0))
