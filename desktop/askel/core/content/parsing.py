"""Reading definition files: a strict YAML dialect and errors that name the file, the field and the problem."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

import yaml
from pydantic import BaseModel, ValidationError

from askel.core.content.models import Instrument, InstrumentTexts, Protocol

DefinitionKind = Literal["instrument", "protocol", "texts"]
MODELS: dict[str, type[BaseModel]] = {"instrument": Instrument, "protocol": Protocol, "texts": InstrumentTexts}


@dataclass(frozen=True)
class ContentError:
    """One readable problem with content: where (file, field) and what. Shown to content authors and IT."""

    source: str
    field: str | None
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.field}: {self.problem}" if self.field else f"{self.source}: {self.problem}"


class ContentParseError(ValueError):
    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


# ------------------------------------------------------------------------------------------------ YAML dialect
# Content YAML is written by people: keep dates as text, read only true/false as booleans (YAML 1.1 would turn an
# answer label `no` or `on` into a boolean), and refuse a key written twice instead of keeping the last silently.

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_BOOL_TAG = "tag:yaml.org,2002:bool"


# libyaml's parser when PyYAML was built with it (several times faster); the resolvers below apply to both.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ContentLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


_ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in (_TIMESTAMP_TAG, _BOOL_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_ContentLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _construct_unique_mapping(loader: _ContentLoader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    seen: set[object] = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):  # `? [a, b]`: a list or mapping cannot be a key
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
            )
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_ContentLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping)


def _construct_int(loader: _ContentLoader, node: yaml.ScalarNode) -> int:
    try:
        return loader.construct_yaml_int(node)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        raise yaml.constructor.ConstructorError(None, None, "the number is too long", node.start_mark) from None


_ContentLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)

# Content never needs anchors, aliases or deep nesting. Refused from the event stream, before anything is built:
# aliases can expand a small file into billions of nodes, and deep nesting overflows the stack (the constructor
# recurses in Python, libyaml's composer in C). The parser itself keeps its own stack, so scanning is safe.
MAX_NESTING = 64


def _check_yaml_events(data: bytes | str) -> None:
    depth = 0
    for event in yaml.parse(data, Loader=_ContentLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (& and *) are not allowed", event.start_mark
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_NESTING} levels deep", event.start_mark
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


# A JSON string (possibly unterminated, so that scanning stays linear) or a bracket; strings hide their brackets.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]+|\\.)*"?|[\[\]{}]', re.DOTALL)


def _json_nesting(text: str) -> int:
    depth = deepest = 0
    for token in _JSON_TOKENS.findall(text):
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def load_yaml(data: bytes | str, source: str) -> object:
    """Parse YAML in the content dialect; a syntax problem raises ContentParseError with the line number."""
    try:
        _check_yaml_events(data)
        return yaml.load(data, Loader=_ContentLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentParseError([ContentError(source, None, f"YAML syntax error, {where}{problem}")]) from exc


def load_document(data: bytes, name: str, source: str) -> object:
    """A YAML (.yaml/.yml) or JSON (.json) document."""
    if name.endswith(".json"):
        try:
            text = data.decode("utf-8")
            # json recurses once per level: a deep document would raise RecursionError.
            if _json_nesting(text) > MAX_NESTING:
                raise ValueError(f"nested more than {MAX_NESTING} levels deep")
            return json.loads(text)
        except ValueError as exc:  # also a number of more digits than Python converts
            raise ContentParseError([ContentError(source, None, f"JSON syntax error: {exc}")]) from exc
    return load_yaml(data, source)


# ------------------------------------------------------------------------------------------------ validation


def validation_errors(exc: ValidationError, source: str) -> list[ContentError]:
    """Pydantic's errors as ContentErrors: `items[3].text.sv: Field required`."""
    errors = []
    for error in exc.errors():
        context = error.get("ctx") or {}
        if error["type"] == "content_rule":
            field, problem = str(context["field"]), str(context["problem"])
        else:
            field = _format_location(error["loc"]) or None
            problem = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                problem = "unknown field (check the spelling)"
        errors.append(ContentError(source, field, problem))
    return errors


def _format_location(location: tuple[int | str, ...]) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse_definition(kind: DefinitionKind, data: bytes, name: str, source: str) -> BaseModel:
    """Parse and validate one definition file; raises ContentParseError listing every problem found."""
    raw = load_document(data, name, source)
    if not isinstance(raw, dict):
        raise ContentParseError([ContentError(source, None, "the file must hold a mapping of fields")])
    try:
        return MODELS[kind].model_validate(raw)
    except ValidationError as exc:
        raise ContentParseError(validation_errors(exc, source)) from exc
