"""`askel courses`, `askel export …` and the recipient's tools: exports for automation and for IT.

    askel courses [--json]                       ids, client local id, method, status, planned and attended visits,
                                                 delivery format and group
                                                 of every course, and the clinician's role
    askel export --course ID --format text|pdf|fhir --lang fi|sv (--out FILE | --drop-folder)
                 [--client-version] [--session N] [--encrypt]
    askel export-decrypt --key PRIVATE.pem FILE [--out PLAIN]     for the receiving side
    askel export-keygen --out PREFIX             for IT: PREFIX.pem (private) and the public key to put into the
                                                 policy setting export_recipient_key

Every export is logged exactly as from the GUI: an export-log row and a disclosure entry in the use log. With a
recipient key in the IT policy, the drop folder only ever receives encrypted files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from askel.cli.common import CommandError, context, data_dir, open_vault
from askel.cli.files import check_destination, write_file

FORMATS = ("text", "pdf", "fhir")


def register(commands: argparse._SubParsersAction) -> None:
    courses = commands.add_parser("courses", help="list courses (ids, client local id, method, status)")
    courses.add_argument("--json", action="store_true", help="print JSON for automation")
    courses.set_defaults(handler=run_courses)

    export = commands.add_parser("export", help="export a course or a session for the patient record")
    export.add_argument("--course", required=True, metavar="ID", help="the course id (see `askel courses`)")
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument("--lang", required=True, choices=("fi", "sv"), help="language of the document")
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE", help="write to this file")
    where.add_argument("--drop-folder", action="store_true", help="write to the export folder set by IT policy")
    export.add_argument("--client-version", action="store_true",
                        help="PDF for the client: without clinician notes and alerts")
    export.add_argument("--session", type=int, metavar="N", help="only session number N")
    export.add_argument("--encrypt", action="store_true",
                        help="encrypt to the recipient key of the IT policy (always so in the drop folder)")
    export.set_defaults(handler=run_export)

    decrypt = commands.add_parser("export-decrypt", help="decrypt an encrypted export (the receiving side)")
    decrypt.add_argument("file", type=Path, metavar="FILE")
    decrypt.add_argument("--key", type=Path, required=True, metavar="PRIVATE.pem", help="the recipient private key")
    decrypt.add_argument("--out", type=Path, metavar="PLAIN", help="write here (default: standard output)")
    decrypt.add_argument("--signer", action="append", default=[], metavar="KEY",
                         help="accept only files signed by this installation key (base64, as `askel selftest` "
                              "prints it on the sending machine); repeatable")
    decrypt.add_argument("--allow-unsigned", action="store_true",
                         help="also accept an unsigned file (made by an Askel before signing, or forged)")
    decrypt.set_defaults(handler=run_decrypt)

    keygen = commands.add_parser("export-keygen", help="for IT: create a recipient key pair for exports")
    keygen.add_argument("--out", type=Path, required=True, metavar="PREFIX", help="writes PREFIX.pem")
    keygen.set_defaults(handler=run_keygen)


# ------------------------------------------------------------------------------------------------ courses


def run_courses(args: argparse.Namespace) -> int:
    """Every course with its planned and attended visits of the method (the same facts the record exports say),
    and the clinician's role (it chooses the headings of the record entry)."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from askel.export.fhir import load_clinician
    from askel.export.record_facts import record_facts
    from askel.store.models import Course

    library = context(args).library
    vault = open_vault(args)
    try:
        with vault.read() as session:
            courses = list(session.scalars(
                select(Course).order_by(Course.created_at)
                .options(selectinload(Course.client), selectinload(Course.sessions),
                         selectinload(Course.administrations))
            ))
        clinician = load_clinician(vault)
        role = clinician.role if clinician is not None else None
        rows = []
        for course in courses:
            facts = record_facts(course, library)
            rows.append({
                "id": course.id, "client_local_id": course.client.local_id, "method": course.method_id,
                "protocol_version": course.protocol_version, "status": course.status,
                "start_date": course.start_date.isoformat() if course.start_date else None,
                "end_date": course.end_date.isoformat() if course.end_date else None,
                "sessions": [s.number for s in course.sessions],
                "planned_sessions": facts.planned or None,
                "attended_sessions": facts.attended,
                "delivery_format": course.delivery_format,  # individual, or a group's format (askel.core.groups)
                "group_id": course.group_id,
                "clinician_role": role,
            })
        vault.log("view", target="course_list", detail={"courses": len(rows)})
    finally:
        vault.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print("no courses")
    else:
        for row in rows:
            visits = f"{row['attended_sessions']} attended, {row['planned_sessions'] or '-'} planned"
            print(f"{row['id']}  {row['client_local_id']:<12}  {row['method']:<20}  {row['status']:<11}  {visits}")
    return 0


# ------------------------------------------------------------------------------------------------ export


def run_export(args: argparse.Namespace) -> int:
    from askel.export.destinations import DROP_FOLDER_MODE, FILE_MODE, ExportError
    from askel.export.service import ExportPolicy, ExportRequest, render, save_to_drop_folder, save_to_file

    if args.client_version and args.format != "pdf":
        raise CommandError("--client-version applies to --format pdf only")
    if args.out is not None and str(args.out) == "-":
        raise CommandError("name a file with --out; standard output is not supported")
    ctx = context(args)
    if args.out is not None:
        check_destination(args.out, ctx.data_dir)  # before anything is rendered or logged
    kind = "pdf_client" if args.client_version else args.format
    policy = ExportPolicy.from_settings(ctx.settings)

    def writer(target, data: bytes) -> None:
        if target.drop_folder and not target.path.parent.is_dir():
            raise ExportError("drop_folder_missing", "the export folder is not reachable")
        write_file(args, target.path, data, what=None, mode=DROP_FOLDER_MODE if target.drop_folder else FILE_MODE)

    vault = open_vault(args)
    try:
        request = ExportRequest(args.course, kind, args.lang, args.session)
        rendered = render(vault, ctx.library, policy, request)
        if args.drop_folder:
            record = save_to_drop_folder(vault, rendered, policy, writer=writer)
        else:
            record = save_to_file(vault, rendered, policy, args.out, encrypt=args.encrypt, writer=writer)
    except LookupError as error:
        raise CommandError(str(error).strip("'\"")) from None
    except (ExportError, ValueError) as error:
        raise CommandError(str(error)) from None
    finally:
        vault.close()
    encrypted = " (encrypted)" if record.recipient.startswith("recipient_key:") else ""
    print(f"exported {kind} ({args.lang}) to {record.written_to}{encrypted}; sha256 {record.checksum}")
    if "temporary_id_root_missing" in rendered.extra.get("problems", ()):
        print("askel export: the client's temporary identity code was left out of the FHIR document: the policy "
              "setting temporary_id_root is not set", file=sys.stderr)
    return 0


# ------------------------------------------------------------------------------------------------ recipient side


def run_decrypt(args: argparse.Namespace) -> int:
    from askel.export.crypto import DecryptError, decrypt, load_private_key, signer_fingerprint

    if args.out:
        check_destination(args.out, data_dir(args))  # before anything is decrypted or said
    try:
        key = load_private_key(args.key.read_bytes())
    except OSError:
        raise CommandError("the key file could not be read") from None
    except ValueError as error:
        raise CommandError(str(error)) from None
    try:
        envelope = args.file.read_bytes()
    except OSError:
        raise CommandError("the file could not be read") from None
    try:
        plain = decrypt(envelope, key)
    except DecryptError as error:
        raise CommandError(str(error)) from None
    if not plain.signer and not args.allow_unsigned:
        raise CommandError("the file is not signed by an Askel installation: anyone with the public recipient key "
                           "could have made it (use --allow-unsigned to read it anyway)")
    trusted = {text.strip() for text in args.signer}
    if trusted and plain.signer not in trusted:
        raise CommandError(f"the file is signed by installation key {signer_fingerprint(plain.signer)}, "
                           "which is not among the --signer keys")
    if plain.signer:
        checked = "a --signer key" if trusted else "not compared with a known key (give --signer)"
        print(f"signed by Askel installation {plain.installation} (key {signer_fingerprint(plain.signer)}, "
              f"{checked})", file=sys.stderr)
    if args.out:
        target = write_file(args, args.out, plain.data, what=None)
        print(f"decrypted {plain.name or args.file.name} ({plain.media_type}) to {target}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(plain.data)
        sys.stdout.buffer.flush()
    return 0


def run_keygen(args: argparse.Namespace) -> int:
    from askel.export.crypto import generate_keypair

    private_path = Path(f"{args.out}.pem")
    check_destination(private_path, data_dir(args), new_only=True)
    pem, public_b64 = generate_keypair()
    write_file(args, private_path, pem, what="private key (for the receiving service only; keep it off shared "
                                             "folders)", new_only=True)
    print("Put this public key into the policy setting export_recipient_key:")
    print(public_b64)
    return 0
