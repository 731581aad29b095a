"""The one scoring engine: every instrument is scored from its definition, with no per-instrument code.

Answers are the values the respondent chose (the `value` of an answer option), keyed by item id; None or an absent
key is a missing answer. The engine reverse-scores, sums subscales and the total, prorates or refuses according to
the definition's missing-item rules, picks the band, and raises alerts from the raw answers.

Prorating is exact: the band is picked from the exact prorated value (a fraction), and the total keeps one decimal
(rounded half up), so 5.56 shows as 5.6 and stays in the band below 6. A risk item left blank raises its own alert
(the definition's `unanswered` kind), because a skipped risk question must be asked about in person.

Band sets may be for reference groups (AUDIT-C's Finnish limits by age and sex for reference values): given the
client's `Reference`, the engine picks the one set that applies; when several could apply (the sex is not
recorded), it picks none and lists each candidate's band in `candidate_bands`, so the screen can say which limits
the score reaches.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from askel.core.content.models import AlertRule, Band, BandSet, Instrument, LocalizedText, MissingRule
from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message


class ScoringInputError(ValueError):
    """Answers that cannot belong to the instrument (unknown item, impossible value, wrong respondent)."""

    def __init__(self, msg: Message):
        self.message = msg
        super().__init__(msg.english())


@dataclass(frozen=True)
class Alert:
    """`value` is the answer that raised it, or None when the item was left blank (`unanswered`)."""

    item_id: str
    kind: str
    text: LocalizedText
    value: int | None

    @property
    def unanswered(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Reference:
    """What the client's reference group is known to be: age in whole years and sex for reference values."""

    age: int | None = None
    sex: str | None = None


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
    # When no single band set applies (sex not recorded): (set, band of the total in it) for each set that could.
    candidate_bands: tuple[tuple[BandSet, Band | None], ...] = field(default=())


@dataclass(frozen=True)
class _Partial:
    value: float | None  # as shown: whole, or one decimal when prorated
    prorated: bool
    missing: int
    count: int
    exact: Fraction | None = None  # what the band is picked from


def score(
    instrument: Instrument,
    answers: Mapping[str, int | None],
    respondent: str = "client",
    *,
    threshold_variant: str | None = None,
    reference: Reference | None = None,
) -> ScoreResult:
    """Score one administration. `threshold_variant` picks a band set the clinician or organisation chose; else
    `reference` picks among reference-group sets; else the respondent's only set, or the definition's default."""
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
            total_value, exact = None, None
            prorated = False
            refused_reason = message(
                "Scoring",
                QT_TRANSLATE_NOOP("Scoring", "Too many unanswered items to score: {subscales}"),
                subscales=", ".join(refused),
            )
        else:
            total_value = float(sum(part.value or 0 for part in parts))
            exact = sum((part.exact or Fraction(0) for part in parts), Fraction(0))
            prorated = any(part.prorated for part in parts)
    else:
        rule = scoring.total.missing or MissingRule()
        part = _sum(instrument.total_items(), scored, rule)
        total_value, prorated, exact = part.value, part.prorated, part.exact
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

    band_set_id, band, candidates = _band(instrument, exact, respondent, threshold_variant, reference)
    missing_items = tuple(item_id for item_id in instrument.item_ids if scored[item_id] is None)
    alerts = [alert for rule in scoring.alerts if (alert := _alert(rule, answers)) is not None]
    return ScoreResult(
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        respondent=respondent,
        total=total_value,
        subscales={sub_id: part.value for sub_id, part in subscale_parts.items()},
        band=band,
        alerts=alerts,
        complete=not missing_items,
        prorated=prorated,
        refused_reason=refused_reason,
        band_set=band_set_id,
        missing_items=missing_items,
        candidate_bands=candidates,
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
        return _Partial(float(raw_sum), False, 0, len(item_ids), Fraction(raw_sum))
    if missing > rule.prorate_max_missing:
        return _Partial(None, False, missing, len(item_ids))
    # Exact arithmetic: the band comes from this value, and rounding half up cannot be tipped by a float error.
    exact = Fraction(raw_sum * len(item_ids), len(answered))
    shown = Fraction(math.floor(exact * 10 + Fraction(1, 2)), 10)
    return _Partial(float(shown), True, missing, len(item_ids), exact)


def _band(
    instrument: Instrument,
    total: Fraction | None,
    respondent: str,
    threshold_variant: str | None,
    reference: Reference | None,
) -> tuple[str | None, Band | None, tuple[tuple[BandSet, Band | None], ...]]:
    candidates = instrument.band_sets_for(respondent)
    chosen: BandSet | None
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
    elif any(band_set.applies_to is not None for band_set in candidates):
        possible = _possible_sets(candidates, reference or Reference())
        if len(possible) != 1:
            # Several limits could apply (sex not recorded) or none does (an age without a limit): no band, but
            # the band of the total under each possible limit, so that the screen can say which ones it reaches.
            return None, None, tuple((band_set, _band_in(band_set, total)) for band_set in possible)
        chosen = possible[0]
    elif len(candidates) == 1:
        chosen = candidates[0]
    else:
        # Several cut-offs and none chosen: show no band rather than guess.
        default = instrument.scoring.default_band_set
        chosen = next((band_set for band_set in candidates if band_set.id == default), None)
    if chosen is None:
        return None, None, ()
    return chosen.id, _band_in(chosen, total), ()


def _possible_sets(candidates: tuple[BandSet, ...], reference: Reference) -> tuple[BandSet, ...]:
    """The reference-group sets that may apply to what is known of the client (unknown age or sex: any)."""
    possible = []
    for band_set in candidates:
        group = band_set.applies_to
        if group is None:
            continue
        if reference.age is not None and not group.matches_age(reference.age):
            continue
        if reference.sex is not None and group.sex is not None and group.sex != reference.sex:
            continue
        possible.append(band_set)
    return tuple(possible)


def _band_in(band_set: BandSet, total: Fraction | None) -> Band | None:
    if total is None:
        return None
    band = None
    for candidate in band_set.bands:
        if total >= Fraction(str(candidate.min)):
            band = candidate
    return band


def _alert(rule: AlertRule, answers: Mapping[str, int | None]) -> Alert | None:
    value = answers.get(rule.item)
    if value is None:
        if rule.unanswered is None:
            return None
        return Alert(item_id=rule.item, kind=rule.unanswered.kind, text=rule.unanswered.text, value=None)
    if value >= rule.min_value:
        return Alert(item_id=rule.item, kind=rule.kind, text=rule.text, value=int(value))
    return None
