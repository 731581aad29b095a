"""The regional data set end to end, through the command line as a coordinator and five units would use it.

Five training vaults (`askel demo`) each export a data set; the coordinator imports them twice into the embedded
store and into PostgreSQL; both reports agree with each other and with totals counted independently from the five
vaults' own course lists (`askel courses --json`), and no published cell is under 5. Then the refusals: a wrong
key, a changed file, a newer format, an installation with a new signing key, no coordinator key in policy.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from askel import cli
from askel.export import crypto
from askel.export.dataset import MAGIC, unseal
from askel.region.keys import load
from tests.conftest import PASSPHRASE

YEAR = ("2025-01", "2025-12")
UNITS = ("U1", "U2", "U3", "U4", "U5")


def askel(*arguments, env=None, monkeypatch=None) -> int:
    try:
        return cli.main([str(a) for a in arguments])
    except SystemExit as error:
        return int(error.code or 0)


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    """Five training vaults with their data sets, and the coordinator's key."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        root = tmp_path_factory.mktemp("region")
        monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
        monkeypatch.setenv("ASKEL_CONFIG_DIR", str(root / "config"))
        coordinator = root / "coordinator"
        assert askel("--data-dir", coordinator / "data", "region", "keygen", "--out", coordinator / "region.pem") == 0
        public = (coordinator / "region.pem.pub").read_text().strip()
        files, courses = [], []
        for index, unit in enumerate(UNITS):
            data = root / f"vault{index}"
            assert askel("demo", "--clients", 40, "--seed", index + 1, "--data-dir", data, "--today", "2026-03-02") == 0
            policy = root / f"policy{index}.json"
            policy.write_text(json.dumps({"policy": {"unit_code": unit, "region_recipient_key": public}}))
            monkeypatch.setenv("ASKEL_POLICY_FILE", str(policy))
            out = root / "out" / f"{unit}.askelenc"
            assert askel("--data-dir", data, "dataset", "export", "--from", YEAR[0], "--to", YEAR[1],
                         "--out", out) == 0
            files.append(out)
            courses.append(data)
        monkeypatch.setenv("ASKEL_POLICY_FILE", str(root / "no-policy.json"))
        yield {"root": root, "key": coordinator / "region.pem", "public": public, "files": files,
               "vaults": courses, "data": coordinator / "data"}


def independent_totals(vaults, capsys) -> dict:
    """Courses started, completed and interrupted in 2025 per method, from each vault's own course list."""
    totals: Counter = Counter()
    for data in vaults:
        capsys.readouterr()
        assert askel("--data-dir", data, "courses", "--json") == 0
        for course in json.loads(capsys.readouterr().out):
            method = f"method:{course['method']}"
            if course["start_date"] and course["start_date"].startswith("2025"):
                totals[method, "started"] += 1
                totals["all", "started"] += 1
            if course["status"] in ("completed", "interrupted") and (course["end_date"] or "").startswith("2025"):
                totals[method, course["status"]] += 1
                totals["all", course["status"]] += 1
    return totals


def report(store: str, region, tmp_path: Path, name: str) -> dict[tuple[str, str, str], str]:
    out = tmp_path / name
    assert askel("--data-dir", region["data"], "region", "report", "--store", store, "--from", YEAR[0], "--to",
                 YEAR[1], "--out", out, "--lang", "en") == 0
    rows = csv.reader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";")
    return {(row[0], row[1], row[2]): row[6] for row in list(rows)[1:] if row[1]}


def test_five_units_pooled_in_both_stores(region, tmp_path, monkeypatch, capsys, fresh_postgresql):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ASKEL_CONFIG_DIR", str(region["root"] / "config"))
    embedded = str(tmp_path / "store" / "region.db")
    for store in (embedded, fresh_postgresql):
        for _ in range(2):  # the same files twice: replaced, never counted twice
            assert askel("--data-dir", region["data"], "region", "import", "--key", region["key"], "--store",
                         store, *region["files"]) == 0
    assert "replaced" in capsys.readouterr().out
    first, second = report(embedded, region, tmp_path, "a.csv"), report(fresh_postgresql, region, tmp_path, "b.csv")
    assert first == second

    totals = independent_totals(region["vaults"], capsys)
    compared = 0
    for (table, row, column), text in first.items():
        if table in ("courses_by_method",) and text != "..":
            assert int(text) == totals[row, column], (row, column)
            compared += 1
        if table == "courses" and text != "..":
            assert int(text) == totals["all", row]
            compared += 1
        value = text.replace(",", ".").rstrip("%")
        if text not in ("..", "") and table not in ("period", "method", "preset", "note"):
            number = float(value)
            kind = "count" if float(number).is_integer() and "median" not in column else "other"
            if kind == "count":
                assert number >= 5, (table, row, column, text)  # no published cell under 5
    assert compared >= 8
    assert first["courses", "started", "count"] != ".."

    capsys.readouterr()
    assert askel("--data-dir", region["data"], "region", "anchors", "--store", embedded) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 + 10  # two imports of five installations: every head kept
    assert {line.split(";")[1] for line in lines[1:]} == set(UNITS)


def test_a_bad_file_is_refused_in_one_line_and_changes_nothing(region, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ASKEL_CONFIG_DIR", str(region["root"] / "config"))
    store = tmp_path / "region.db"
    good = region["files"][0]
    private = load(region["key"].read_bytes(), PASSPHRASE)
    original = unseal(good.read_bytes(), private)
    damaged = tmp_path / "damaged.askelenc"
    data = bytearray(good.read_bytes())
    data[-5] ^= 1
    damaged.write_bytes(bytes(data))
    other_key = tmp_path / "other.pem"
    assert askel("--data-dir", region["data"], "region", "keygen", "--out", other_key) == 0
    wrong = tmp_path / "wrong.askelenc"
    wrong.write_bytes(crypto.encrypt(b"x", (tmp_path / "other.pem.pub").read_text().strip()))
    newer = tmp_path / "newer.askelenc"  # signed correctly, but by a newer Askel's format
    from askel.export.dataset import seal

    class Signer:
        public_key_b64 = original.signer

    future = dict(original.dataset, version=99)
    newer.write_bytes(_resign(future, region, seal))
    capsys.readouterr()
    for bad, words in ((damaged, "changed"), (wrong, "another key"), (newer, "update Askel")):
        assert askel("--data-dir", region["data"], "region", "import", "--key", region["key"], "--store", store,
                     bad) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and words in err, err
    assert askel("--data-dir", region["data"], "region", "anchors", "--store", store) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1  # nothing imported
    assert MAGIC  # the format's magic line is what `newer` keeps


def _resign(dataset: dict, region, seal) -> bytes:
    """A data set signed with a fresh installation key (for the newer-format and changed-key cases)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from askel.store.installation import InstallationIdentity

    me = InstallationIdentity(dataset["header"]["installation"], Ed25519PrivateKey.generate(), b"x" * 32)
    return seal(dataset, me, region["public"])


def test_an_installation_with_a_new_signing_key_is_flagged(region, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ASKEL_CONFIG_DIR", str(region["root"] / "config"))
    from askel.export.dataset import seal

    store = tmp_path / "region.db"
    good = region["files"][1]
    assert askel("--data-dir", region["data"], "region", "import", "--key", region["key"], "--store", store,
                 good) == 0
    private = load(region["key"].read_bytes(), PASSPHRASE)
    impostor = tmp_path / "impostor.askelenc"
    impostor.write_bytes(_resign(unseal(good.read_bytes(), private).dataset, region, seal))
    capsys.readouterr()
    assert askel("--data-dir", region["data"], "region", "import", "--key", region["key"], "--store", store,
                 impostor) == 1
    assert "another key" in capsys.readouterr().err
    assert askel("--data-dir", region["data"], "region", "import", "--key", region["key"], "--store", store,
                 "--accept-new-key", impostor) == 0
    capsys.readouterr()
    assert askel("--data-dir", region["data"], "region", "anchors", "--store", store) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].endswith(";1")  # the key change is counted


def test_no_coordinator_key_no_data_set(region, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ASKEL_CONFIG_DIR", str(tmp_path / "config"))
    assert askel("--data-dir", region["vaults"][0], "dataset", "export", "--from", "2025-01", "--to", "2025-12",
                 "--out", tmp_path / "x.askelenc") == 1
    assert "region_recipient_key" in capsys.readouterr().err
    assert not (tmp_path / "x.askelenc").exists()


def test_the_data_set_holds_no_name_identity_code_or_date(region):
    private = load(region["key"].read_bytes(), PASSPHRASE)
    text = json.dumps(unseal(region["files"][2].read_bytes(), private).dataset)
    import re

    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # months only
    assert not re.search(r"\d{6}[-+A]\d{3}[0-9A-Z]", text)  # no identity code
    assert date.today().isoformat() not in text
