"""The installation identity: one signing key and pseudonym secret per vault, stable across unlocks."""

from __future__ import annotations

import pytest
from cryptography.exceptions import InvalidSignature

from askel.store import audit
from askel.store.installation import identity, public_key_from_b64
from askel.store.vault import Vault
from tests.conftest import PASSPHRASE


def test_a_new_vault_has_one_identity_that_survives_unlock(vault, tmp_path):
    with vault.read() as session:
        first = identity(session)
    data_dir = vault.folder.root
    vault.close()
    reopened = Vault.unlock(data_dir, PASSPHRASE)
    with reopened.read() as session:
        again = identity(session)
    reopened.close()
    assert first.id == again.id
    assert first.public_key_b64 == again.public_key_b64
    assert first.pseudonym("course", "abc") == again.pseudonym("course", "abc")


def test_signatures_verify_with_the_published_key_and_fail_when_changed(vault):
    with vault.read() as session:
        me = identity(session)
    signature = me.sign(b"data set")
    public = public_key_from_b64(me.public_key_b64)
    public.verify(signature, b"data set")
    with pytest.raises(InvalidSignature):
        public.verify(signature, b"data set!")


def test_pseudonyms_differ_by_purpose_and_record_and_by_installation(vault, tmp_path):
    with vault.read() as session:
        me = identity(session)
    other = Vault.create(tmp_path / "other", PASSPHRASE, clinician_name="Toinen Hoitaja", role="nurse",
                         kdf_iterations=1)
    with other.read() as session:
        them = identity(session)
    other.close()
    assert me.pseudonym("course", "x") != me.pseudonym("course", "y")
    assert me.pseudonym("course", "x") != me.pseudonym("client", "x")
    assert me.pseudonym("course", "x") != them.pseudonym("course", "x")
    assert me.id != them.id


def test_the_chain_head_is_the_newest_row(vault):
    vault.log("view", target="test")
    with vault.read() as session:
        head = audit.head(session)
        report = audit.verify(session)
    assert head.seq == report.rows
    assert len(head.hash) == 64 and str(head) == f"{head.seq}:{head.hash}"


def test_public_key_text_that_is_not_a_key_is_refused():
    for text in ("", "not base64!", "QUJD"):
        with pytest.raises(ValueError):
            public_key_from_b64(text)
