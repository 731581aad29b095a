"""The `askel` command: the GUI by default, and headless commands for IT, content authors and automation.

The passphrase for headless use comes from ASKEL_PASSPHRASE or --passphrase-file. Both are meant for
automation and tests only: a clinician always types it into the program.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from askel import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="askel",
        description="Askel: short psychosocial interventions in primary care. Without a command, starts the program.",
    )
    parser.add_argument("--version", action="version", version=f"Askel {__version__}")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: ASKEL_DATA_DIR or the user data folder)")
    parser.add_argument("--passphrase-file", type=Path,
                        help="read the passphrase from this file (automation only; else ASKEL_PASSPHRASE)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", help="create a new vault in the data folder")
    init.add_argument("--name", required=True, help="the clinician's name")
    init.add_argument("--role", default="nurse", help="nurse, public_health_nurse, psychologist, "
                                                       "school_psychologist, social_worker or other")
    init.set_defaults(handler=cmd_init)

    selftest = commands.add_parser("selftest", help="check the data folder, key file, translations and content")
    selftest.set_defaults(handler=cmd_selftest)

    audit = commands.add_parser("audit", help="the use and disclosure log")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chain of the whole log")
    verify.set_defaults(handler=cmd_audit_verify)
    export = audit_commands.add_parser("export", help="everything logged about one client, as JSON")
    export.add_argument("--client", required=True, help="the client's id or local identifier")
    export.add_argument("--out", type=Path, help="write to this file instead of standard output")
    export.set_defaults(handler=cmd_audit_export)

    backup = commands.add_parser("backup", help="write an encrypted copy of the database")
    backup.add_argument("--out", type=Path, required=True)
    backup.set_defaults(handler=cmd_backup)

    recovery = commands.add_parser("recovery-keygen", help="for IT: create an organisation recovery key pair")
    recovery.add_argument("--out", type=Path, required=True, help="file for the private key (PEM); keep it offline")
    recovery.set_defaults(handler=cmd_recovery_keygen)

    recover = commands.add_parser("recover", help="for IT: open a vault with the recovery key, set a new passphrase")
    recover.add_argument("--recovery-key", type=Path, required=True, help="the organisation's private key (PEM)")
    recover.set_defaults(handler=cmd_recover)

    shots = commands.add_parser("screenshots", help="render the main screens offscreen in Finnish and Swedish")
    shots.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    shots.set_defaults(handler=cmd_screenshots)

    from askel import content_cli, demo_cli, export_cli, maintenance_cli, policy_cli, release, stats_cli

    def current_context():
        return _context(_parsed[-1])

    for module in (content_cli, export_cli, maintenance_cli, stats_cli, demo_cli):
        module.register(commands, current_context)
    policy_cli.register(commands)
    release.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.command:
            parser.parse_args([args.command, "--help"])
        from askel.app import run_gui, setup_logging

        setup_logging()
        return run_gui(_context(args))
    _parsed.append(args)
    from askel.store.errors import VaultError

    try:
        return handler(args)
    except VaultError as error:  # a wrong passphrase, a damaged file: one clear line, no traceback
        return _fail(error.message.english())


# -- helpers -------------------------------------------------------------------------------------------------------
_parsed: list[argparse.Namespace] = []  # the arguments of this run, for commands registered by other modules


def _context(args):
    from askel.app import make_context

    return make_context(args.data_dir)


def _passphrase(args) -> str:
    if args.passphrase_file:
        return args.passphrase_file.read_text("utf-8").rstrip("\r\n")
    value = os.environ.get("ASKEL_PASSPHRASE")
    if not value:
        raise SystemExit("askel: set ASKEL_PASSPHRASE or use --passphrase-file (for automation only)")
    return value


def _open_vault(args):
    from askel.store.vault import Vault

    return Vault.unlock(_context(args).data_dir, _passphrase(args))


def _fail(text: str) -> int:
    print(f"askel: {text}", file=sys.stderr)
    return 1


# -- commands ------------------------------------------------------------------------------------------------------
def cmd_init(args) -> int:
    from askel.core import validation
    from askel.store.errors import VaultError
    from askel.store.models import ROLES
    from askel.store.vault import Vault

    if args.role not in ROLES:
        return _fail(f"unknown role {args.role!r}; choose one of {', '.join(ROLES)}")
    passphrase = _passphrase(args)
    blocking = [p for p in validation.passphrase_strength(passphrase) if p.blocking]
    if blocking:
        return _fail(" ".join(p.message.english() for p in blocking))
    context = _context(args)
    try:
        vault = Vault.create(context.data_dir, passphrase, clinician_name=validation.person_name(args.name),
                             role=args.role, recovery_public_key=str(context.settings.get("recovery_public_key")))
    except (VaultError, validation.ValidationError) as error:
        return _fail(error.message.english())
    vault.close()
    print(f"created a vault in {context.data_dir}")
    return 0


def cmd_selftest(args) -> int:
    from askel.selftest import run_selftest

    return run_selftest(_context(args), _passphrase(args) if _has_passphrase(args) else None)


def _has_passphrase(args) -> bool:
    return bool(args.passphrase_file or os.environ.get("ASKEL_PASSPHRASE"))


def cmd_audit_verify(args) -> int:
    from askel.store import audit

    vault = _open_vault(args)
    try:
        with vault.read() as session:
            report = audit.verify(session)
    finally:
        vault.close()
    if report.ok:
        print(f"audit log intact: {report.rows} rows")
        return 0
    return _fail(f"audit log broken at row {report.first_bad_seq}: {report.problem}")


def cmd_audit_export(args) -> int:
    from sqlalchemy import or_, select

    from askel.store import audit
    from askel.store.models import Client

    vault = _open_vault(args)
    try:
        with vault.read() as session:
            client = session.scalar(select(Client).where(or_(Client.id == args.client, Client.local_id == args.client)))
            if client is None:
                return _fail("no such client")
            events = audit.events_for_client(session, client.id)
            rows = [
                {"seq": e.seq, "at": e.at.isoformat() + "Z", "actor": e.actor, "role": e.role,
                 "workstation": e.workstation, "action": e.action, "target": e.target, "success": e.success}
                for e in events
            ]
        vault.log("export", client_id=client.id, target="audit_log", detail={"rows": len(rows)})
    finally:
        vault.close()
    text = json.dumps({"client": client.local_id, "events": rows}, ensure_ascii=False, indent=2)
    if args.out:
        from askel.core.atomic import atomic_write

        atomic_write(args.out, text.encode("utf-8"))
    else:
        print(text)
    return 0


def cmd_backup(args) -> int:
    vault = _open_vault(args)
    try:
        target = vault.backup(args.out)
        vault.log("backup", target=str(target.name))
    finally:
        vault.close()
    print(f"encrypted backup written to {target}")
    return 0


def cmd_recovery_keygen(args) -> int:
    from askel.core.atomic import atomic_write
    from askel.store.keyfile import generate_recovery_keypair

    private_pem, public_b64 = generate_recovery_keypair()
    atomic_write(args.out, private_pem)
    print("Put this public key into the policy setting recovery_public_key:")
    print(public_b64)
    return 0


def cmd_recover(args) -> int:
    from askel.store.errors import VaultError
    from askel.store.keyfile import load_recovery_private_key
    from askel.store.vault import Vault

    try:
        private_key = load_recovery_private_key(args.recovery_key.read_bytes())
    except (OSError, ValueError):
        return _fail("the recovery key file could not be read")
    try:
        vault = Vault.unlock_with_recovery(_context(args).data_dir, private_key, _passphrase(args))
    except VaultError as error:
        return _fail(error.message.english())
    vault.close()
    print("vault opened with the recovery key; the new passphrase is now in use")
    return 0


def cmd_screenshots(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from askel.ui.screenshots import render_all

    for path in render_all(args.out, _context(args)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
