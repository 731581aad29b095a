"""A broken IT policy is shown, named and logged, and never leaves the clinician freer (issue 15)."""

import logging
import os
from pathlib import Path

import pytest

from askel.app import log_settings_problems, make_context
from tests.gui.conftest import visible_texts

TRAILING_COMMA = b'{"policy": {"remember_allowed": false,}}'


def write_policy(content: bytes) -> Path:
    path = Path(os.environ["ASKEL_POLICY_FILE"])
    path.write_bytes(content)
    path.chmod(0o644)
    return path


@pytest.mark.parametrize(
    ("language", "heading", "problem"),
    [
        ("fi", "Organisaatiosi IT-käytännössä", "ei ole kelvollista JSONia (rivi 1, sarake 39)"),
        ("sv", "din organisations IT-policy", "är inte giltig JSON (rad 1, kolumn 39)"),
    ],
)
def test_a_broken_policy_file_shows_a_banner_naming_the_problem(make_shell, language, heading, problem):
    policy = write_policy(TRAILING_COMMA)
    shell = make_shell(language)
    assert shell.policy_banner.isVisibleTo(shell)
    text = shell.policy_banner.text()
    assert heading in text and str(policy) in text and problem in text
    assert text in visible_texts(shell)
    # The organisation's recovery key is unknown, so no vault is set up (it would lack the recovery wrap).
    assert shell.first_run is None and shell.stack.currentWidget() is shell.setup_blocked
    assert shell.setup_blocked.heading.text() in visible_texts(shell)
    assert not (shell.context.data_dir / "askel.key").exists()


def test_the_banner_follows_a_language_switch(make_shell):
    write_policy(TRAILING_COMMA)
    shell = make_shell("fi")
    shell.set_language("sv")
    assert "din organisations IT-policy" in shell.policy_banner.text()


def test_no_banner_when_the_policy_is_in_order(make_shell):
    write_policy(b'{"policy": {"remember_allowed": false}}')
    shell = make_shell("fi")
    assert not shell.policy_banner.isVisibleTo(shell)


def test_the_problem_is_logged(caplog, data_dir):
    policy = write_policy(TRAILING_COMMA)
    with caplog.at_level(logging.WARNING, logger="askel.settings"):
        log_settings_problems(make_context(data_dir).settings)
    [record] = caplog.records
    assert str(policy) in record.getMessage() and "line 1, column 39" in record.getMessage()


def test_a_bad_value_elsewhere_still_lets_the_first_run_start_without_remembering(make_shell):
    write_policy(b'{"policy": {"remember_allowed": "no", "backup_keep": 3}}')
    shell = make_shell("fi")
    assert shell.policy_banner.isVisibleTo(shell) and "remember_allowed" in shell.policy_banner.text()
    assert shell.first_run is not None and not shell.first_run.remember_available


def test_askel_init_refuses_while_the_recovery_key_is_unknown(data_dir, monkeypatch, capsys):
    from askel import cli

    write_policy(TRAILING_COMMA)
    monkeypatch.setenv("ASKEL_PASSPHRASE", "kolme pientä sanaa 9 ja yksi")
    assert cli.main(["--data-dir", str(data_dir), "init", "--name", "Testi Hoitaja", "--role", "nurse"]) == 1
    assert "recovery key is unknown" in capsys.readouterr().err
    assert not data_dir.exists() or not any(data_dir.iterdir())
