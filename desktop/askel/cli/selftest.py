"""`askel selftest`: one line per check, non-zero exit on any failure. Safe to run on a production machine."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from askel.app import AppContext
from askel.cli.common import context, passphrase

OK, FAIL, SKIP = "ok", "FAIL", "skip"


def register(commands: argparse._SubParsersAction) -> None:
    selftest = commands.add_parser("selftest", help="check the data folder, key file, translations and content")
    selftest.set_defaults(handler=lambda args: run_selftest(context(args), passphrase(args, required=False)))


def _check_translations() -> str:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from askel.ui.i18n import LANGUAGES, catalogue_path

    QCoreApplication.instance() or QCoreApplication([])
    for language in LANGUAGES:
        translator = QTranslator()
        if not translator.load(str(catalogue_path(language))):
            raise RuntimeError(f"{catalogue_path(language).name} missing or unreadable")
        if translator.translate("ClientListPage", "Clients") in ("", "Clients"):
            raise RuntimeError(f"{language} catalogue has no translation for a basic string")
    return "fi, sv"


def _check_content() -> str:
    from askel.core.content.library import ContentLibrary
    from askel.core.paths import resources_dir

    library = ContentLibrary.load(resources_dir())
    if library.errors:
        raise RuntimeError(f"{len(library.errors)} broken definitions, first: {library.errors[0]}")
    return f"{len(library.protocols())} protocols, {len(library.instruments())} instruments"


def run_selftest(context: AppContext, passphrase: str | None, out: Callable[[str], None] = print) -> int:
    from askel.store.db import PLAINTEXT_HEADER
    from askel.store.keyfile import KeyFile
    from askel.store.vault import DataFolder, Vault

    failures = 0

    def report(status: str, name: str, detail: str = "") -> None:
        nonlocal failures
        failures += status == FAIL
        out(f"{status:<4} {name}{': ' + detail if detail else ''}")

    def check(name: str, probe: Callable[[], str]) -> None:
        try:
            report(OK, name, probe())
        except Exception as error:  # every failure becomes one readable line
            report(FAIL, name, str(error) or type(error).__name__)

    def settings() -> str:
        if context.problems:
            raise RuntimeError("; ".join(problem.english() for problem in context.problems))
        return "policy and user settings read without problems"

    def encryption() -> str:
        if folder.database.read_bytes()[:16] == PLAINTEXT_HEADER:
            raise RuntimeError("the database file is not encrypted")
        return "database file is encrypted"

    def record_headings() -> str:
        from askel.core.record_headings import load_headings

        path = str(context.settings.get("record_headings_file") or "")
        headings = load_headings(path or None)  # HeadingsError names the problem
        return f"{len(headings.sets)} heading sets" + (f" (with {path})" if path else "")

    check("settings", settings)
    check("translations", _check_translations)
    check("content", _check_content)
    check("record headings", record_headings)

    folder = DataFolder(context.data_dir)
    if not folder.has_vault():
        report(SKIP, "vault", f"no vault in {context.data_dir} yet")
        return 1 if failures else 0
    check("key file", lambda: f"{len(KeyFile.load(folder.key_file).wraps)} key wraps")

    def key_policy() -> str:
        from askel.store.vault import key_policy_differences

        differences = key_policy_differences(KeyFile.load(folder.key_file),
                                             str(context.settings.get("recovery_public_key") or ""),
                                             bool(context.settings.get("remember_allowed")))
        if differences:
            raise RuntimeError("the key wraps differ from IT policy (" + ", ".join(differences)
                               + "); the next unlock brings them in line")
        return "the key wraps follow IT policy"

    check("key policy", key_policy)
    check("encryption", encryption)
    if passphrase is None:
        report(SKIP, "database", "no passphrase given (ASKEL_PASSPHRASE or --passphrase-file)")
        return 1 if failures else 0
    try:
        vault = Vault.unlock(context.data_dir, passphrase)
    except Exception as error:
        message = getattr(error, "message", None)
        report(FAIL, "unlock", message.english() if message else type(error).__name__)
        return 1
    try:
        report(OK, "unlock", "passphrase accepted")

        def integrity() -> str:
            with vault.engine.connect() as conn:
                result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            if result != "ok":
                raise RuntimeError(str(result))
            return "integrity_check ok"

        def audit_chain() -> str:
            from askel.store import audit

            with vault.read() as session:
                chain = audit.verify(session)
            if not chain.ok:
                raise RuntimeError(f"broken at row {chain.first_bad_seq}: {chain.problem}")
            return f"{chain.rows} rows verified"

        def installation() -> str:
            from askel.store.installation import identity

            with vault.read() as session:
                me = identity(session)
            return f"{me.id}; signing key {me.public_key_b64} (for export-decrypt --signer)"

        check("database", integrity)
        check("audit log", audit_chain)
        check("installation", installation)
    finally:
        vault.close()
    return 1 if failures else 0
