"""`askel audit …`: the use and disclosure log, for IT and the data protection officer.

    askel audit verify [--anchor SEQ:HASH …]   check the hash chain of the whole log and the export log in it; with
                                         an anchor (printed in an export, a record PDF or a backup), also that
                                         this row is still in the chain: a rewritten log no longer has it
    askel audit export --client ID [--out FILE]   everything logged about one client, as JSON (itself logged); a
                                         client no longer here (handed over and removed) by their id
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
    verify.add_argument("--anchor", action="append", default=[], metavar="SEQ:HASH",
                        help="a chain head seen outside the vault (an export, a PDF footer, a backup); repeatable")
    verify.set_defaults(handler=run_verify)
    export = audit_commands.add_parser("export", help="everything logged about one client, as JSON")
    export.add_argument("--client", required=True, help="the client's id or local identifier")
    export.add_argument("--out", type=Path, help="write to this file instead of standard output")
    export.set_defaults(handler=run_export)


def run_verify(args) -> int:
    from askel.store import audit

    try:
        anchors = [audit.parse_anchor(text) for text in args.anchor]
    except ValueError as error:
        raise CommandError(str(error)) from None
    vault = open_vault(args)
    try:
        with vault.read() as session:
            report = audit.verify(session, anchors)
            head = audit.head(session)
    finally:
        vault.close()
    if report.ok:
        confirmed = f"; {len(anchors)} anchor{'s' if len(anchors) != 1 else ''} confirmed" if anchors else ""
        print(f"audit log intact: {report.rows} rows, {report.export_rows} export-log rows{confirmed}; head {head}")
        return 0
    where = f" at row {report.first_bad_seq}" if report.first_bad_seq is not None else ""
    raise CommandError(f"audit log broken{where}: {report.problem}")


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
            # A client removed from here (handed over to a colleague, or purged) keeps their log under their id.
            client_id = client.id if client is not None else args.client
            events = audit.events_for_client(session, client_id)
            if client is None and not events:
                raise CommandError("no such client")
            rows = [
                {"seq": e.seq, "at": e.at.isoformat() + "Z", "actor": e.actor, "role": e.role,
                 "workstation": e.workstation, "action": e.action, "target": e.target, "success": e.success,
                 "detail": e.detail}  # to whom it was disclosed, and on what basis
                for e in events
            ]
        vault.log("export", client_id=client_id, target="audit_log", detail={"rows": len(rows)})
    finally:
        vault.close()
    text = json.dumps({"client": client.local_id if client is not None else client_id, "events": rows},
                      ensure_ascii=False, indent=2)
    if args.out:
        write_file(args, args.out, text.encode("utf-8"), what="use log of the client")
    else:
        print(text)
    return 0
