"""`score` and `pack` commands through `askel.cli.main`, as the `askel` command runs them."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from askel import cli as askel_cli


@pytest.fixture
def context(tmp_path, content_keys):
    return SimpleNamespace(data_dir=tmp_path / "data", trusted_pack_keys=[content_keys.public_key])


@pytest.fixture
def cli(context, capsys):
    """Run one command line with the context's trusted keys as IT policy; returns (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        policy = Path(os.environ["ASKEL_POLICY_FILE"])
        policy.write_text(json.dumps({"policy": {"trusted_pack_keys": context.trusted_pack_keys}}), "utf-8")
        policy.chmod(0o644)
        code = askel_cli.main(["--data-dir", str(context.data_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_score_prints_total_band_and_alert(cli):
    code, out, err = cli("score", "phq9", "--answers", "2,1,1,1,1,1,1,1,1")
    assert code == 0 and err == ""
    assert "Total: 10\n" in out and "Band: moderate (moderate, severity 2)" in out and "ALERT (risk, q9 = 1)" in out


def test_score_json_matches_the_engine(cli):
    code, out, _ = cli("score", "phq9", "--answers", "1,1,1,1,0,0,0,0,", "--json")
    result = json.loads(out)
    assert code == 0
    # 4 * 9 / 8 = 4.5: prorated, one decimal, band from the exact value (below 5: minimal); item 9 blank: an alert.
    assert result["total"] == 4.5 and result["prorated"] and result["missing_items"] == ["q9"]
    assert result["band"]["id"] == "minimal" and result["band"]["severity"] == 0
    assert [(a["item"], a["kind"], a["value"]) for a in result["alerts"]] == [("q9", "risk_unanswered", None)]
    assert result["refused_reason"] is None


def test_score_subscales_respondent_and_language(cli):
    answers = ",".join(["1"] * 25)
    code, out, _ = cli("score", "sdq", "--answers", answers, "--respondent", "parent", "--lang", "sv", "--json")
    result = json.loads(out)
    assert code == 0 and set(result["subscales"]) == {"emotional", "conduct", "hyperactivity", "peer", "prosocial"}
    assert result["total"] == 20 and result["band"]["id"] == "abnormal"
    code, out, _ = cli("score", "gad7", "--answers", "3,3,3,3,3,3,3", "--lang", "fi")
    assert "Band: vaikea" in out


def test_score_refused_and_variant(cli):
    code, out, _ = cli("score", "phq9", "--answers", "1,1,1,1,1,1,1,,")
    assert code == 0 and "Total: not scored. 2 of 9 items are unanswered" in out
    code, out, _ = cli("score", "auditc", "--answers", "2,2,2")
    assert "Total: 6" in out and "Sex for reference values is not recorded." in out
    code, out, _ = cli("score", "auditc", "--answers", "2,2,2", "--variant", "thl_men_20_64", "--json")
    assert json.loads(out)["band"]["id"] == "at_or_above_limit"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("score", "nope", "--answers", "1"), "unknown instrument"),
        (("score", "phq9", "--answers", "1,2"), "expected 9 answers, got 2"),
        (("score", "phq9", "--answers", "1,2,3,0,0,0,0,0,x"), "not a whole number"),
        (("score", "phq9", "--answers", "1,2,3,0,0,0,0,0,7"), "cannot have the answer 7"),
        (("score", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--respondent", "parent"), "not answered by"),
        (("score", "auditc", "--answers", "1,1,1", "--variant", "men"), "Unknown cut-off"),
    ],
)
def test_score_errors_are_one_line_on_stderr(cli, argv, message):
    code, out, err = cli(*argv)
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1 and err.startswith("askel score: ")


def test_pack_keygen_sign_verify_import(cli, tmp_path, context, content_write_pack):
    code, out, _ = cli("pack", "keygen", "--out", str(tmp_path / "author"))
    assert code == 0
    private = tmp_path / "author.key"
    public = (tmp_path / "author.pub").read_text("ascii").strip()
    assert public in out
    if os.name == "posix":
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    code, _, err = cli("pack", "keygen", "--out", str(tmp_path / "author"))
    assert code == 1 and "already exists" in err

    folder = content_write_pack(tmp_path / "pack")  # signed with the fixture key; re-sign with the new one
    code, out, err = cli("pack", "sign", str(folder), "--key", str(private), "--out", str(tmp_path / "pack.zip"))
    assert code == 0 and "signed pack fi.example.region version 1: 2 files" in out, err

    code, _, err = cli("pack", "verify", str(tmp_path / "pack.zip"))
    assert code == 1 and "signature does not match" in err  # the new key is not trusted yet
    context.trusted_pack_keys.append(public)
    code, out, _ = cli("pack", "verify", str(tmp_path / "pack.zip"))
    assert code == 0 and "valid pack fi.example.region version 1" in out

    code, out, _ = cli("pack", "import", str(tmp_path / "pack.zip"))
    assert code == 0 and (context.data_dir / "content" / "packs" / "fi.example.region" / "1").is_dir()
    code, _, err = cli("pack", "import", str(tmp_path / "pack.zip"))
    assert code == 1 and "not newer" in err and err.startswith("askel pack import: ")

    # `score` sees the imported pack's wording and protocols through the same library as the app.
    code, out, _ = cli("score", "bdi21", "--answers", ",".join(["1"] * 21), "--json")
    assert json.loads(out)["total"] == 21


def test_pack_sign_errors(cli, tmp_path, content_keys):
    key = tmp_path / "k.key"
    key.write_bytes(content_keys.private_pem)
    code, _, err = cli("pack", "sign", str(tmp_path / "nowhere"), "--key", str(key))
    assert code == 1 and "No pack found" in err
    folder = tmp_path / "empty"
    folder.mkdir()
    code, _, err = cli("pack", "sign", str(folder), "--key", str(key))
    assert code == 1 and "no manifest" in err
    code, _, err = cli("pack", "sign", str(folder), "--key", str(tmp_path / "missing.key"))
    assert code == 1 and "cannot read" in err
    (folder / "manifest.yaml").write_text(yaml.safe_dump({"id": "x", "version": "1"}), "utf-8")
    (folder / "protocols").mkdir()
    code, _, err = cli("pack", "sign", str(folder), "--key", str(key))
    assert code == 1 and "manifest is malformed" in err and not (folder / "manifest.sig").exists()


# -- issue 12: AUDIT-C limits from age and sex, a blank risk item, one decimal, and odd answers refused ----------


@pytest.mark.parametrize(("sex", "severity", "band_set"), [("female", 1, "thl_women_20_64"),
                                                           ("male", 0, "thl_men_20_64")])
def test_auditc_with_sex_and_age_gives_thls_band(cli, sex, severity, band_set):
    # 4 + 1 + 0 = 5: THL's limit for women 20-64 is 5, for men 6.
    code, out, _ = cli("score", "auditc", "--answers", "4,1,0", "--sex", sex, "--age", "40", "--json")
    result = json.loads(out)
    assert code == 0 and result["total"] == 5
    assert (result["band"]["severity"], result["band_set"]) == (severity, band_set)


def test_auditc_without_sex_says_which_limits_the_score_reaches(cli):
    code, out, _ = cli("score", "auditc", "--answers", "4,1,0", "--age", "40", "--json")
    result = json.loads(out)
    assert result["band"] is None
    assert {limit["band_set"]: limit["reached"] for limit in result["limits"]} == {
        "thl_women_20_64": True, "thl_men_20_64": False}


def test_a_blank_item_9_is_listed_in_alerts_with_its_own_kind(cli):
    code, out, _ = cli("score", "phq9", "--answers", "0,0,0,0,0,0,0,0,", "--json")
    [alert] = json.loads(out)["alerts"]
    assert (alert["item"], alert["kind"], alert["value"], alert["unanswered"]) == ("q9", "risk_unanswered", None,
                                                                                 True)
    code, out, _ = cli("score", "phq9", "--answers", "0,0,0,0,0,0,0,0,")
    assert "ALERT (risk_unanswered, q9 = not answered)" in out


def test_core10_one_missing_keeps_one_decimal_in_the_healthy_band(cli):
    code, out, _ = cli("score", "core10", "--answers=1,4,4,1,0,0,1,1,1,", "--json")
    result = json.loads(out)
    assert (result["total"], result["band"]["id"], result["prorated"], result["missing_items"]) == (
        5.6, "healthy", True, ["q10"])


@pytest.mark.parametrize("odd", ["\u00b2", "--1", "-1", "+1", "\uff11", "\u0663", "1.0", "1e0", "0x1", "1 2",
                                 "00000001"])
def test_odd_answers_get_one_clear_line(cli, odd):
    code, out, err = cli("score", "phq9", f"--answers=0,0,0,0,0,0,0,0,{odd}")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "digits 0-9" in err and "q9" in err


def test_an_option_like_answer_list_is_refused_in_one_line(cli):
    with pytest.raises(SystemExit) as stopped:
        cli("score", "phq9", "--answers", "--1")
    assert stopped.value.code == 2
