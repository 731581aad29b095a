"""Receiving a handover is all or nothing: SIGKILLs at random instants of the import (the handover workload of the
kill harness; `python -m tests.integration.handover_kills --runs 200` runs it longer). About 3 s per kill."""

from __future__ import annotations

import sys

import pytest

from tests.integration.handover_kills import HandoverKillHarness

KILLS = 6

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")


def test_a_kill_while_receiving_leaves_nothing_or_the_whole_handover(tmp_path):
    harness = HandoverKillHarness(tmp_path, seed=20261205)
    for _ in range(KILLS):
        harness.run_once()  # raises HandoverCheckFailed on half a handover, a broken log or a lost import
    assert sum(harness.outcomes.values()) == KILLS
    harness.receive_after_kill()
