"""Every user-visible string exists in Finnish and Swedish, with the same placeholders as the English source."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = {"fi": ROOT / "i18n" / "askel_fi.ts", "sv": ROOT / "i18n" / "askel_sv.ts"}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def lupdate_sources() -> set[tuple[str, str]]:
    """What the code marks for translation now, read by lupdate itself into a scratch catalogue."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    scratch = ROOT / "build" / "lupdate-check.ts"
    scratch.parent.mkdir(exist_ok=True)
    scratch.unlink(missing_ok=True)
    sources = sorted(str(p) for p in (ROOT / "desktop" / "askel").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(scratch)], check=True)
    return {(context, m.findtext("source")) for context, m in messages(scratch)}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_string_is_translated_with_matching_placeholders(language):
    problems = []
    for context, message in messages(CATALOGUES[language]):
        source = message.findtext("source")
        translation = message.find("translation")
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if kind == "unfinished" or not all(f.strip() for f in forms):
            problems.append(f"{context}: untranslated: {source!r}")
            continue
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: placeholders differ in {source!r} -> {form!r}")
            if ("&" in source.replace("&&", "")) != ("&" in form.replace("&&", "")):
                problems.append(f"{context}: keyboard accelerator (&) missing or extra in {form!r}")
    assert not problems, "\n".join(problems)


def test_catalogues_cover_every_string_in_the_code():
    in_code = lupdate_sources()
    for language, path in CATALOGUES.items():
        in_catalogue = {(context, m.findtext("source")) for context, m in messages(path)}
        missing = in_code - in_catalogue
        assert not missing, f"{language}: run `make lupdate` and translate: {sorted(missing)[:10]}"
