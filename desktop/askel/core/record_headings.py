"""The headings of the record entry by the clinician's role, as data (`resources/record/headings.yaml`).

Nurses and public health nurses write under the nursing process headings, psychologists under the headings their
profession uses; every other role falls back to the nursing headings. An organisation that words them differently
points the policy setting `record_headings_file` to a file of the same shape: its sets and role mapping replace the
shipped ones (a set it leaves out stays as shipped). A broken file is reported and the shipped headings are used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from askel.core.paths import resources_dir

SECTION_KEYS = ("need", "plan", "implementation", "evaluation", "next")
LANGUAGES = ("fi", "sv")
MAX_FILE_BYTES = 64 * 1024


class HeadingsError(ValueError):
    """A headings file that cannot be used; the message names the problem, never any client data."""


@dataclass(frozen=True)
class Headings:
    roles: Mapping[str, str]  # role -> set id
    fallback: str
    sets: Mapping[str, Mapping[str, Mapping[str, str]]]  # set id -> section key -> language -> heading

    def set_for(self, role: str | None) -> str:
        return self.roles.get(role or "", self.fallback)

    def for_role(self, role: str | None, language: str) -> dict[str, str]:
        chosen = self.sets[self.set_for(role)]
        return {key: chosen[key][language] for key in SECTION_KEYS}


def _parse(data: object, where: str) -> tuple[dict, str | None, dict]:
    if not isinstance(data, dict):
        raise HeadingsError(f"{where}: not a mapping")
    roles = data.get("roles") or {}
    sets = data.get("sets") or {}
    if not isinstance(roles, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in roles.items()):
        raise HeadingsError(f"{where}: roles must map a role to a set id")
    if not isinstance(sets, dict):
        raise HeadingsError(f"{where}: sets must be a mapping")
    for set_id, headings in sets.items():
        if not isinstance(headings, dict) or set(headings) != set(SECTION_KEYS):
            raise HeadingsError(f"{where}: set {set_id!s:.40} needs exactly {', '.join(SECTION_KEYS)}")
        for key, texts in headings.items():
            ok = isinstance(texts, dict) and all(
                isinstance(texts.get(lang), str) and 0 < len(texts[lang].strip()) <= 80 and "\n" not in texts[lang]
                for lang in LANGUAGES)
            if not ok:
                raise HeadingsError(f"{where}: {set_id!s:.40}.{key} needs a one-line fi and sv heading")
    fallback = data.get("fallback")
    if fallback is not None and not isinstance(fallback, str):
        raise HeadingsError(f"{where}: fallback must be a set id")
    return roles, fallback, sets


def load_headings(override: Path | str | None = None) -> Headings:
    """The shipped headings, with an organisation's file laid over them (HeadingsError if that file is bad)."""
    shipped = yaml.safe_load((resources_dir() / "record" / "headings.yaml").read_text("utf-8"))
    roles, fallback, sets = _parse(shipped, "headings.yaml")
    roles, sets = dict(roles), dict(sets)
    if override:
        path = Path(override)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise HeadingsError("record_headings_file: larger than 64 KiB")
            data = yaml.safe_load(path.read_text("utf-8"))
        except OSError as error:
            raise HeadingsError(f"record_headings_file: cannot be read ({error.strerror or 'error'})") from None
        except (yaml.YAMLError, UnicodeDecodeError):
            raise HeadingsError("record_headings_file: not valid YAML or JSON") from None
        extra_roles, extra_fallback, extra_sets = _parse(data, "record_headings_file")
        sets.update(extra_sets)
        roles.update(extra_roles)
        fallback = extra_fallback or fallback
    for set_id in {*roles.values(), fallback}:
        if set_id not in sets:
            raise HeadingsError(f"unknown heading set {set_id!s:.40}")
    return Headings(roles, fallback or "nursing", sets)
