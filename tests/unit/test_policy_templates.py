import base64
import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from askel.core.settings import (
    POLICY_REGISTRY_KEY,
    REGISTRY,
    Kind,
    Settings,
    SettingValueError,
    WindowsRegistryLayer,
)
from askel.deployment import policy_templates
from askel.deployment.policy_templates import (
    ADML_LANGUAGES,
    POLICY_DEFINITIONS_NAMESPACE,
    SCHEMA_FILENAME,
    adml,
    admx,
    json_schema,
    template_files,
)

NS = {"pd": POLICY_DEFINITIONS_NAMESPACE}
KEY_A = base64.b64encode(bytes(range(32))).decode()
ELEMENT_FOR_KIND = {
    Kind.BOOL: "boolean",
    Kind.INT: "decimal",
    Kind.CHOICE: "enum",
    Kind.TEXT: "text",
    Kind.PATH: "text",
    Kind.PUBLIC_KEY: "text",
    Kind.OID: "text",
    Kind.MULTILINE_TEXT: "multiText",
    Kind.PUBLIC_KEY_LIST: "list",
}
CONTROL_FOR_ELEMENT = {
    "boolean": "checkBox",
    "decimal": "decimalTextBox",
    "enum": "dropdownList",
    "text": "textBox",
    "multiText": "multiTextBox",
    "list": "listBox",
}


def local(tag: str) -> str:
    return tag.split("}", 1)[1]


@pytest.fixture(scope="module")
def admx_root() -> ET.Element:
    return ET.fromstring(admx())


@pytest.fixture(scope="module")
def adml_roots() -> dict[str, ET.Element]:
    return {language: ET.fromstring(adml(language)) for language in ADML_LANGUAGES}


def policies(admx_root) -> dict[str, ET.Element]:
    return {policy.get("name"): policy for policy in admx_root.iterfind("pd:policies/pd:policy", NS)}


def string_table(adml_root) -> dict[str, str]:
    return {
        string.get("id"): string.text
        for string in adml_root.iterfind("pd:resources/pd:stringTable/pd:string", NS)
    }


def presentation_table(adml_root) -> dict[str, ET.Element]:
    return {
        presentation.get("id"): presentation
        for presentation in adml_root.iterfind("pd:resources/pd:presentationTable/pd:presentation", NS)
    }


# --- ADMX --------------------------------------------------------------------------------------------------


def test_admx_header(admx_root):
    assert admx_root.tag == f"{{{POLICY_DEFINITIONS_NAMESPACE}}}policyDefinitions"
    assert admx_root.get("revision") and admx_root.get("schemaVersion") == "1.0"
    target = admx_root.find("pd:policyNamespaces/pd:target", NS)
    assert (target.get("prefix"), target.get("namespace")) == ("askel", "Askel.Policies.Askel")
    assert admx_root.find("pd:resources", NS).get("minRequiredRevision") == admx_root.get("revision")
    locked, recommended = admx_root.findall("pd:categories/pd:category", NS)
    assert locked.get("name") == "Askel"
    assert recommended.find("pd:parentCategory", NS).get("ref") == "Askel"
    # The schema fixes the order of the top-level elements.
    assert [local(child.tag) for child in admx_root] == [
        "policyNamespaces",
        "resources",
        "supportedOn",
        "categories",
        "policies",
    ]


def test_every_setting_is_one_locked_and_one_recommended_policy(admx_root):
    by_name = policies(admx_root)
    assert list(by_name) == list(REGISTRY) + [f"{key}_recommended" for key in REGISTRY]
    supported = {
        definition.get("name")
        for definition in admx_root.iterfind(".//pd:supportedOn/pd:definitions/pd:definition", NS)
    }
    for name, policy in by_name.items():
        recommended = name.endswith("_recommended")
        assert policy.get("key") == POLICY_REGISTRY_KEY + ("\\Recommended" if recommended else "")
        assert policy.get("class") == "Both"
        assert policy.find("pd:parentCategory", NS).get("ref") == ("Askel_Recommended" if recommended else "Askel")
        assert policy.find("pd:supportedOn", NS).get("ref") in supported
        assert [local(child.tag) for child in policy] == ["parentCategory", "supportedOn", "elements"], name


@pytest.mark.parametrize("setting", list(REGISTRY.values()), ids=lambda setting: setting.key)
def test_policy_element_matches_the_setting_type(admx_root, setting):
    [element] = policies(admx_root)[setting.key].find("pd:elements", NS)
    assert local(element.tag) == ELEMENT_FOR_KIND[setting.kind]
    assert element.get("id") == setting.key
    if setting.kind is Kind.PUBLIC_KEY_LIST:
        assert element.get("key") == f"{POLICY_REGISTRY_KEY}\\{setting.key}"
        assert element.get("valuePrefix") == ""
        return
    assert element.get("valueName") == setting.key
    if setting.kind is Kind.INT:
        assert (int(element.get("minValue")), int(element.get("maxValue"))) == (
            setting.minimum,
            setting.maximum,
        )
    if setting.kind is Kind.CHOICE:
        values = [item.find("pd:value/pd:string", NS).text for item in element.iterfind("pd:item", NS)]
        assert tuple(values) == setting.choices
    if setting.kind is Kind.BOOL:
        assert element.find("pd:trueValue/pd:decimal", NS).get("value") == "1"
        assert element.find("pd:falseValue/pd:decimal", NS).get("value") == "0"
    if setting.kind in (Kind.TEXT, Kind.PATH, Kind.PUBLIC_KEY, Kind.OID, Kind.MULTILINE_TEXT):
        assert int(element.get("maxLength")) == setting.max_length


# --- ADML --------------------------------------------------------------------------------------------------


def test_every_string_reference_exists_in_every_adml(adml_roots):
    text = admx()
    string_refs = set(re.findall(r"\$\(string\.([^)]+)\)", text))
    presentation_refs = set(re.findall(r"\$\(presentation\.([^)]+)\)", text))
    assert {setting.key for setting in list(REGISTRY.values())} <= string_refs
    assert {f"{setting.key}_Help" for setting in list(REGISTRY.values())} <= string_refs
    for language, root in adml_roots.items():
        strings = string_table(root)
        assert string_refs <= set(strings), language
        assert presentation_refs <= set(presentation_table(root)), language
        assert all(value and value.strip() for value in strings.values()), language


def test_admls_are_complete_and_alike(adml_roots):
    tables = {language: string_table(root) for language, root in adml_roots.items()}
    assert set(tables["en-US"]) == set(tables["fi-FI"]) == set(tables["sv-SE"])
    for root in adml_roots.values():
        assert root.tag == f"{{{POLICY_DEFINITIONS_NAMESPACE}}}policyDefinitionResources"
        assert [local(child.tag) for child in root] == ["displayName", "description", "resources"]
    assert tables["fi-FI"]["auto_lock_minutes"] == REGISTRY["auto_lock_minutes"].label["fi"]
    assert tables["sv-SE"]["auto_lock_minutes"] == REGISTRY["auto_lock_minutes"].label["sv"]
    assert "1–120" in tables["fi-FI"]["auto_lock_minutes_Help"]
    assert "käytännön" in tables["fi-FI"]["language_Help"]
    assert "principen" in tables["sv-SE"]["language_Help"]
    assert "voi muuttaa" in tables["fi-FI"]["language_recommended_Help"]
    assert "kan ändra" in tables["sv-SE"]["language_recommended_Help"]


def test_presentations_refer_to_the_elements_of_their_policy(admx_root, adml_roots):
    by_name = policies(admx_root)
    for root in adml_roots.values():
        presentations = presentation_table(root)
        for name, policy in by_name.items():
            presentation_id = re.fullmatch(r"\$\(presentation\.(.+)\)", policy.get("presentation")).group(1)
            elements = {element.get("id"): local(element.tag) for element in policy.find("pd:elements", NS)}
            controls = list(presentations[presentation_id])
            assert {control.get("refId") for control in controls} == set(elements), name
            for control in controls:
                assert local(control.tag) == CONTROL_FOR_ELEMENT[elements[control.get("refId")]], name


def test_presentation_defaults_match_the_registry(adml_roots):
    presentations = presentation_table(adml_roots["en-US"])
    for setting in list(REGISTRY.values()):
        [control] = presentations[setting.key]
        if setting.kind is Kind.BOOL:
            assert control.get("defaultChecked") == str(setting.default).lower()
        elif setting.kind is Kind.INT:
            assert int(control.get("defaultValue")) == setting.default
        elif setting.kind is Kind.CHOICE:
            assert setting.choices[int(control.get("defaultItem"))] == setting.default


@pytest.mark.parametrize("recommended", [False, True], ids=["locked", "recommended"])
def test_values_written_as_the_admx_says_are_read_back_by_the_registry_layer(admx_root, tmp_path, recommended):
    """Simulate Group Policy: every policy enabled with its default; the registry layer must read them all."""
    keys: dict[str, dict[str, object]] = {}
    for setting in list(REGISTRY.values()):
        policy = policies(admx_root)[setting.key + ("_recommended" if recommended else "")]
        values = keys.setdefault(policy.get("key"), {})
        [element] = policy.find("pd:elements", NS)
        match local(element.tag):
            case "boolean":
                branch = "pd:trueValue" if setting.default else "pd:falseValue"
                values[element.get("valueName")] = int(element.find(f"{branch}/pd:decimal", NS).get("value"))
            case "decimal":
                values[element.get("valueName")] = setting.default
            case "enum":
                values[element.get("valueName")] = setting.default
            case "text":
                values[element.get("valueName")] = setting.default
            case "multiText":
                values[element.get("valueName")] = setting.default.split("\n")
            case "list":
                keys[element.get("key")] = {"1": KEY_A}

    def reader(hive: str, key_path: str):
        return dict(keys[key_path]) if key_path in keys else None

    settings = Settings.load(tmp_path / "user.json", [WindowsRegistryLayer("HKLM", reader)])
    assert settings.problems == []
    for setting in list(REGISTRY.values()):
        assert settings.is_locked(setting.key) is not recommended
        expected = (KEY_A,) if setting.kind is Kind.PUBLIC_KEY_LIST else setting.default
        assert settings.get(setting.key) == expected
        if recommended and setting.kind is not Kind.PUBLIC_KEY_LIST:
            assert settings.source(setting.key) == f"organisation:HKLM\\{POLICY_REGISTRY_KEY}"


# --- JSON schema -------------------------------------------------------------------------------------------


def schema_errors(schema: dict, value: object, root: dict | None = None, path: str = "$") -> list[str]:
    """A small validator for the keywords the generated schema uses (no new dependency for a full one)."""
    root = root or schema
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return schema_errors(root["$defs"][name], value, root, path)
    python_types = {"object": dict, "array": list, "string": str, "boolean": bool, "integer": int}
    expected_type = schema.get("type")
    if expected_type:
        is_bool = isinstance(value, bool)
        if not isinstance(value, python_types[expected_type]) or (is_bool and expected_type != "boolean"):
            return [f"{path}: not {expected_type}"]
    errors = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: not in enum")
    if "minimum" in schema and value < schema["minimum"] or "maximum" in schema and value > schema["maximum"]:
        errors.append(f"{path}: out of range")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        errors.append(f"{path}: too long")
    # ECMA-262 `$` is the end of input; Python's would also match before a final newline.
    if "pattern" in schema and not re.search(schema["pattern"].removesuffix("$") + r"\Z", value):
        errors.append(f"{path}: pattern")
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        errors.append(f"{path}: too many items")
    if schema.get("uniqueItems") and len(set(map(json.dumps, value))) != len(value):
        errors.append(f"{path}: duplicate items")
    for index, item in enumerate(value if "items" in schema else []):
        errors += schema_errors(schema["items"], item, root, f"{path}[{index}]")
    for key, item in value.items() if expected_type == "object" else []:
        if key in schema.get("properties", {}):
            errors += schema_errors(schema["properties"][key], item, root, f"{path}.{key}")
        elif schema.get("additionalProperties") is False:
            errors.append(f"{path}.{key}: not allowed")
    return errors


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(json_schema())


def test_schema_is_draft_2020_12_and_covers_every_setting(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == {"$schema", "policy", "defaults"}
    assert list(schema["$defs"]["policy"]["properties"]) == [setting.key for setting in list(REGISTRY.values())]
    assert list(schema["$defs"]["defaults"]["properties"]) == list(REGISTRY)
    for key, setting in REGISTRY.items():
        assert schema["$defs"]["defaults"]["properties"][key]["default"] == setting.to_json(setting.default)


def test_schema_accepts_a_sample_policy(schema):
    sample = {
        "$schema": "./askel-policy.schema.json",
        "policy": {
            "auto_lock_minutes": 5,
            "remember_allowed": False,
            "export_drop_folder": "\\\\fileserver\\askel\\inbox",
            "recovery_public_key": KEY_A,
            "trusted_pack_keys": [KEY_A],
            "organisation_oid": "1.2.246.10.12345678.22",
            "organisation_name": "Pohjois-Pohjanmaan hyvinvointialue",
            "safety_instructions_fi": "Rivi 1\nRivi 2",
        },
        "defaults": {"language": "sv", "backup_interval_hours": 0},
    }
    assert schema_errors(schema, sample) == []


@pytest.mark.parametrize(
    "bad",
    [
        {"polcy": {}},
        {"policy": {"unknown": 1}},
        {"policy": {"auto_lock_minutes": 0}},
        {"policy": {"auto_lock_minutes": True}},
        {"policy": {"language": "en"}},
        {"policy": {"remember_allowed": "yes"}},
        {"policy": {"export_drop_folder": "relative"}},
        {"policy": {"recovery_public_key": "abc"}},
        {"policy": {"trusted_pack_keys": [KEY_A, KEY_A]}},
        {"policy": {"organisation_oid": "1.2.x"}},
        {"policy": {"organisation_name": "two\nlines"}},
        {"defaults": {"safety_instructions_sv": "bell\u0007"}},
    ],
)
def test_schema_rejects_bad_policies(schema, bad):
    assert schema_errors(schema, bad)


policy_values = st.one_of(
    st.booleans(),
    st.integers(min_value=-5, max_value=5000),
    st.text(alphabet=st.sampled_from("abcAB019.:/\\ \n\t\x01\x85-_=+"), max_size=24),
    st.sampled_from(["fi", "sv", "nhs", "fi_regional", "off", "notify", KEY_A, "1.2.246.10.1", "C:\\x"]),
    st.lists(st.sampled_from([KEY_A, "x"]), max_size=3),
)


@given(st.sampled_from(list(REGISTRY)), policy_values)
def test_whatever_the_schema_accepts_the_app_accepts(schema, key, raw):
    """IT validates against the schema; Askel must then never ignore the value."""
    if schema_errors(schema, {"policy": {key: raw}}):
        return
    try:
        REGISTRY[key].coerce(raw)
    except SettingValueError:
        pytest.fail(f"schema accepts {raw!r} for {key}, the app does not")


# --- files and command line --------------------------------------------------------------------------------


def test_templates_lay_out_a_policy_definitions_folder(tmp_path):
    assert run_cli("policy", "templates", "--out", str(tmp_path)) == 0
    expected = {
        tmp_path / "Askel.admx",
        tmp_path / SCHEMA_FILENAME,
        tmp_path / "en-US" / "Askel.adml",
        tmp_path / "fi-FI" / "Askel.adml",
        tmp_path / "sv-SE" / "Askel.adml",
    }
    assert {tmp_path / path for path in template_files()} == expected
    assert (tmp_path / "Askel.admx").read_text(encoding="utf-8") == admx()
    assert (tmp_path / "fi-FI" / "Askel.adml").read_text(encoding="utf-8") == adml("fi-FI")
    for path in expected:
        if path.suffix in (".admx", ".adml"):
            ET.parse(path)
        else:
            json.loads(path.read_text(encoding="utf-8"))


def test_templates_are_deterministic():
    assert admx() == admx()
    assert adml("sv-SE") == adml("sv-SE")
    assert json_schema() == json_schema()
    assert policy_templates.TEMPLATE_NAME == "Askel"


def run_cli(*argv: str) -> int:
    from askel import cli

    return cli.main(list(argv))


def test_cli_templates(tmp_path, capsys):
    assert run_cli("policy", "templates", "--out", str(tmp_path / "out")) == 0
    assert (tmp_path / "out" / "Askel.admx").exists()
    assert "Askel.admx" in capsys.readouterr().out


def test_cli_templates_reports_an_unwritable_folder(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert run_cli("policy", "templates", "--out", str(blocker)) == 1
    assert "cannot write" in capsys.readouterr().err


def test_cli_show(tmp_path, capsys, monkeypatch):
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"policy": {"auto_lock_minutes": 5}}))
    policy.chmod(0o644)
    monkeypatch.setenv("ASKEL_POLICY_FILE", str(policy))
    monkeypatch.setattr("sys.platform", "linux")
    user_file = tmp_path / "settings.json"

    assert run_cli("policy", "show", "--json", "--user-file", str(user_file)) == 0
    shown = json.loads(capsys.readouterr().out)
    rows = {row["key"]: row for row in shown["settings"]}
    assert rows["auto_lock_minutes"] == {
        "key": "auto_lock_minutes",
        "value": 5,
        "source": f"policy:{policy}",
        "locked": True,
    }
    assert rows["language"]["source"] == "default" and rows["language"]["locked"] is False
    assert shown["problems"] == []

    assert run_cli("policy", "show", "--user-file", str(user_file)) == 0
    table = capsys.readouterr().out
    auto_lock_line = next(line for line in table.splitlines() if line.startswith("auto_lock_minutes"))
    assert auto_lock_line.endswith("locked")
    assert len(table.splitlines()) == len(REGISTRY)


def test_cli_show_exits_1_on_policy_problems(tmp_path, capsys, monkeypatch):
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"policy": {"auto_lock_minutes": 500}}))
    policy.chmod(0o644)
    monkeypatch.setenv("ASKEL_POLICY_FILE", str(policy))
    monkeypatch.setattr("sys.platform", "linux")
    assert run_cli("policy", "show", "--user-file", str(tmp_path / "settings.json")) == 1
    assert "auto_lock_minutes" in capsys.readouterr().err
