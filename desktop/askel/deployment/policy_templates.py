"""Group Policy templates (ADMX, ADML in en-US, fi-FI, sv-SE) and the policy JSON schema, from the registry.

Never edit the generated files by hand: change `askel.core.settings.registry` and regenerate
(`askel policy templates --out DIR`). The ADMX writes what `WindowsRegistryLayer` reads: one value per setting
named after the setting key, in HKLM or HKCU (`class="Both"`): under `Software\\Policies\\Askel` for a locked
value (category "Askel"), under its `Recommended` subkey for a recommended one that users may change (category
"Askel – recommended"). Every setting has both.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from askel.core.settings import (
    MAX_TRUSTED_KEYS,
    OID_PATTERN,
    POLICY_REGISTRY_KEY,
    PUBLIC_KEY_PATTERN,
    RECOMMENDED_SUBKEY,
    REGISTRY,
    Kind,
    Setting,
)

POLICY_DEFINITIONS_NAMESPACE = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
TARGET_PREFIX = "askel"
TARGET_NAMESPACE = "Askel.Policies.Askel"
TEMPLATE_NAME = "Askel"
REVISION = "1.0"
CATEGORY = "Askel"
RECOMMENDED_CATEGORY = "Askel_Recommended"
RECOMMENDED_SUFFIX = "_recommended"
SUPPORTED_ON = "SUPPORTED_Askel_0_1"
SUPPORTED_ON_RECOMMENDED = "SUPPORTED_Askel_0_2"
SCHEMA_FILENAME = "askel-policy.schema.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ADML_LANGUAGES = {"en-US": "en", "fi-FI": "fi", "sv-SE": "sv"}

# The sentences the templates add around each setting's own description, per language.
_PHRASES = {
    "en": {
        "supported": "Askel 0.1 or later",
        "supported_recommended": "Askel 0.2 or later",
        "template": "Settings of Askel that IT can lock, or recommend, for every user of a computer.",
        "recommended_category": "Askel – recommended (users can change)",
        "range": "Allowed values: {minimum}–{maximum}.",
        "default": "Default: {default}.",
        "empty": "empty",
        "built_in": "the text built into Askel",
        "true": "on",
        "false": "off",
        "lock": (
            "If you enable this policy, the value is enforced and users cannot change it. If you disable it "
            "or leave it not configured, the user's own choice or the organisation default applies. Computer "
            "configuration takes precedence over user configuration."
        ),
        "recommend": (
            "If you enable this policy, the value is the starting point for every user, who can change it in "
            "Askel's settings. A locked value of the same setting takes precedence. Computer configuration takes "
            "precedence over user configuration."
        ),
    },
    "fi": {
        "supported": "Askel 0.1 tai uudempi",
        "supported_recommended": "Askel 0.2 tai uudempi",
        "template": "Askelin asetukset, jotka IT voi lukita tai joita se voi suositella tietokoneen kaikille "
        "käyttäjille.",
        "recommended_category": "Askel – suositukset (käyttäjä voi muuttaa)",
        "range": "Sallitut arvot: {minimum}–{maximum}.",
        "default": "Oletus: {default}.",
        "empty": "tyhjä",
        "built_in": "Askelin valmis teksti",
        "true": "käytössä",
        "false": "ei käytössä",
        "lock": (
            "Jos otat tämän käytännön käyttöön, arvo pakotetaan eivätkä käyttäjät voi muuttaa sitä. Jos "
            "poistat käytännön käytöstä tai jätät sen määrittämättä, käytetään käyttäjän omaa valintaa tai "
            "organisaation oletusta. Tietokoneen määritys ohittaa käyttäjän määrityksen."
        ),
        "recommend": (
            "Jos otat tämän käytännön käyttöön, arvo on jokaisen käyttäjän lähtökohta, ja käyttäjä voi muuttaa "
            "sitä Askelin asetuksissa. Saman asetuksen lukittu arvo on tätä vahvempi. Tietokoneen määritys "
            "ohittaa käyttäjän määrityksen."
        ),
    },
    "sv": {
        "supported": "Askel 0.1 eller senare",
        "supported_recommended": "Askel 0.2 eller senare",
        "template": "Inställningar i Askel som IT kan låsa eller rekommendera för alla användare av en dator.",
        "recommended_category": "Askel – rekommendationer (användaren kan ändra)",
        "range": "Tillåtna värden: {minimum}–{maximum}.",
        "default": "Standard: {default}.",
        "empty": "tom",
        "built_in": "den text som är inbyggd i Askel",
        "true": "på",
        "false": "av",
        "lock": (
            "Om du aktiverar den här principen tillämpas värdet och användarna kan inte ändra det. Om du "
            "inaktiverar principen eller inte konfigurerar den gäller användarens eget val eller "
            "organisationens standardvärde. Datorkonfigurationen har företräde framför "
            "användarkonfigurationen."
        ),
        "recommend": (
            "Om du aktiverar den här principen är värdet utgångspunkten för varje användare, som kan ändra det i "
            "Askels inställningar. Ett låst värde för samma inställning har företräde. Datorkonfigurationen har "
            "företräde framför användarkonfigurationen."
        ),
    },
}


# --- ADMX --------------------------------------------------------------------------------------------------


def admx() -> str:
    root = ET.Element(
        "policyDefinitions",
        {"xmlns": POLICY_DEFINITIONS_NAMESPACE, "revision": REVISION, "schemaVersion": "1.0"},
    )
    namespaces = ET.SubElement(root, "policyNamespaces")
    ET.SubElement(namespaces, "target", prefix=TARGET_PREFIX, namespace=TARGET_NAMESPACE)
    ET.SubElement(root, "resources", minRequiredRevision=REVISION)
    definitions = ET.SubElement(ET.SubElement(root, "supportedOn"), "definitions")
    for supported in (SUPPORTED_ON, SUPPORTED_ON_RECOMMENDED):
        ET.SubElement(definitions, "definition", name=supported, displayName=_string_ref(supported))
    categories = ET.SubElement(root, "categories")
    ET.SubElement(categories, "category", name=CATEGORY, displayName=_string_ref(CATEGORY))
    recommended = ET.SubElement(
        categories, "category", name=RECOMMENDED_CATEGORY, displayName=_string_ref(RECOMMENDED_CATEGORY)
    )
    ET.SubElement(recommended, "parentCategory", ref=CATEGORY)
    policies = ET.SubElement(root, "policies")
    places = (
        ("", POLICY_REGISTRY_KEY, CATEGORY, SUPPORTED_ON),
        (RECOMMENDED_SUFFIX, f"{POLICY_REGISTRY_KEY}\\{RECOMMENDED_SUBKEY}", RECOMMENDED_CATEGORY,
         SUPPORTED_ON_RECOMMENDED),
    )  # fmt: skip
    for suffix, key, category, supported in places:
        for setting in REGISTRY.values():
            policy = ET.SubElement(
                policies,
                "policy",
                {
                    "name": setting.key + suffix,
                    "class": "Both",
                    "displayName": _string_ref(setting.key),
                    "explainText": _string_ref(f"{setting.key}{suffix}_Help"),
                    "presentation": f"$(presentation.{setting.key})",
                    "key": key,
                },
            )
            ET.SubElement(policy, "parentCategory", ref=category)
            ET.SubElement(policy, "supportedOn", ref=supported)
            _add_element(ET.SubElement(policy, "elements"), setting, key)
    return _xml_text(root)


def _add_element(elements: ET.Element, setting: Setting, key: str) -> None:
    """The registry value a policy writes, typed so that Group Policy Editor offers the right control."""
    identity = {"id": setting.key, "valueName": setting.key}
    match setting.kind:
        case Kind.BOOL:
            boolean = ET.SubElement(elements, "boolean", identity)
            ET.SubElement(ET.SubElement(boolean, "trueValue"), "decimal", value="1")
            ET.SubElement(ET.SubElement(boolean, "falseValue"), "decimal", value="0")
        case Kind.INT:
            ET.SubElement(
                elements,
                "decimal",
                identity,
                required="true",
                minValue=str(setting.minimum),
                maxValue=str(setting.maximum),
            )
        case Kind.CHOICE:
            enum = ET.SubElement(elements, "enum", identity, required="true")
            for choice in setting.choices:
                item = ET.SubElement(enum, "item", displayName=_string_ref(f"{setting.key}_{choice}"))
                ET.SubElement(ET.SubElement(item, "value"), "string").text = choice
        case Kind.MULTILINE_TEXT:
            ET.SubElement(elements, "multiText", identity, maxLength=str(setting.max_length))
        case Kind.PUBLIC_KEY_LIST:
            # One value per key, named 1, 2, 3 … (valuePrefix=""), in a subkey of its own.
            ET.SubElement(
                elements, "list", id=setting.key, key=f"{key}\\{setting.key}", valuePrefix=""
            )
        case Kind.PATH:
            # REG_EXPAND_SZ, so that IT may write %USERPROFILE%\… ; the registry layer expands it.
            ET.SubElement(elements, "text", identity, maxLength=str(setting.max_length), expandable="true")
        case Kind.TEXT | Kind.PUBLIC_KEY | Kind.OID:
            ET.SubElement(elements, "text", identity, maxLength=str(setting.max_length))


# --- ADML --------------------------------------------------------------------------------------------------


def adml(language: str) -> str:
    """The ADML for `language`, one of `ADML_LANGUAGES` (en-US, fi-FI, sv-SE)."""
    lang = ADML_LANGUAGES[language]
    phrases = _PHRASES[lang]
    root = ET.Element(
        "policyDefinitionResources",
        {"xmlns": POLICY_DEFINITIONS_NAMESPACE, "revision": REVISION, "schemaVersion": "1.0"},
    )
    ET.SubElement(root, "displayName").text = TEMPLATE_NAME
    ET.SubElement(root, "description").text = phrases["template"]
    resources = ET.SubElement(root, "resources")
    strings = ET.SubElement(resources, "stringTable")
    presentations = ET.SubElement(resources, "presentationTable")

    def add_string(string_id: str, text: str) -> None:
        ET.SubElement(strings, "string", id=string_id).text = text

    add_string(CATEGORY, TEMPLATE_NAME)
    add_string(RECOMMENDED_CATEGORY, phrases["recommended_category"])
    add_string(SUPPORTED_ON, phrases["supported"])
    add_string(SUPPORTED_ON_RECOMMENDED, phrases["supported_recommended"])
    for setting in REGISTRY.values():
        add_string(setting.key, setting.label[lang])
        add_string(f"{setting.key}_Help", _explain_text(setting, lang, phrases["lock"]))
        add_string(f"{setting.key}{RECOMMENDED_SUFFIX}_Help", _explain_text(setting, lang, phrases["recommend"]))
        for choice in setting.choices:
            add_string(f"{setting.key}_{choice}", setting.choice_labels[choice][lang])
        _add_presentation(ET.SubElement(presentations, "presentation", id=setting.key), setting, lang)
    return _xml_text(root)


def _explain_text(setting: Setting, lang: str, effect: str) -> str:
    phrases = _PHRASES[lang]
    facts = []
    if setting.kind is Kind.INT:
        facts.append(phrases["range"].format(minimum=setting.minimum, maximum=setting.maximum))
    facts.append(phrases["default"].format(default=_default_text(setting, lang)))
    return "\n\n".join([setting.description[lang], " ".join(facts), effect])


def _default_text(setting: Setting, lang: str) -> str:
    phrases = _PHRASES[lang]
    match setting.kind:
        case Kind.BOOL:
            return phrases["true" if setting.default else "false"]
        case Kind.CHOICE:
            return setting.choice_labels[setting.default][lang]
        case Kind.MULTILINE_TEXT:
            return phrases["built_in"]
        case _:
            return str(setting.default) if setting.default not in ("", ()) else phrases["empty"]


def _add_presentation(presentation: ET.Element, setting: Setting, lang: str) -> None:
    label = setting.label[lang]
    match setting.kind:
        case Kind.BOOL:
            control = ET.SubElement(
                presentation, "checkBox", refId=setting.key, defaultChecked=str(setting.default).lower()
            )
            control.text = label
        case Kind.INT:
            control = ET.SubElement(
                presentation,
                "decimalTextBox",
                refId=setting.key,
                defaultValue=str(setting.default),
                spinStep="1",
            )
            control.text = label
        case Kind.CHOICE:
            control = ET.SubElement(
                presentation,
                "dropdownList",
                refId=setting.key,
                noSort="true",
                defaultItem=str(setting.choices.index(setting.default)),
            )
            control.text = label
        case Kind.MULTILINE_TEXT:
            ET.SubElement(presentation, "multiTextBox", refId=setting.key, defaultHeight="12").text = label
        case Kind.PUBLIC_KEY_LIST:
            ET.SubElement(presentation, "listBox", refId=setting.key).text = label
        case Kind.TEXT | Kind.PATH | Kind.PUBLIC_KEY | Kind.OID:
            ET.SubElement(ET.SubElement(presentation, "textBox", refId=setting.key), "label").text = label


def _string_ref(string_id: str) -> str:
    return f"$(string.{string_id})"


def _xml_text(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- JSON schema -------------------------------------------------------------------------------------------

# What the app rejects, expressed for JSON Schema (ECMA-262 regular expressions).
_CONTROL = r"\u0000-\u001f\u007f-\u009f"
_SINGLE_LINE = rf"^[^{_CONTROL}]*$"
_MULTI_LINE = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"  # tab and line ends allowed
_UNC_START = rf"\\[\\/][^\\/{_CONTROL}]+[\\/][^\\/{_CONTROL}]"  # \\server\share
_ABSOLUTE_PATH_OR_EMPTY = rf"^(?:|(?:/|[A-Za-z]:[\\/]|{_UNC_START})[^{_CONTROL}]*)$"


def json_schema() -> str:
    """A JSON Schema (draft 2020-12) of the policy file: `{"policy": {...}, "defaults": {...}}`."""
    schema = {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": "urn:askel:policy-file:1",
        "title": "Askel policy file",
        "description": '"policy" values are locked for the user; "defaults" are organisation defaults that '
        "the user may change. Generated from Askel's settings registry.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "policy": {"$ref": "#/$defs/policy"},
            "defaults": {"$ref": "#/$defs/defaults"},
        },
        "additionalProperties": False,
        "$defs": {
            "policy": _settings_object(list(REGISTRY.values())),
            "defaults": _settings_object(list(REGISTRY.values())),
        },
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _settings_object(settings: list[Setting]) -> dict:
    return {
        "type": "object",
        "properties": {setting.key: _value_schema(setting) for setting in settings},
        "additionalProperties": False,
    }


def _value_schema(setting: Setting) -> dict:
    described = {
        "title": setting.label["en"],
        "description": setting.description["en"],
        "default": setting.to_json(setting.default),
    }
    match setting.kind:
        case Kind.BOOL:
            return described | {"type": "boolean"}
        case Kind.INT:
            return described | {"type": "integer", "minimum": setting.minimum, "maximum": setting.maximum}
        case Kind.CHOICE:
            return described | {"type": "string", "enum": list(setting.choices)}
        case Kind.TEXT:
            return described | {"type": "string", "maxLength": setting.max_length, "pattern": _SINGLE_LINE}
        case Kind.MULTILINE_TEXT:
            return described | {"type": "string", "maxLength": setting.max_length, "pattern": _MULTI_LINE}
        case Kind.PATH:
            return described | {
                "type": "string",
                "maxLength": setting.max_length,
                "pattern": _ABSOLUTE_PATH_OR_EMPTY,
            }
        case Kind.PUBLIC_KEY:
            return described | {"type": "string", "pattern": f"^(?:{PUBLIC_KEY_PATTERN})?$"}
        case Kind.PUBLIC_KEY_LIST:
            return described | {
                "type": "array",
                "items": {"type": "string", "pattern": f"^{PUBLIC_KEY_PATTERN}$"},
                "maxItems": MAX_TRUSTED_KEYS,
                "uniqueItems": True,
            }
        case Kind.OID:
            return described | {
                "type": "string",
                "maxLength": setting.max_length,
                "pattern": f"^(?:{OID_PATTERN})?$",
            }


def template_files() -> dict[Path, str]:
    """`Askel.admx`, `<language>/Askel.adml` and the JSON schema, by their path in a PolicyDefinitions folder
    (copy the folder into the Group Policy central store)."""
    files = {Path(f"{TEMPLATE_NAME}.admx"): admx(), Path(SCHEMA_FILENAME): json_schema()}
    for language in ADML_LANGUAGES:
        files[Path(language) / f"{TEMPLATE_NAME}.adml"] = adml(language)
    return files
