"""`askel score …` and `askel pack …`: content commands for clinicians' checks, content authors and IT.

    askel score INSTRUMENT_ID --answers 1,2,0,… [--respondent client|parent] [--variant ID] [--sex female|male]
                [--age YEARS] [--lang fi|sv|en] [--json]
    askel pack verify FILE                   check a pack's signature, hashes and definitions (installs nothing)
    askel pack import FILE                   verify and install a pack into the data folder
    askel pack keygen --out PREFIX           create PREFIX.key (private, keep safe) and PREFIX.pub (for IT policy)
    askel pack sign DIR --key KEY [--out ZIP]  fill in the manifest, sign it, optionally write a zip

Every file written goes through `askel.cli.files.write_file` (keys never over an existing file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn

from askel.cli.common import context, data_dir
from askel.cli.files import check_destination, write_file
from askel.core.content.library import ContentLibrary, ContentNotFound
from askel.core.content.packs import (
    PackError,
    generate_keypair,
    import_pack,
    load_private_key,
    packs_dir_for,
    sign_pack,
    verify_pack,
)
from askel.core.content.scoring import Reference, ScoreResult, ScoringInputError, score
from askel.core.content.statement import from_result, wording_notes, wording_record
from askel.core.paths import resources_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    score_parser = subparsers.add_parser("score", help="score a questionnaire from its answers")
    score_parser.add_argument("instrument_id", metavar="INSTRUMENT_ID", help="e.g. phq9, gad7, oasis, auditc")
    score_parser.add_argument(
        "--answers", required=True, help="answer values in item order, comma-separated; leave blank for missing"
    )
    score_parser.add_argument("--respondent", default="client", choices=("client", "parent", "clinician"))
    score_parser.add_argument("--variant", default=None, help="cut-off choice, e.g. thl_women_20_64 for AUDIT-C")
    score_parser.add_argument("--sex", default=None, choices=("female", "male"),
                              help="sex for reference values, for limits that differ by sex (AUDIT-C)")
    score_parser.add_argument("--age", default=None, type=_age, help="the client's age in whole years")
    score_parser.add_argument("--lang", default="en", choices=("fi", "sv", "en"), help="language of labels")
    score_parser.add_argument("--json", action="store_true", help="print JSON")
    score_parser.set_defaults(handler=run_score)
    score_parser.error = _score_usage_error  # argparse's own refusals in one line too

    pack = subparsers.add_parser("pack", help="signed content packs: verify, import, create keys, sign")
    commands = pack.add_subparsers(dest="pack_command", required=True)
    verify = commands.add_parser("verify", help="check a pack without installing it")
    verify.add_argument("file", type=Path, metavar="FILE", help="pack zip or folder")
    verify.set_defaults(handler=run_pack_verify)
    install = commands.add_parser("import", help="verify and install a pack")
    install.add_argument("file", type=Path, metavar="FILE", help="pack zip or folder")
    install.set_defaults(handler=run_pack_import)
    keygen = commands.add_parser("keygen", help="create a signing key pair for content authors")
    keygen.add_argument("--out", type=Path, required=True, metavar="PREFIX", help="writes PREFIX.key and PREFIX.pub")
    keygen.set_defaults(handler=run_pack_keygen)
    sign = commands.add_parser("sign", help="sign a pack folder")
    sign.add_argument("directory", type=Path, metavar="DIR", help="the pack folder with a manifest.yaml")
    sign.add_argument("--key", type=Path, required=True, metavar="PRIVATE_KEY_FILE")
    sign.add_argument("--out", type=Path, default=None, metavar="ZIP", help="also write the signed pack as a zip")
    sign.set_defaults(handler=run_pack_sign)


def _fail(command: str, text: str) -> int:
    print(f"askel {command}: {text}", file=sys.stderr)
    return 1


def _score_usage_error(message: str) -> NoReturn:
    if "--answers" in message:
        message += " (a value that starts with '-' is written --answers=VALUES)"
    print(f"askel score: {message}", file=sys.stderr)
    sys.exit(2)


def _age(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) > 130:
        raise argparse.ArgumentTypeError(f"the age {text!r} is not whole years from 0 to 130")
    return int(text)


# ------------------------------------------------------------------------------------------------ score


def parse_answers(text: str, item_ids: tuple[str, ...]) -> dict[str, int | None]:
    """`1,,2` → {item1: 1, item2: None, item3: 2}; the count must match the instrument's items.

    An answer is written with the digits 0-9 only: no sign, no superscript (²), no full-width (１) or other script's
    digits, no decimals; anything else is refused in one line naming the answer and the question."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != len(item_ids):
        raise ValueError(f"expected {len(item_ids)} answers, got {len(parts)}")
    answers: dict[str, int | None] = {}
    for item_id, part in zip(item_ids, parts, strict=True):
        if part == "":
            answers[item_id] = None
        elif part.isascii() and part.isdigit() and len(part) <= 3:
            answers[item_id] = int(part)
        else:
            raise ValueError(f"answer {part!r} for {item_id} is not a whole number written with the digits 0-9")
    return answers


def run_score(args: argparse.Namespace) -> int:
    ctx = context(args)
    # The same view of content as the app: shipped definitions plus installed packs that IT policy still trusts.
    library = ContentLibrary.load(
        resources_dir(), packs_dir_for(ctx.data_dir), trusted_keys=list(ctx.trusted_pack_keys)
    )
    try:
        instrument = library.instrument(args.instrument_id)
    except ContentNotFound:
        known = ", ".join(i.id for i in library.instruments())
        return _fail("score", f"unknown instrument {args.instrument_id!r}; known: {known}")
    try:
        answers = parse_answers(args.answers, instrument.item_ids)
        reference = Reference(age=args.age, sex=args.sex)
        result = score(instrument, answers, args.respondent, threshold_variant=args.variant, reference=reference)
    except ScoringInputError as error:
        return _fail("score", str(error))
    except ValueError as error:
        return _fail("score", str(error))
    if args.json:
        print(json.dumps(score_as_json(result, instrument), ensure_ascii=False, indent=2))
    else:
        print(_score_text(result, instrument, args.lang))
    return 0


def _number(value: float | None) -> int | float | None:
    return int(value) if value is not None and float(value).is_integer() else value


def score_as_json(result: ScoreResult, instrument) -> dict:
    """The engine's result as the app stores and shows it (askel.core.content.statement)."""
    return {
        "instrument": result.instrument_id,
        "version": result.instrument_version,
        "respondent": result.respondent,
        "total": _number(result.total),
        "subscales": {key: _number(value) for key, value in result.subscales.items()},
        "band": None if result.band is None else {
            "id": result.band.id, "severity": result.band.severity, "label": result.band.label.model_dump()
        },
        "band_set": result.band_set,
        # Sex for reference values not given: each limit that may apply, and whether the score reaches it.
        "limits": [{"band_set": band_set.id, "label": band_set.label.model_dump() if band_set.label else None,
                    "reached": band is not None and band.severity > 0} for band_set, band in result.candidate_bands],
        "alerts": [
            {"item": alert.item_id, "kind": alert.kind, "value": alert.value, "unanswered": alert.unanswered,
             "text": alert.text.model_dump()}
            for alert in result.alerts
        ],
        "complete": result.complete,
        "prorated": result.prorated,
        "missing_items": list(result.missing_items),
        "wording": wording_record(instrument),
        "refused_reason": None if result.refused_reason is None else result.refused_reason.english(),
    }


def _score_text(result: ScoreResult, instrument, language: str) -> str:
    statement = from_result(instrument, result)
    name = instrument.short_name.get(language)
    lines = [f"{name} ({result.instrument_id} version {result.instrument_version}), respondent: {result.respondent}"]
    if result.total is None:
        reason = result.refused_reason.english() if result.refused_reason else ""
        lines.append(f"Total: not scored. {reason}".rstrip())
    else:
        lines.append(f"Total: {_number(result.total)}" + (" (prorated)" if result.prorated else ""))
    if result.subscales:
        parts = ", ".join(f"{key} {_display(value)}" for key, value in result.subscales.items())
        lines.append(f"Subscales: {parts}")
    if result.band is not None:
        lines.append(f"Band: {result.band.label.get(language)} ({result.band.id}, severity {result.band.severity})")
    elif result.total is not None and not statement.limits and not statement.no_limit_for_age:
        lines.append("Band: none" + (" (choose a cut-off with --variant)" if result.band_set is None else ""))
    lines.extend(statement.limit_sentences(language))
    if statement.prorated:
        lines.append(statement.prorated_text(language))
    for alert in result.alerts:
        answer = "not answered" if alert.unanswered else str(alert.value)
        lines.append(f"ALERT ({alert.kind}, {alert.item_id} = {answer}): {alert.text.get(language)}")
    lines.extend(wording_notes([statement], language))
    return "\n".join(lines)


def _display(value: float | None) -> str:
    return "not scored" if value is None else str(_number(value))


# ------------------------------------------------------------------------------------------------ packs


def run_pack_verify(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        manifest = verify_pack(args.file, list(ctx.trusted_pack_keys))
    except PackError as error:
        return _fail("pack verify", str(error))
    print(f"valid pack {manifest.id} version {manifest.version} from {manifest.publisher}: "
          f"{len(manifest.contents)} files")
    return 0


def run_pack_import(args: argparse.Namespace) -> int:
    ctx = context(args)
    packs_dir = packs_dir_for(ctx.data_dir)
    try:
        manifest = import_pack(args.file, packs_dir, list(ctx.trusted_pack_keys))
    except PackError as error:
        return _fail("pack import", str(error))
    print(f"imported pack {manifest.id} version {manifest.version} into {packs_dir / manifest.id / manifest.version}")
    return 0


def run_pack_keygen(args: argparse.Namespace) -> int:
    private_path = Path(f"{args.out}.key")
    public_path = Path(f"{args.out}.pub")
    for path in (private_path, public_path):
        check_destination(path, data_dir(args), new_only=True)
    pair = generate_keypair()
    write_file(args, private_path, pair.private_pem, what="private key (keep it secret and off shared folders)",
               new_only=True)
    write_file(args, public_path, (pair.public_key + "\n").encode("ascii"), what="public key", mode=0o644,
               new_only=True)
    print(f"public key for the IT policy setting trusted_pack_keys: {pair.public_key}")
    return 0


def run_pack_sign(args: argparse.Namespace) -> int:
    check_destination(args.directory / "manifest.sig", data_dir(args))
    if args.out is not None:
        check_destination(args.out, data_dir(args))
    signed = []
    try:
        key = load_private_key(args.key.read_bytes())
        if args.out is None:
            signed.append(sign_pack(args.directory, key))
        else:
            write_file(args, args.out, lambda path: signed.append(sign_pack(args.directory, key, out_zip=path)),
                       what=None, mode=0o644)
    except OSError as error:
        return _fail("pack sign", f"cannot read or write a file: {error.strerror or error}")
    except PackError as error:
        return _fail("pack sign", str(error))
    manifest = signed[0]
    print(f"signed pack {manifest.id} version {manifest.version}: {len(manifest.contents)} files"
          + (f", written to {args.out}" if args.out else ""))
    return 0
