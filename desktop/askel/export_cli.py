"""`askel export …`, `askel courses …` and the recipient's tools: exports for automation and for IT.

    askel courses [--json]                       ids, client local id, method, status of every course
    askel export --course ID --format text|pdf|fhir --lang fi|sv (--out FILE | --drop-folder)
                 [--client-version] [--session N] [--encrypt]
    askel export-decrypt --key PRIVATE.pem FILE [--out PLAIN]     for the receiving side
    askel export-keygen --out PREFIX             for IT: PREFIX.pem (private) and the public key to put into the
                                                 policy setting export_recipient_key

Every export is logged exactly as from the GUI: an export-log row and a disclosure entry in the use log. With a
recipient key in the IT policy, the drop folder only ever receives encrypted files.

`register(subparsers, get_context)` adds the commands; each handler takes the parsed arguments and returns the
exit code (0 done, 1 refused or failed, with one line on standard error and no client data in it).
`get_context()` is called only when a command runs and returns an object with `data_dir`, `settings` and
`library`. The passphrase comes from ASKEL_PASSPHRASE or --passphrase-file (automation only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

FORMATS = ("text", "pdf", "fhir")


def register(subparsers: argparse._SubParsersAction, get_context: Callable[[], object]) -> None:
    courses = subparsers.add_parser("courses", help="list courses (ids, client local id, method, status)")
    courses.add_argument("--json", action="store_true", help="print JSON for automation")
    courses.set_defaults(handler=lambda args: run_courses(args, get_context))

    export = subparsers.add_parser("export", help="export a course or a session for the patient record")
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
    export.set_defaults(handler=lambda args: run_export(args, get_context))

    decrypt = subparsers.add_parser("export-decrypt", help="decrypt an encrypted export (the receiving side)")
    decrypt.add_argument("file", type=Path, metavar="FILE")
    decrypt.add_argument("--key", type=Path, required=True, metavar="PRIVATE.pem", help="the recipient private key")
    decrypt.add_argument("--out", type=Path, metavar="PLAIN", help="write here (default: standard output)")
    decrypt.set_defaults(handler=run_decrypt)

    keygen = subparsers.add_parser("export-keygen", help="for IT: create a recipient key pair for exports")
    keygen.add_argument("--out", type=Path, required=True, metavar="PREFIX", help="writes PREFIX.pem")
    keygen.set_defaults(handler=run_keygen)


def _fail(command: str, text: str) -> int:
    print(f"askel {command}: {text}", file=sys.stderr)
    return 1


def _open_vault(args):
    from askel.cli import _open_vault as open_vault

    return open_vault(args)


# ------------------------------------------------------------------------------------------------ courses


def run_courses(args: argparse.Namespace, get_context: Callable[[], object]) -> int:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from askel.store.errors import VaultError
    from askel.store.models import Course

    try:
        vault = _open_vault(args)
    except VaultError as error:
        return _fail("courses", error.message.english())
    try:
        with vault.read() as session:
            courses = list(session.scalars(
                select(Course).order_by(Course.created_at)
                .options(selectinload(Course.client), selectinload(Course.sessions))
            ))
        rows = [{
            "id": course.id, "client_local_id": course.client.local_id, "method": course.method_id,
            "protocol_version": course.protocol_version, "status": course.status,
            "start_date": course.start_date.isoformat() if course.start_date else None,
            "end_date": course.end_date.isoformat() if course.end_date else None,
            "sessions": [s.number for s in course.sessions],
        } for course in courses]
        vault.log("view", target="course_list", detail={"courses": len(rows)})
    finally:
        vault.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print("no courses")
    else:
        for row in rows:
            print(f"{row['id']}  {row['client_local_id']:<12}  {row['method']:<20}  {row['status']}")
    return 0


# ------------------------------------------------------------------------------------------------ export


def run_export(args: argparse.Namespace, get_context: Callable[[], object]) -> int:
    from askel.export.destinations import ExportError
    from askel.export.service import ExportPolicy, ExportRequest, render, save_to_drop_folder, save_to_file
    from askel.store.errors import VaultError

    if args.client_version and args.format != "pdf":
        return _fail("export", "--client-version applies to --format pdf only")
    if args.out is not None and str(args.out) == "-":
        return _fail("export", "name a file with --out; standard output is not supported")
    kind = "pdf_client" if args.client_version else args.format
    context = get_context()
    policy = ExportPolicy.from_settings(context.settings)
    try:
        vault = _open_vault(args)
    except VaultError as error:
        return _fail("export", error.message.english())
    try:
        request = ExportRequest(args.course, kind, args.lang, args.session)
        rendered = render(vault, context.library, policy, request)
        if args.drop_folder:
            record = save_to_drop_folder(vault, rendered, policy)
        else:
            record = save_to_file(vault, rendered, policy, args.out, encrypt=args.encrypt)
    except LookupError as error:
        return _fail("export", str(error).strip("'\""))
    except (ExportError, ValueError) as error:
        return _fail("export", str(error))
    except VaultError as error:
        return _fail("export", error.message.english())
    finally:
        vault.close()
    encrypted = " (encrypted)" if record.recipient.startswith("recipient_key:") else ""
    print(f"exported {kind} ({args.lang}) to {record.destination}{encrypted}; sha256 {record.checksum}")
    return 0


# ------------------------------------------------------------------------------------------------ recipient side


def run_decrypt(args: argparse.Namespace) -> int:
    from askel.core.atomic import atomic_write
    from askel.export.crypto import DecryptError, decrypt, load_private_key

    try:
        key = load_private_key(args.key.read_bytes())
    except OSError:
        return _fail("export-decrypt", "the key file could not be read")
    except ValueError as error:
        return _fail("export-decrypt", str(error))
    try:
        envelope = args.file.read_bytes()
    except OSError:
        return _fail("export-decrypt", "the file could not be read")
    try:
        plain = decrypt(envelope, key)
    except DecryptError as error:
        return _fail("export-decrypt", str(error))
    if args.out:
        try:
            atomic_write(args.out, plain.data, mode=0o600)
        except OSError as error:
            return _fail("export-decrypt", f"the output could not be written ({error.strerror or 'error'})")
        print(f"decrypted {plain.name or args.file.name} ({plain.media_type}) to {args.out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(plain.data)
        sys.stdout.buffer.flush()
    return 0


def run_keygen(args: argparse.Namespace) -> int:
    from askel.core.atomic import atomic_write
    from askel.export.crypto import generate_keypair

    private_path = Path(f"{args.out}.pem")
    if private_path.exists():
        return _fail("export-keygen", f"{private_path} already exists; not overwriting a key")
    pem, public_b64 = generate_keypair()
    try:
        atomic_write(private_path, pem, mode=0o600)
    except OSError as error:
        return _fail("export-keygen", f"the key file could not be written ({error.strerror or 'error'})")
    print(f"private key: {private_path} (for the receiving service only; keep it off shared folders)")
    print("Put this public key into the policy setting export_recipient_key:")
    print(public_b64)
    return 0
