"""`askel audit …`: the use and disclosure log, for IT and the data protection officer.

    askel audit verify                   check the hash chain of the whole log
    askel audit export --client ID [--out FILE]   everything logged about one client, as JSON (itself logged)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from askel.cli.common import CommandError, open_vault
from askel.cli.files import check_destination, write_file


def register(commands: argparse._SubParsersAction) -> None:
    audit = commands.add_parser("audit", help="the use and disclosure log")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chain of the whole log")
    verify.set_defaults(handler=run_verify)
    export = audit_commands.add_parser("export", help="everything logged about one client, as JSON")
    export.add_argument("--client", required=True, help="the client's id or local identifier")
    export.add_argument("--out", type=Path, help="write to this file instead of standard output")
    export.set_defaults(handler=run_export)


def run_verify(args) -> int:
    from askel.store import audit

    vault = open_vault(args)
    try:
        with vault.read() as session:
            report = audit.verify(session)
    finally:
        vault.close()
    if report.ok:
        print(f"audit log intact: {report.rows} rows")
        return 0
    raise CommandError(f"audit log broken at row {report.first_bad_seq}: {report.problem}")


def run_export(args) -> int:
    from sqlalchemy import or_, select

    from askel.cli.common import data_dir
    from askel.store import audit
    from askel.store.models import Client

    if args.out is not None:
        check_destination(args.out, data_dir(args))  # before anything is logged
    vault = open_vault(args)
    try:
        with vault.read() as session:
            client = session.scalar(select(Client).where(or_(Client.id == args.client, Client.local_id == args.client)))
            if client is None:
                raise CommandError("no such client")
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
        write_file(args, args.out, text.encode("utf-8"), what="use log of the client")
    else:
        print(text)
    return 0
