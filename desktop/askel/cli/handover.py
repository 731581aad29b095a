"""`askel handover …`: hand a client's courses to a colleague's Askel, receive them, confirm the receipt.

    askel handover give --client ID [--course ID …] --to NAME --out FILE [--keep | --remove-after-confirm]
        writes the encrypted, signed handover file; the six-word code is the last line printed (give it to the
        colleague in person or by phone: it is not stored anywhere)
    askel handover receive FILE [--code-file F] [--yes] [--receipt-out R]
        asks for the code at the terminal without echo (or reads the first line of F), shows what will arrive and
        imports it on confirmation (--yes confirms, for automation); in "remove" mode writes the receipt for the
        giver (default: beside FILE, named …askelreceipt)
    askel handover confirm RECEIPT
        the giver: reads the receiver's receipt and removes the handed-over courses ("remove" mode)

See askel.export.handover for the file, the receipt and what is logged.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from askel.cli.common import CommandError, context, open_vault, read_passphrase_file
from askel.cli.files import check_destination, write_file


def register(commands: argparse._SubParsersAction) -> None:
    handover = commands.add_parser("handover", help="hand a client over to a colleague's Askel, or receive one")
    sub = handover.add_subparsers(dest="handover_command", required=True)

    give = sub.add_parser("give", help="write a handover file of a client's courses; prints the code last")
    give.add_argument("--client", required=True, metavar="ID", help="the client's id or local identifier")
    give.add_argument("--course", action="append", metavar="ID",
                      help="a course to hand over (repeat for more; default: every course that is not already "
                           "handed over)")
    give.add_argument("--to", required=True, metavar="NAME", help="the colleague who receives the client")
    give.add_argument("--out", required=True, type=Path, metavar="FILE", help="the handover file to write")
    mode = give.add_mutually_exclusive_group()
    mode.add_argument("--keep", dest="mode", action="store_const", const="keep",
                      help="keep a read-only copy here, marked as handed over (the default)")
    mode.add_argument("--remove-after-confirm", dest="mode", action="store_const", const="remove",
                      help="remove the courses here once the receiver's receipt is read with `confirm`")
    give.set_defaults(handler=run_give, mode="keep")

    receive = sub.add_parser("receive", help="receive a handover file")
    receive.add_argument("file", type=Path, metavar="FILE")
    receive.add_argument("--code-file", type=Path, metavar="F",
                         help="read the code from the first line of F (automation only; else it is asked)")
    receive.add_argument("--yes", action="store_true", help="import without asking (automation)")
    receive.add_argument("--receipt-out", type=Path, metavar="R",
                         help="where to write the receipt for the giver (default: beside FILE)")
    receive.set_defaults(handler=run_receive)

    confirm = sub.add_parser("confirm", help="the giver: read the receiver's receipt")
    confirm.add_argument("receipt", type=Path, metavar="RECEIPT")
    confirm.set_defaults(handler=run_confirm)


def _language(args) -> str:
    language = str(context(args).settings.get("language") or "fi")
    return language if language in ("fi", "sv") else "fi"


def _read(path: Path, limit: int, what: str) -> bytes:
    try:
        if path.is_dir():
            raise CommandError(f"{path} is a folder, not a {what}")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise CommandError(f"{path} does not exist") from None
    except OSError as error:
        raise CommandError(f"{path} cannot be read ({error.strerror or 'error'})") from None
    return data


def _refusal(error) -> CommandError:
    return CommandError(error.message.english())


# ------------------------------------------------------------------------------------------------ give
def run_give(args) -> int:
    from sqlalchemy import or_, select

    from askel.cli.common import data_dir
    from askel.export import handover
    from askel.store.handover import handed_over_ids
    from askel.store.models import Client, Course
    from askel.store.vault import DataFolder

    out = check_destination(args.out, data_dir(args))  # before anything is logged
    ctx = context(args)
    vault = open_vault(args)
    try:
        with vault.read() as session:
            client = session.scalar(select(Client).where(or_(Client.id == args.client,
                                                             Client.local_id == args.client)))
            if client is None:
                raise CommandError("no such client")
            own = list(session.scalars(select(Course.id).where(Course.client_id == client.id)))
            course_ids = args.course or [c for c in own if c not in handed_over_ids(session, own)]
            if any(course_id not in own for course_id in course_ids):
                raise CommandError("a --course is not a course of this client (see `askel courses`)")
        try:
            given = handover.give(
                vault, ctx.library, DataFolder(ctx.data_dir).packs, client.id, course_ids, receiver_name=args.to,
                mode=args.mode, language=_language(args), destination=str(out), written_path=out,
                write=lambda data: write_file(args, out, data, what=None))
        except handover.HandoverRefused as error:
            raise _refusal(error) from None
    finally:
        vault.close()
    courses = len(course_ids)
    print(f"handover file written to {out}: {courses} course{'s' if courses != 1 else ''}, for {args.to}; "
          + ("a read-only copy stays here" if args.mode == "keep"
             else "removed here once their receipt is read (`askel handover confirm RECEIPT`)"))
    print("give this code to the receiver in person or by phone; it is shown only now:")
    print(given.code.text(_language(args)))
    return 0


# ------------------------------------------------------------------------------------------------ receive
def _code(args) -> str:
    if args.code_file is not None:
        return read_passphrase_file(args.code_file, "--code-file", "a handover code")
    if not _interactive():
        raise CommandError("give the handover code: type it at a terminal, or (automation only) use --code-file F")
    try:
        typed = getpass.getpass("Handover code (six words): ")
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        raise CommandError("no handover code given; nothing was imported") from None
    return typed


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def run_receive(args) -> int:
    from askel.cli.common import data_dir
    from askel.core.handover_code import CodeError
    from askel.export import handover
    from askel.store.vault import DataFolder

    data = _read(args.file, handover.MAX_FILE_BYTES, "handover file")
    receipt_path = args.receipt_out or args.file.with_name(args.file.name.removesuffix(handover.SUFFIX)
                                                           + handover.RECEIPT_SUFFIX)
    check_destination(receipt_path, data_dir(args))
    ctx = context(args)
    language = _language(args)
    vault = open_vault(args)
    try:
        try:
            handover.peek(vault, data)
        except handover.HandoverRefused as error:
            again = handover.receipt_again(vault, data) if error.reason == "received_twice" else None
            if again is not None:
                write_file(args, receipt_path, again, what=None)
                raise CommandError(f"{error.message.english()} The receipt was written again to {receipt_path}.") \
                    from None
            raise _refusal(error) from None
        try:
            offer = handover.open_handover(vault, data, _code(args), library=ctx.library,
                                           trusted_keys=ctx.trusted_pack_keys, language=language)
        except (handover.HandoverRefused, CodeError) as error:
            raise _refusal(error) from None
        _show(offer)
        if not args.yes and not _confirmed():
            handover.decline(vault, offer, language=language)
            raise CommandError("not imported")
        try:
            done = handover.accept(vault, offer, packs_dir=DataFolder(ctx.data_dir).packs,
                                   trusted_keys=ctx.trusted_pack_keys, language=language)
        except handover.HandoverRefused as error:
            raise _refusal(error) from None
    finally:
        vault.close()
    print(f"received: client {offer.client.get('local_id')}, {len(offer.courses())} course(s) from {done.giver_name}")
    if done.receipt is not None:
        write_file(args, receipt_path, done.receipt, what=None)
        print(f"receipt written to {receipt_path}; send it to {done.giver_name}: their Askel removes its copy "
              "when it reads the receipt")
    return 0


def _show(offer) -> None:
    """What will arrive, for the person at the terminal (the client's name is shown as the program shows it)."""
    client = offer.client
    first, last = offer.date_range()
    print(f"from: {offer.giver.get('name', '')} ({offer.giver.get('role', '')}), installation "
          f"{offer.sealed.installation}, made {offer.created}")
    print(f"client: {client.get('family_name')}, {client.get('given_names')}, born {client.get('birth_date')}, "
          f"{client.get('hetu') or client.get('local_id')}"
          + {"new": " (new here)", "matched": " (already here: the details here are kept)",
             "returning": " (handed over from here before: the returned details replace the copy here)"}
          [offer.plan.client_state])
    for course in offer.courses():
        print(f"course: {course.method_id} (protocol {course.protocol_version}), {course.status}, "
              f"{course.sessions} session(s), {course.questionnaires} questionnaire(s)"
              + (" (returning)" if course.returning else ""))
    print(f"dates: {first or '-'} to {last or '-'}")
    for pack in offer.packs:
        print(f"content pack to install: {pack['id']} {pack['version']}")
    print("mode: " + ("the giver keeps a read-only copy" if offer.mode == "keep"
                      else "the giver removes their copy when your receipt reaches them"))


def _confirmed() -> bool:
    if not _interactive():
        raise CommandError("confirm with --yes (nothing was imported)")
    try:
        answer = input("Import this handover? [y/N] ")
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return False
    return answer.strip().lower() in ("y", "yes", "k", "kyllä", "j", "ja")


# ------------------------------------------------------------------------------------------------ confirm
def run_confirm(args) -> int:
    from askel.export import handover

    data = _read(args.receipt, handover.MAX_RECEIPT_BYTES, "receipt")
    vault = open_vault(args)
    try:
        try:
            done = handover.confirm_receipt(vault, data, language=_language(args))
        except handover.HandoverRefused as error:
            raise _refusal(error) from None
    finally:
        vault.close()
    print(f"receipt from {done.receiver_name} read: {len(done.removed_courses)} course(s) removed"
          + (", and the client" if done.client_removed else ""))
    return 0
