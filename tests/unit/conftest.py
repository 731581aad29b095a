"""Fixtures for the content tests (prefixed `content_`): the shipped library, a signing key, pack builders."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from askel.core.content.library import ContentLibrary
from askel.core.content.packs import KeyPair, generate_keypair, sign_pack
from askel.core.paths import resources_dir


@pytest.fixture(scope="session")
def content_resources() -> Path:
    return resources_dir()


@pytest.fixture(scope="session")
def content_library(content_resources) -> ContentLibrary:
    return ContentLibrary.load(content_resources)


@pytest.fixture(scope="session")
def content_keys() -> KeyPair:
    return generate_keypair()


@pytest.fixture(scope="session")
def content_other_keys() -> KeyPair:
    return generate_keypair()


def _bdi_wording() -> dict:
    def text(label: str) -> dict:
        return {"fi": f"{label} (fi)", "sv": f"{label} (sv)", "en": label}

    return {
        "instrument": "bdi21",
        "version": "1",
        "instructions": text("Test instructions"),
        "items": {
            f"q{n}": {"text": text(f"Test item {n}")} for n in range(1, 22)
        },
        "scales": {"statements": {value: text(f"Test statement {value}") for value in range(4)}},
    }


@pytest.fixture
def content_write_pack(content_resources, content_keys) -> Callable[..., Path]:
    """Build and sign a pack folder: `make(folder, version="1", planned=5, pack_id=...)`.

    The pack carries a new version of the shipped IPC adults protocol (version `1.<minor>`, a changed planned
    session count) and wording for BDI-21.
    """

    def make(folder: Path, version: str = "1", *, minor: int = 1, planned: int = 5,
             pack_id: str = "fi.example.region", key: bytes | None = None, wording: bool = True) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        protocol = yaml.safe_load((content_resources / "protocols" / "ipc_adults.yaml").read_text("utf-8"))
        protocol["version"] = f"1.{minor}"
        protocol["session_count"]["planned"] = planned
        (folder / "protocols").mkdir(exist_ok=True)
        (folder / "protocols" / "ipc_adults.yaml").write_text(
            yaml.safe_dump(protocol, allow_unicode=True, sort_keys=False), "utf-8"
        )
        if wording:
            (folder / "texts").mkdir(exist_ok=True)
            (folder / "texts" / "bdi21.yaml").write_text(yaml.safe_dump(_bdi_wording(), allow_unicode=True), "utf-8")
        manifest = {"id": pack_id, "version": version, "publisher": "Example wellbeing services county",
                    "created": "2026-01-15"}
        (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest), "utf-8")
        sign_pack(folder, key or content_keys.private_pem)
        return folder

    return make


@pytest.fixture
def content_snapshot() -> Callable[[Path], dict[str, str]]:
    """Every file under a folder with its hash: compare before and after to prove nothing changed."""

    def snapshot(folder: Path) -> dict[str, str]:
        if not folder.exists():
            return {}
        # Folders count too: a half-installed pack would leave one behind.
        return {
            path.relative_to(folder).as_posix(): (
                hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
            )
            for path in sorted(folder.rglob("*"))
        }

    return snapshot
