"""Schemas of the clinical content: instruments (questionnaires), protocols (method session plans), and wording
that a content pack supplies for a licensed instrument.

Every definition is data validated here; nothing else in the app knows an instrument by name. The rules:
- unknown fields are refused (a typo must not silently drop a setting);
- every user-visible text is a `LocalizedText` with fi, sv and en; only the wording of a licence-restricted
  instrument (item texts, option labels, instructions) may be absent until a pack supplies it;
- cross-references (an item's scale, a subscale's items, a band's range) are checked when the model is built, and a
  failure names the field in the message.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")
Respondent = Literal["client", "parent", "clinician"]
RESPONDENTS: tuple[Respondent, ...] = ("client", "parent", "clinician")

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
ItemId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=32)]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
LoincCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,7}-[0-9]$")]

_VERSION_PATTERN = r"^[0-9]{1,6}(\.[0-9]{1,6}){0,3}$"


def _coerce_version(value: object) -> object:
    """YAML reads `version: 2` as an int (fine) and `version: 1.10` as the float 1.1 (lossy, so refused)."""
    if isinstance(value, bool):
        raise PydanticCustomError("version", "a version is a number such as 1 or a dotted text such as '1.2'")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise PydanticCustomError("version", "write a dotted version in quotes, e.g. version: '1.2'")
    return value


Version = Annotated[str, BeforeValidator(_coerce_version), StringConstraints(pattern=_VERSION_PATTERN)]


def version_key(version: str) -> tuple[int, ...]:
    """A sortable key for a dotted version; trailing zeros do not count, so '1', '1.0' and '1.0.0' are equal."""
    parts = [int(part) for part in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def content_problem(field: str, problem: str) -> PydanticCustomError:
    """A validation error that carries the offending field, so the loader can name it."""
    return PydanticCustomError("content_rule", "{field}: {problem}", {"field": field, "problem": problem})


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(StrictModel):
    """A user-visible text in the three languages of the product; all three are required."""

    fi: NonEmptyText
    sv: NonEmptyText
    en: NonEmptyText

    def get(self, language: str) -> str:
        """The text in `language`, falling back to English for a language the product does not ship."""
        return getattr(self, language) if language in LANGUAGES else self.en


class AgeRange(StrictModel):
    """Inclusive ages in whole years; None means no limit on that side."""

    min_years: int | None = Field(default=None, ge=0, le=130)
    max_years: int | None = Field(default=None, ge=0, le=130)

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.min_years is not None and self.max_years is not None and self.min_years > self.max_years:
            raise content_problem("max_years", "is smaller than min_years")
        return self


# --------------------------------------------------------------------------------------------------- instruments


class AnswerOption(StrictModel):
    """One answer choice. `value` is what the respondent's choice is stored as (before any reverse scoring)."""

    value: int = Field(ge=0, le=100)
    label: LocalizedText | None = None


class Item(StrictModel):
    """A question. Exactly one of `scale` (a shared option set) and `options` (its own) gives the answers."""

    id: ItemId
    text: LocalizedText | None = None
    respondent_text: dict[Respondent, LocalizedText] = Field(default_factory=dict)
    scale: Identifier | None = None
    options: tuple[AnswerOption, ...] | None = None
    reverse: bool = False

    @model_validator(mode="after")
    def _one_answer_source(self) -> Item:
        if (self.scale is None) == (self.options is None):
            raise content_problem(f"items.{self.id}", "give exactly one of 'scale' and 'options'")
        if self.options is not None:
            _check_options(f"items.{self.id}.options", self.options)
        return self


def _check_options(field: str, options: tuple[AnswerOption, ...]) -> None:
    if len(options) < 2:
        raise content_problem(field, "needs at least two answer options")
    values = [option.value for option in options]
    if len(set(values)) != len(values):
        raise content_problem(field, "answer values must be unique")


class MissingRule(StrictModel):
    """What to do with unanswered items: prorate when at most `prorate_max_missing` are missing, else refuse.

    Prorating scales the sum of the answered items up to the full item count. The band comes from that exact value
    and the total keeps one decimal (5.6). `round_prorated` is no longer used: definitions published with it still
    load, but a prorated total is never rounded to a whole number, because 5.6 rounded to 6 would be shown in a
    band the exact score is not in.
    """

    prorate_max_missing: int = Field(default=0, ge=0)
    round_prorated: bool = True


class TotalRule(StrictModel):
    """The total is the sum of `items` (all items when omitted) or the sum of the listed subscales."""

    items: tuple[ItemId, ...] | None = None
    from_subscales: tuple[Identifier, ...] | None = None
    missing: MissingRule | None = None

    @model_validator(mode="after")
    def _one_source(self) -> TotalRule:
        if self.from_subscales is not None and (self.items is not None or self.missing is not None):
            raise content_problem(
                "scoring.total", "a total from subscales uses the subscales' missing rules; drop 'items'/'missing'"
            )
        return self


class Subscale(StrictModel):
    id: Identifier
    name: LocalizedText
    items: tuple[ItemId, ...] = Field(min_length=1)
    missing: MissingRule = MissingRule()


class Band(StrictModel):
    """A severity band: applies from `min` (inclusive) up to the next band's `min`. `severity` ranks 0..n."""

    id: Identifier
    min: float
    label: LocalizedText
    severity: int = Field(ge=0)


Sex = Literal["female", "male"]
SEXES: tuple[Sex, ...] = ("female", "male")


class ReferenceGroup(StrictModel):
    """Whom a band set's cut-offs are for: an age range and, where the source's limits differ, a sex for reference
    values (recorded by the clinician; never derived from anything)."""

    sex: Sex | None = None
    age: AgeRange = AgeRange()

    def matches_age(self, age: int) -> bool:
        low, high = self.age.min_years, self.age.max_years
        return (low is None or age >= low) and (high is None or age <= high)


class BandSet(StrictModel):
    """One set of bands for the total. Several sets serve different respondents, clinician-chosen cut-offs, or
    reference groups (`applies_to`: chosen from the client's age and recorded sex for reference values)."""

    id: Identifier
    label: LocalizedText | None = None
    respondents: tuple[Respondent, ...] | None = None
    applies_to: ReferenceGroup | None = None
    bands: tuple[Band, ...] = Field(min_length=1)
    notes: str | None = None


class UnansweredAlert(StrictModel):
    """The alert raised when the alert's item is left blank: a skipped risk question is itself a risk finding."""

    kind: Identifier
    text: LocalizedText


class AlertRule(StrictModel):
    """Raise an alert when the answer to `item` (as chosen, before reverse scoring) is at least `min_value`, and,
    with `unanswered`, an alert of its own kind when the item is left blank."""

    item: ItemId
    min_value: int = Field(ge=0)
    kind: Identifier = "risk"
    text: LocalizedText
    unanswered: UnansweredAlert | None = None


class Scoring(StrictModel):
    total: TotalRule = TotalRule()
    subscales: tuple[Subscale, ...] = ()
    band_sets: tuple[BandSet, ...] = ()
    default_band_set: Identifier | None = None
    alerts: tuple[AlertRule, ...] = ()
    # Smallest change of the total that counts as reliable (a magnitude); None when no source gives one.
    reliable_change: float | None = Field(default=None, gt=0)
    higher_is_worse: bool = True


class Licence(StrictModel):
    """Who owns the instrument and what the product may do with it.

    `restricted` means the product does not ship the wording: item texts, option labels and instructions stay
    empty until an organisation that holds a licence supplies them in a signed content pack.
    """

    kind: Literal["public_domain", "free", "cc_by_nd", "proprietary"]
    holder: str | None = None
    restricted: bool
    note: LocalizedText
    notes: str | None = None


class Wording(StrictModel):
    """Whose words the items are in. `askel`: the project's own wording, written for the product, which is not the
    validated translation. `pack`: wording a content pack supplied, with the source it names (e.g. the validated
    translation and its publisher); a pack that names none leaves `source` empty."""

    origin: Literal["askel", "pack"] = "askel"
    source: LocalizedText | None = None


class Codes(StrictModel):
    loinc_panel: LoincCode | None = None
    loinc_total: LoincCode | None = None


class Instrument(StrictModel):
    id: Identifier
    version: Version
    name: LocalizedText
    short_name: LocalizedText
    description: LocalizedText
    respondents: tuple[Respondent, ...] = Field(min_length=1)
    age: AgeRange | None = None
    licence: Licence
    instructions: LocalizedText | None = None
    respondent_instructions: dict[Respondent, LocalizedText] = Field(default_factory=dict)
    scales: dict[Identifier, tuple[AnswerOption, ...]] = Field(default_factory=dict)
    items: tuple[Item, ...] = Field(min_length=1)
    scoring: Scoring
    codes: Codes = Codes()
    wording: Wording = Wording()
    notes: str | None = None

    # ------------------------------------------------------------------------------------------- derived facts

    @cached_property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @cached_property
    def _items_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> Item:
        return self._items_by_id[item_id]

    def options_for(self, item_id: str) -> tuple[AnswerOption, ...]:
        item = self._items_by_id[item_id]
        return item.options if item.options is not None else self.scales[item.scale or ""]

    def value_range(self, item_id: str) -> tuple[int, int]:
        values = [option.value for option in self.options_for(item_id)]
        return min(values), max(values)

    def subscale(self, subscale_id: str) -> Subscale:
        return next(sub for sub in self.scoring.subscales if sub.id == subscale_id)

    def items_range(self, item_ids: tuple[str, ...]) -> tuple[int, int]:
        ranges = [self.value_range(item_id) for item_id in item_ids]
        return sum(low for low, _ in ranges), sum(high for _, high in ranges)

    def total_items(self) -> tuple[str, ...]:
        total = self.scoring.total
        if total.from_subscales is not None:
            return tuple(item for sub_id in total.from_subscales for item in self.subscale(sub_id).items)
        return total.items if total.items is not None else self.item_ids

    def total_range(self) -> tuple[int, int]:
        return self.items_range(self.total_items())

    def text_for(self, item_id: str, respondent: str = "client") -> LocalizedText | None:
        item = self._items_by_id[item_id]
        return item.respondent_text.get(respondent, item.text)  # type: ignore[call-overload]

    @property
    def has_wording(self) -> bool:
        """True when every item and every answer option has text (always so for unrestricted instruments)."""
        return all(item.text is not None for item in self.items) and all(
            option.label is not None for item in self.items for option in self.options_for(item.id)
        )

    def band_sets_for(self, respondent: str) -> tuple[BandSet, ...]:
        return tuple(
            band_set
            for band_set in self.scoring.band_sets
            if band_set.respondents is None or respondent in band_set.respondents
        )

    def suits_age(self, age: int) -> bool:
        """Whether the instrument may be given at `age` (its definition's age range; no range means any age)."""
        return self.age is None or ReferenceGroup(age=self.age).matches_age(age)

    @property
    def uses_reference_groups(self) -> bool:
        """True when the cut-off depends on the client's age or sex for reference values (AUDIT-C in Finland)."""
        return any(band_set.applies_to is not None for band_set in self.scoring.band_sets)

    # ------------------------------------------------------------------------------------------- validation

    @model_validator(mode="after")
    def _consistent(self) -> Instrument:
        self._check_items()
        self._check_wording()
        self._check_scoring()
        return self

    def _check_items(self) -> None:
        for scale_id, options in self.scales.items():
            _check_options(f"scales.{scale_id}", options)
        seen: set[str] = set()
        for item in self.items:
            if item.id in seen:
                raise content_problem(f"items.{item.id}", "duplicate item id")
            seen.add(item.id)
            if item.scale is not None and item.scale not in self.scales:
                raise content_problem(f"items.{item.id}.scale", f"unknown scale '{item.scale}'")
            for respondent in item.respondent_text:
                if respondent not in self.respondents:
                    raise content_problem(f"items.{item.id}.respondent_text", f"'{respondent}' is not a respondent")

    def _check_wording(self) -> None:
        if self.licence.restricted:
            return
        if self.instructions is None:
            raise content_problem("instructions", "required unless the licence is restricted")
        for item in self.items:
            if item.text is None:
                raise content_problem(f"items.{item.id}.text", "required unless the licence is restricted")
            for option in self.options_for(item.id):
                if option.label is None:
                    raise content_problem(
                        f"items.{item.id}", f"answer {option.value} needs a label unless the licence is restricted"
                    )

    def _check_item_list(self, field: str, item_ids: tuple[str, ...]) -> None:
        for item_id in item_ids:
            if item_id not in self._items_by_id:
                raise content_problem(field, f"unknown item '{item_id}'")
        if len(set(item_ids)) != len(item_ids):
            raise content_problem(field, "an item is listed twice")

    def _check_scoring(self) -> None:
        scoring = self.scoring
        subscale_ids = [sub.id for sub in scoring.subscales]
        if len(set(subscale_ids)) != len(subscale_ids):
            raise content_problem("scoring.subscales", "duplicate subscale id")
        for sub in scoring.subscales:
            self._check_item_list(f"scoring.subscales.{sub.id}.items", sub.items)
            _check_missing_rule(f"scoring.subscales.{sub.id}.missing", sub.missing, len(sub.items))
        total = scoring.total
        if total.from_subscales is not None:
            for sub_id in total.from_subscales:
                if sub_id not in subscale_ids:
                    raise content_problem("scoring.total.from_subscales", f"unknown subscale '{sub_id}'")
        else:
            if total.items is not None:
                self._check_item_list("scoring.total.items", total.items)
            _check_missing_rule("scoring.total.missing", total.missing or MissingRule(), len(self.total_items()))
        self._check_band_sets()
        for index, alert in enumerate(scoring.alerts):
            if alert.item not in self._items_by_id:
                raise content_problem(f"scoring.alerts[{index}].item", f"unknown item '{alert.item}'")
            if alert.min_value > self.value_range(alert.item)[1]:
                raise content_problem(f"scoring.alerts[{index}].min_value", "is above the item's highest answer")

    def _check_band_sets(self) -> None:
        scoring = self.scoring
        low, high = self.total_range()
        set_ids = [band_set.id for band_set in scoring.band_sets]
        if len(set(set_ids)) != len(set_ids):
            raise content_problem("scoring.band_sets", "duplicate band set id")
        if scoring.default_band_set is not None and scoring.default_band_set not in set_ids:
            raise content_problem("scoring.default_band_set", f"unknown band set '{scoring.default_band_set}'")
        for band_set in scoring.band_sets:
            field = f"scoring.band_sets.{band_set.id}"
            for respondent in band_set.respondents or ():
                if respondent not in self.respondents:
                    raise content_problem(f"{field}.respondents", f"'{respondent}' is not a respondent")
            bands = band_set.bands
            if bands[0].min != low:
                raise content_problem(f"{field}.bands", f"the first band must start at the lowest total {low}")
            for index, band in enumerate(bands):
                if band.severity != index:
                    raise content_problem(f"{field}.bands.{band.id}.severity", f"expected {index} (rank order)")
                if band.min > high:
                    raise content_problem(f"{field}.bands.{band.id}.min", f"is above the highest total {high}")
                if index and band.min <= bands[index - 1].min:
                    raise content_problem(f"{field}.bands.{band.id}.min", "bands must rise strictly")
            if len({band.id for band in bands}) != len(bands):
                raise content_problem(f"{field}.bands", "duplicate band id")
        for respondent in self.respondents:
            candidates = self.band_sets_for(respondent)
            if len(candidates) > 1 and any(band_set.label is None for band_set in candidates):
                raise content_problem("scoring.band_sets", "sets a clinician can choose between need a label")


def _check_missing_rule(field: str, rule: MissingRule, item_count: int) -> None:
    if rule.prorate_max_missing >= item_count:
        raise content_problem(f"{field}.prorate_max_missing", "must leave at least one answered item")


# --------------------------------------------------------------------------------------------------- wording packs


class ItemTexts(StrictModel):
    text: LocalizedText | None = None
    respondent_text: dict[Respondent, LocalizedText] = Field(default_factory=dict)
    options: dict[int, LocalizedText] = Field(default_factory=dict)


class InstrumentTexts(StrictModel):
    """Wording for one version of an instrument, supplied by an organisation that holds the licence, or a validated
    translation of a free one. `source` names where the wording comes from (shown wherever a score is shown)."""

    instrument: Identifier
    version: Version
    source: LocalizedText | None = None
    instructions: LocalizedText | None = None
    respondent_instructions: dict[Respondent, LocalizedText] = Field(default_factory=dict)
    scales: dict[Identifier, dict[int, LocalizedText]] = Field(default_factory=dict)
    items: dict[ItemId, ItemTexts] = Field(default_factory=dict)
    notes: str | None = None


def apply_texts(instrument: Instrument, texts: InstrumentTexts) -> Instrument:
    """A copy of `instrument` carrying the pack's wording. Raises ValueError naming any unknown target."""
    data = instrument.model_dump(mode="python")
    if texts.instructions is not None:
        data["instructions"] = texts.instructions.model_dump()
    for respondent, text in texts.respondent_instructions.items():
        data["respondent_instructions"][respondent] = text.model_dump()
    for scale_id, labels in texts.scales.items():
        if scale_id not in data["scales"]:
            raise ValueError(f"scales.{scale_id}: the instrument has no such scale")
        _label_options(f"scales.{scale_id}", data["scales"][scale_id], labels)
    data["wording"] = {"origin": "pack", "source": texts.source.model_dump() if texts.source else None}
    items_by_id = {item["id"]: item for item in data["items"]}
    for item_id, item_texts in texts.items.items():
        if item_id not in items_by_id:
            raise ValueError(f"items.{item_id}: the instrument has no such item")
        item = items_by_id[item_id]
        if item_texts.text is not None:
            item["text"] = item_texts.text.model_dump()
        for respondent, text in item_texts.respondent_text.items():
            item["respondent_text"][respondent] = text.model_dump()
        if item_texts.options:
            if item["options"] is None:
                raise ValueError(f"items.{item_id}.options: this item uses scale '{item['scale']}'; label the scale")
            _label_options(f"items.{item_id}.options", item["options"], item_texts.options)
    return Instrument.model_validate(data)


def _label_options(field: str, options: list[dict], labels: dict[int, LocalizedText]) -> None:
    by_value = {option["value"]: option for option in options}
    for value, label in labels.items():
        if value not in by_value:
            raise ValueError(f"{field}.{value}: the instrument has no answer with this value")
        by_value[value]["label"] = label.model_dump()


# --------------------------------------------------------------------------------------------------- protocols

Participant = Literal["client", "parent"]
DeliveryFormat = Literal["individual", "group", "parent_led"]
# How a group of the method meets (askel.core.groups): the clients themselves (a children's, young people's or
# adults' group), their parents, or the children and their parents together.
GroupFormat = Literal["client_group", "parent_group", "family_group"]


class SessionCount(StrictModel):
    planned: int = Field(ge=1, le=100)
    min: int = Field(ge=1, le=100)
    max: int = Field(ge=1, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> SessionCount:
        if not self.min <= self.planned <= self.max:
            raise content_problem("session_count", "needs min <= planned <= max")
        return self


class ProcedureCode(StrictModel):
    """A THL procedure classification code; `code: null` with notes when the right code is not known."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,4}[0-9]{1,3}$")] | None
    format: Literal["any", "individual", "group"] = "any"
    notes: str | None = None


class ExternalLink(StrictModel):
    """A link to a public program (e.g. on Mielenterveystalo.fi) shown instead of copying its content."""

    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None
    title: LocalizedText | None = None
    notes: str | None = None


class Phase(StrictModel):
    id: Identifier
    name: LocalizedText


class FocusArea(StrictModel):
    id: Identifier
    name: LocalizedText
    description: LocalizedText


class SessionTemplate(StrictModel):
    """The plan for a session: a fixed number, the last session, or the repeating middle session."""

    id: Identifier
    position: int | Literal["repeat", "last"]
    phase: Identifier
    participants: tuple[Participant, ...] = ("client",)
    purpose: LocalizedText
    agenda: tuple[LocalizedText, ...] = Field(min_length=1)
    homework_slots: int = Field(default=0, ge=0, le=10)
    # The licensed manual's detail for the session, shown with the agenda. Shipped plans leave it out (the manuals
    # are proprietary); an organisation that holds the licence supplies it in a new version from a content pack.
    guidance: LocalizedText | None = None


def template_for(templates: tuple[SessionTemplate, ...], number: int, total: int) -> SessionTemplate | None:
    """The template for session `number` of `total`: its own position, else the last, else the repeating one."""
    by_position = {template.position: template for template in templates}
    if number in by_position:
        return by_position[number]
    if number == total and "last" in by_position:
        return by_position["last"]
    return by_position.get("repeat")


def _check_templates(field: str, templates: tuple[SessionTemplate, ...], count: SessionCount,
                     phase_ids: set[str]) -> None:
    positions = [template.position for template in templates]
    if len(set(positions)) != len(positions):
        raise content_problem(field, "two templates share a position")
    for template in templates:
        if template.phase not in phase_ids:
            raise content_problem(f"{field}.{template.id}.phase", f"unknown phase '{template.phase}'")
        if isinstance(template.position, int) and not 1 <= template.position <= count.max:
            raise content_problem(f"{field}.{template.id}.position", "outside the session count")
    for total in {count.min, count.planned, count.max}:
        for number in range(1, total + 1):
            if template_for(templates, number, total) is None:
                raise content_problem(field, f"no template covers session {number} of {total}; add a 'repeat' "
                                             "template")


class ExtraMeeting(StrictModel):
    """Meetings outside the numbered treatment sessions, e.g. parent meetings of a child format."""

    id: Identifier
    count: int = Field(ge=1, le=50)
    participants: tuple[Participant, ...] = Field(min_length=1)
    purpose: LocalizedText
    agenda: tuple[LocalizedText, ...] = Field(min_length=1)
    notes: str | None = None


class GroupPlan(StrictModel):
    """How the method runs as a group: the formats it may meet in, its group sessions (templates as for a course,
    written for a group) and the parents' meetings held beside a group of the clients themselves."""

    formats: tuple[GroupFormat, ...] = Field(min_length=1)
    session_count: SessionCount
    sessions: tuple[SessionTemplate, ...] = Field(min_length=1)
    parent_meetings: ExtraMeeting | None = None
    notes: str | None = None

    def session_template(self, number: int, planned_total: int | None = None) -> SessionTemplate | None:
        """The plan for group session `number` of a group planned to meet `planned_total` times."""
        return template_for(self.sessions, number, planned_total or self.session_count.planned)


class QuestionnaireSchedule(StrictModel):
    """Default questionnaires (instrument ids); the clinician may add or skip any."""

    at_start: tuple[Identifier, ...] = ()
    every_session: tuple[Identifier, ...] = ()
    at_end: tuple[Identifier, ...] = ()

    def all_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.at_start + self.every_session + self.at_end))


class Protocol(StrictModel):
    id: Identifier
    version: Version
    method: Identifier
    name: LocalizedText
    short_name: LocalizedText
    description: LocalizedText
    audience: Literal["adults", "adolescents", "children", "small_children"]
    age: AgeRange
    formats: tuple[DeliveryFormat, ...] = Field(min_length=1)
    session_count: SessionCount
    session_minutes: int = Field(default=45, ge=10, le=240)  # a visit's planned length (the session clock)
    procedure_codes: tuple[ProcedureCode, ...] = ()
    mielenterveystalo: ExternalLink = ExternalLink()
    phases: tuple[Phase, ...] = Field(min_length=1)
    focus_areas: tuple[FocusArea, ...] = ()
    sessions: tuple[SessionTemplate, ...] = Field(min_length=1)
    extra_meetings: tuple[ExtraMeeting, ...] = ()
    group: GroupPlan | None = None  # present when the method can be run as a group (askel.core.groups)
    questionnaires: QuestionnaireSchedule = QuestionnaireSchedule()
    notes: str | None = None

    def session_template(self, number: int, planned_total: int | None = None) -> SessionTemplate | None:
        """The plan for session `number` of a course planned to have `planned_total` sessions."""
        return template_for(self.sessions, number, planned_total or self.session_count.planned)

    def questionnaires_for(self, number: int, planned_total: int | None = None) -> tuple[str, ...]:
        """Default instrument ids for session `number`: start set at 1, end set at the last, plus every-session."""
        total = planned_total or self.session_count.planned
        schedule = self.questionnaires
        chosen = schedule.every_session
        if number == 1:
            chosen = schedule.at_start + chosen
        if number == total:
            chosen = chosen + schedule.at_end
        return tuple(dict.fromkeys(chosen))

    @model_validator(mode="after")
    def _consistent(self) -> Protocol:
        phase_ids = {phase.id for phase in self.phases}
        if len(phase_ids) != len(self.phases):
            raise content_problem("phases", "duplicate phase id")
        if len({area.id for area in self.focus_areas}) != len(self.focus_areas):
            raise content_problem("focus_areas", "duplicate focus area id")
        ids = [template.id for template in self.sessions] + [meeting.id for meeting in self.extra_meetings]
        if len(set(ids)) != len(ids):
            raise content_problem("sessions", "duplicate session or meeting id")
        _check_templates("sessions", self.sessions, self.session_count, phase_ids)
        if self.group is not None:
            if "group" not in self.formats:
                raise content_problem("group", "a group plan needs 'group' in formats")
            group_ids = [template.id for template in self.group.sessions]
            if len(set(group_ids)) != len(group_ids):
                raise content_problem("group.sessions", "duplicate session id")
            _check_templates("group.sessions", self.group.sessions, self.group.session_count, phase_ids)
        return self
