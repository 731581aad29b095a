"""Handing a client over to a colleague's Askel: the handover file, giving, receiving, and the receipt.

    result = give(vault, library, packs_dir, client_id, course_ids, receiver_name="…", mode="keep",
                  language="fi", write=lambda data: …)           # result.code: show it once, never stored
    offer = open_handover(vault, data, typed_code, library=…, trusted_keys=…, language="fi")  # what will arrive
    done = accept(vault, offer, packs_dir=…, trusted_keys=…)    # one transaction; done.receipt when one is due
    confirm_receipt(vault, receipt_bytes, language="fi")         # the giver: removes the courses ("remove" mode)

The handover file (no client data outside the encrypted part):

    ASKEL-HANDOVER-1\\n                      magic line
    {"format": 1, "id": …, "schema": …, "training": …, "created": …, "installation": …, "signer": …,
     "kdf": {Argon2id parameters and salt}, "nonce": …}\\n        header: one line of JSON
    <base64 Ed25519 signature>\\n           by the giving installation, over the magic line, header and ciphertext
    <ciphertext>                            AES-256-GCM of the zlib-compressed JSON payload; the magic line and the
                                            header are its associated data

The key is Argon2id of the six-word code (askel.core.handover_code), with the giving vault's own Argon2id cost.
The signature tells a changed or cut file (refused as damaged, before any code is tried) from a wrong code (counted
and throttled like a wrong passphrase, in `handover-attempts.json` in the data folder). The payload holds every
column of the carried rows (askel.store.handover), who gives it to whom, the mode, the content versions used and
the signed content packs they came from, and a secret that only a receiver who opened the file knows.

Why a receipt file: there is no server between two Askels. In "remove" mode the giver's copy goes only when the
receiver's Askel has the whole handover, and the receiver's Askel proves that with a small file (no client data):
signed by the receiving installation, naming the receiver, and carrying an HMAC under the file's secret, so nobody
who did not open the file can make one. The receiver sends it back by any channel (e-mail, a USB stick); the
giver's Askel reads it, removes the courses, and logs the receiver's name and installation. A code read back over
the phone could prove the same, but would not carry the receiving installation into the giver's log.

Both ends log every step (given, received, refused, removed) in the use log and the disclosure log, with the
counterpart's name and installation, per course, under the client: the client's own audit export shows them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import uuid
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from askel.core.content.library import ContentLibrary, ContentNotFound
from askel.core.content.packs import (
    PackError,
    install_pack_files,
    provided_definitions,
    read_installed_pack,
    verify_pack_files,
)
from askel.core.handover_code import CodeError, HandoverCode, new_code, parse_code
from askel.core.i18n import QT_TRANSLATE_NOOP, Message
from askel.export.destinations import remove_quietly
from askel.export.log import Disclosure, add_disclosure
from askel.store import audit, migrate
from askel.store import handover as rows_store
from askel.store.errors import TooManyAttempts
from askel.store.handover import HandoverRefused, Plan, refused
from askel.store.installation import identity, public_key_from_b64
from askel.store.keyfile import SALT_BYTES, KdfParams
from askel.store.models import Handover, utcnow
from askel.store.vault import AttemptCounter

FORMAT = 1
MAGIC_PREFIX = b"ASKEL-HANDOVER-"
MAGIC = b"ASKEL-HANDOVER-1\n"
RECEIPT_MAGIC = b"ASKEL-HANDOVER-RECEIPT-1\n"
SUFFIX = ".askelhandover"
RECEIPT_SUFFIX = ".askelreceipt"
MODES = ("keep", "remove")
ATTEMPTS_FILE = "handover-attempts.json"
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PLAIN_BYTES = 256 * 1024 * 1024
MAX_HEADER_BYTES = 4096
MAX_RECEIPT_BYTES = 16 * 1024
KIND = "handover"
_CONTEXT = "Handover"
_PACK_SOURCE = re.compile(r"^pack (\S+) (\S+): ")


# -- the messages a receiver or giver may see (one line each, no client data) -----------------------------------
DAMAGED = QT_TRANSLATE_NOOP("Handover", "This is not a handover file, or it is damaged or was changed after it was "
                                        "written. Nothing was imported.")
NEWER = QT_TRANSLATE_NOOP("Handover", "This handover file was made by a newer version of Askel. Update Askel to "
                                      "receive it. Nothing was imported.")
WRONG_CODE = QT_TRANSLATE_NOOP("Handover", "The handover code is not correct. Check the six words with the person "
                                           "who gave it. Nothing was imported.")
TOO_MANY = QT_TRANSLATE_NOOP("Handover", "Too many wrong handover codes. Try again in {seconds} seconds.")
REAL_INTO_TRAINING = QT_TRANSLATE_NOOP("Handover", "This handover holds real client data and this is a training "
                                                   "vault. Nothing was imported.")
TRAINING_INTO_REAL = QT_TRANSLATE_NOOP("Handover", "This handover comes from a training vault and holds no real "
                                                   "client. It cannot go into real data. Nothing was imported.")
ALREADY_RECEIVED = QT_TRANSLATE_NOOP("Handover", "This handover was already received on {date}. Nothing was "
                                                 "imported again.")
GIVEN_HERE = QT_TRANSLATE_NOOP("Handover", "This handover was made in this Askel; it is for the colleague who "
                                           "receives it. Nothing was imported.")
MISSING_PROTOCOL = QT_TRANSLATE_NOOP("Handover", "The handover uses protocol {id} version {version}, which this "
                                                 "Askel does not have. Update Askel, or ask IT for the content pack. "
                                                 "Nothing was imported.")
MISSING_INSTRUMENT = QT_TRANSLATE_NOOP("Handover", "The handover uses questionnaire {id} version {version}, which "
                                                   "this Askel does not have. Update Askel, or ask IT for the "
                                                   "content pack. Nothing was imported.")
UNTRUSTED_PACK = QT_TRANSLATE_NOOP("Handover", "The handover needs content pack {pack} version {version}, which is "
                                               "not signed by a key your organisation trusts. Nothing was imported.")
RECEIPT_DAMAGED = QT_TRANSLATE_NOOP("Handover", "This is not a handover receipt, or it is damaged. Nothing was "
                                                "removed.")
RECEIPT_UNKNOWN = QT_TRANSLATE_NOOP("Handover", "This receipt is for a handover not given from this Askel. Nothing "
                                                "was removed.")
RECEIPT_FORGED = QT_TRANSLATE_NOOP("Handover", "This receipt does not match the handover it names. Nothing was "
                                               "removed.")
RECEIPT_DONE = QT_TRANSLATE_NOOP("Handover", "This receipt was already read on {date}; the client's courses were "
                                             "removed then.")
RECEIPT_KEPT = QT_TRANSLATE_NOOP("Handover", "You chose to keep a read-only copy of this handover, so the receipt "
                                             "removes nothing.")


# -- the file ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sealed:
    """A handover file taken apart; the header is read, the signature checked, nothing decrypted yet."""

    header: dict
    header_line: bytes
    ciphertext: bytes
    data: bytes  # the whole file, for the checksum in the logs
    sha256: str

    @property
    def id(self) -> str:
        return str(self.header["id"])

    @property
    def installation(self) -> str:
        return str(self.header.get("installation", ""))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _canonical(value: dict) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def seal(payload: dict, code: HandoverCode, ident, *, header: dict, kdf_iterations: int) -> bytes:
    """Compress, encrypt under the code, sign with the installation key."""
    kdf = KdfParams(salt=os.urandom(SALT_BYTES), iterations=kdf_iterations)
    nonce = os.urandom(12)
    header = {**header, "format": FORMAT, "installation": ident.id, "signer": ident.public_key_b64,
              "kdf": kdf.to_json(), "nonce": _b64(nonce)}
    header_line = _canonical(header) + b"\n"
    plain = zlib.compress(_canonical(payload), 6)
    ciphertext = AESGCM(kdf.derive(code.secret())).encrypt(nonce, plain, MAGIC + header_line)
    signature = ident.sign(MAGIC + header_line + ciphertext)
    return MAGIC + header_line + _b64(signature).encode("ascii") + b"\n" + ciphertext


def read_sealed(data: bytes) -> Sealed:
    """The header of a handover file with its signature checked: HandoverRefused (damaged, newer) otherwise."""
    if not data.startswith(MAGIC):
        newer = re.match(rb"ASKEL-HANDOVER-(\d{1,6})\n", data[:32])
        if newer and int(newer.group(1)) > FORMAT:
            raise refused("newer", NEWER)
        raise refused("damaged", DAMAGED)
    header_end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES)
    signature_end = data.find(b"\n", header_end + 1, header_end + 200) if header_end > 0 else -1
    if header_end < 0 or signature_end < 0:
        raise refused("damaged", DAMAGED)
    header_line = data[len(MAGIC):header_end + 1]
    ciphertext = data[signature_end + 1:]
    try:
        header = json.loads(header_line)
        if not isinstance(header, dict):
            raise ValueError("header is not an object")
        signer = public_key_from_b64(str(header["signer"]))
        signer.verify(_unb64(data[header_end + 1:signature_end].decode("ascii")), MAGIC + header_line + ciphertext)
        str(uuid.UUID(str(header["id"])))
    except (InvalidSignature, ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise refused("damaged", DAMAGED) from None
    if header.get("format") != FORMAT:
        raise refused("newer" if isinstance(header.get("format"), int) and header["format"] > FORMAT
                       else "damaged", NEWER if isinstance(header.get("format"), int) else DAMAGED)
    return Sealed(header, header_line, ciphertext, data, hashlib.sha256(data).hexdigest())


def _open_payload(sealed: Sealed, code: HandoverCode) -> dict | None:
    """The payload, or None when the code does not open the file. HandoverRefused when it is not usable."""
    try:
        kdf = KdfParams.from_json(sealed.header["kdf"])
        nonce = _unb64(sealed.header["nonce"])
        if len(nonce) != 12:
            raise ValueError("bad nonce")
        key = kdf.derive(code.secret())
    except Exception:  # a hostile header (absurd KDF parameters, bad salt): damaged, never a crash
        raise refused("damaged", DAMAGED) from None
    try:
        compressed = AESGCM(key).decrypt(nonce, sealed.ciphertext, MAGIC + sealed.header_line)
    except InvalidTag:
        return None
    try:
        inflater = zlib.decompressobj()
        plain = inflater.decompress(compressed, MAX_PLAIN_BYTES)
        if inflater.unconsumed_tail:
            raise ValueError("too large")
        payload = json.loads(plain)
        if not isinstance(payload, dict) or payload.get("id") != sealed.id:
            raise ValueError("payload does not belong to this header")
        if payload.get("training") is not sealed.header.get("training"):
            raise ValueError("training flag differs")
        if payload.get("giver", {}).get("key") != sealed.header.get("signer"):
            raise ValueError("signer differs")
        if payload.get("mode") not in MODES or len(_unb64(payload.get("secret"))) != 32:
            raise ValueError("bad mode or secret")
        payload["rows"] = rows_store.check_rows(payload.get("rows"))
    except (ValueError, TypeError, KeyError, AttributeError, zlib.error, RecursionError):
        raise refused("damaged", DAMAGED) from None
    return payload


# -- giving ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Given:
    code: HandoverCode
    handover_id: str
    data: bytes


def content_used(rows: rows_store.Rows) -> tuple[list[list[str]], list[list[str]]]:
    protocols = sorted({(c["method_id"], c["protocol_version"]) for c in rows.courses})
    instruments = sorted({(a["instrument_id"], a["instrument_version"]) for a in rows.administrations})
    return [list(p) for p in protocols], [list(i) for i in instruments]


def _packs_for(library: ContentLibrary, packs_dir: Path, protocols, instruments) -> list[dict]:
    """The installed packs that the used definitions (and their wording) came from, files included."""
    wanted: set[tuple[str, str]] = set()
    for kind, pairs in (("protocol", protocols), ("instrument", instruments)):
        for definition_id, version in pairs:
            try:
                definition = (library.protocol if kind == "protocol" else library.instrument)(definition_id, version)
            except ContentNotFound:
                continue
            sources = [library.source(definition)]
            if kind == "instrument":
                sources.append(library.wording_source(definition) or "")
            for source in sources:
                match = _PACK_SOURCE.match(source)
                if match:
                    wanted.add((match.group(1), match.group(2)))
    packs = []
    for pack_id, version in sorted(wanted):
        try:
            manifest, files = read_installed_pack(Path(packs_dir) / pack_id / version)
        except PackError:
            continue  # the receiver then names what is missing
        packs.append({"id": manifest.id, "version": manifest.version,
                      "files": {name: _b64(data) for name, data in sorted(files.items())}})
    return packs


def give(vault, library: ContentLibrary, packs_dir: Path, client_id: str, course_ids: Sequence[str], *,
         receiver_name: str, mode: str, language: str, write: Callable[[bytes], None], destination: str,
         written_path: Path | None = None, kdf_iterations: int | None = None) -> Given:
    """Write the handover file and log it, in one transaction: the file exists exactly when the log says so.

    `write(data)` writes the file (atomically) after the rows are flushed and before the commit; when the commit
    fails, the file at `written_path` is removed again (as `export.log.record_disclosure` does)."""
    receiver_name = " ".join(receiver_name.split())[:100]
    if not receiver_name:
        raise refused("no_receiver", QT_TRANSLATE_NOOP("Handover", "Write the name of the colleague who receives "
                                                                    "the client."))
    if mode not in MODES:
        raise ValueError("unknown handover mode")
    code = new_code()
    handover_id = str(uuid.uuid4())
    secret = os.urandom(32)
    written = False
    try:
        data = _give(vault, library, packs_dir, client_id, course_ids, receiver_name=receiver_name, mode=mode,
                     language=language, destination=destination, code=code, handover_id=handover_id, secret=secret,
                     kdf_iterations=kdf_iterations, write=write)
        written = True
    finally:
        if not written and written_path is not None and written_path.exists():
            remove_quietly(written_path)
    return Given(code, handover_id, data)


def _give(vault, library, packs_dir, client_id, course_ids, *, receiver_name, mode, language, destination, code,
          handover_id, secret, kdf_iterations, write) -> bytes:
    with vault.write() as session:
        rows = rows_store.collect(session, client_id, list(course_ids))
        ident = identity(session)
        protocols, instruments = content_used(rows)
        created = utcnow().isoformat(timespec="seconds") + "Z"
        schema = migrate.head_revision()
        payload = {
            "format": FORMAT, "id": handover_id, "schema": schema, "created": created, "training": vault.training,
            "giver": {"name": vault.actor.name, "role": vault.actor.role, "installation": ident.id,
                      "key": ident.public_key_b64},
            "receiver_name": receiver_name, "mode": mode, "secret": _b64(secret),
            "audit_head": str(audit.head(session)),
            "content": {"protocols": protocols, "instruments": instruments},
            "packs": _packs_for(library, packs_dir, protocols, instruments),
            "rows": rows.as_json(),
        }
        data = seal(payload, code, ident, header={"id": handover_id, "schema": schema, "training": vault.training,
                                                  "created": created},
                    kdf_iterations=kdf_iterations or vault.key_file.kdf.iterations)
        sha256 = hashlib.sha256(data).hexdigest()
        ids = [course["id"] for course in rows.courses]
        rows_store.mark_given(session, handover_id=handover_id, client_id=client_id, course_ids=ids,
                              receiver_name=receiver_name, mode=mode, secret=secret, file_sha256=sha256)
        for course_id in ids:
            _log(session, vault, "given", language, client_id=client_id, course_id=course_id, data=data,
                 destination=destination, counterpart=receiver_name, installation="", handover_id=handover_id,
                 detail={"mode": mode}, chosen_name=True)
        write(data)
    return data


def _log(session, vault, step: str, language: str, *, client_id: str | None, course_id: str | None, data: bytes,
         destination: str, counterpart: str, installation: str, handover_id: str, detail: dict | None = None,
         success: bool = True, chosen_name: bool = False) -> None:
    """One handover step in the disclosure log and the use log, naming the counterpart and its installation.

    `chosen_name`: `destination` is the file the giver named, logged by its pseudonym (askel.export.log)."""
    add_disclosure(
        session, vault.actor, Disclosure(client_id, course_id, None, KIND, language if language in ("fi", "sv")
                                         else "fi"),
        action="handover", destination=destination, data=data, recipient=f"clinician:{counterpart}"[:200],
        basis=f"handover_{step}", success=success, chosen_name=chosen_name,
        detail={"step": step, "handover_id": handover_id, "counterpart": counterpart,
                "counterpart_installation": installation, **(detail or {})},
    )


# -- receiving ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CourseSummary:
    id: str
    method_id: str
    protocol_version: str
    status: str
    first: date | None
    last: date | None
    sessions: int
    questionnaires: int
    returning: bool


@dataclass
class Offer:
    """An opened handover file, checked and matched: what the receiver is asked to accept."""

    sealed: Sealed
    payload: dict
    plan: Plan
    packs: list[dict] = field(default_factory=list)  # verified packs to install: {"id", "version", "files"}

    @property
    def giver(self) -> dict:
        return self.payload["giver"]

    @property
    def client(self) -> dict:
        return self.payload["rows"]["client"]

    @property
    def mode(self) -> str:
        return self.payload["mode"]

    @property
    def receiver_name(self) -> str:
        return str(self.payload.get("receiver_name", ""))

    @property
    def created(self) -> str:
        return str(self.payload.get("created", ""))

    def courses(self) -> list[CourseSummary]:
        rows = self.payload["rows"]
        summaries = []
        for course in rows["course"]:
            sessions = [s for s in rows["session"] if s["course_id"] == course["id"]]
            administrations = [a for a in rows["administration"] if a["course_id"] == course["id"]]
            days = [day(course.get(key)) for key in ("need_established", "start_date", "end_date")]
            days += [day(s.get("starts_at")) for s in sessions] + [day(a.get("administered_at"))
                                                                    for a in administrations]
            days = [d for d in days if d is not None]
            summaries.append(CourseSummary(
                course["id"], course["method_id"], course["protocol_version"], course.get("status", ""),
                min(days) if days else None, max(days) if days else None, len(sessions), len(administrations),
                course["id"] in self.plan.returning_courses))
        return summaries

    def date_range(self) -> tuple[date | None, date | None]:
        courses = self.courses()
        firsts = [c.first for c in courses if c.first]
        lasts = [c.last for c in courses if c.last]
        return (min(firsts) if firsts else None, max(lasts) if lasts else None)


def _shown(when: datetime) -> str:
    """A date in a message, as both Finnish and Finland-Swedish write it: 5.12.2026."""
    return f"{when.day}.{when.month}.{when.year}"


def day(value) -> date | None:
    """The day of an ISO date or time in the file, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


@dataclass(frozen=True)
class Received:
    client_id: str
    handover_id: str
    receipt: bytes | None  # in "remove" mode: the file to send back to the giver
    giver_name: str


def peek(vault, data: bytes) -> Sealed:
    """The checks that need no code: damaged, newer, training or real, received before. Logged when refused."""
    try:
        return _peek(vault, data)
    except HandoverRefused as error:
        _log_refusal(vault, error, data, None)
        raise


def _peek(vault, data: bytes) -> Sealed:
    if len(data) > MAX_FILE_BYTES:
        raise refused("damaged", DAMAGED)
    sealed = read_sealed(data)
    if sealed.header.get("schema") not in migrate.REVISIONS:
        raise refused("newer", NEWER)
    training = sealed.header.get("training")
    if not isinstance(training, bool):
        raise refused("damaged", DAMAGED)
    if training != vault.training:
        raise (refused("training_into_real", TRAINING_INTO_REAL) if training
               else refused("real_into_training", REAL_INTO_TRAINING))
    with vault.read() as session:
        earlier = rows_store.received(session, sealed.id)
    if earlier is not None:
        if earlier.direction == "given":
            raise refused("given_here", GIVEN_HERE)
        raise refused("received_twice", ALREADY_RECEIVED, date=_shown(earlier.at))
    return sealed


def attempts(vault) -> AttemptCounter:
    return AttemptCounter(Path(vault.folder.root) / ATTEMPTS_FILE)


def open_handover(vault, data: bytes, code: str | HandoverCode, *, library: ContentLibrary,
                  trusted_keys: Sequence[str], language: str = "fi") -> Offer:
    """Check the file, open it with the code and see how it would land: an Offer, or HandoverRefused (logged).

    A code that is not six list words is a CodeError (not counted: no key was tried); a wrong one is counted, and
    after five the next try waits, as for the passphrase (TooManyAttempts, also logged)."""
    sealed = peek(vault, data)
    try:
        typed = code if isinstance(code, HandoverCode) else parse_code(code)
        counter = attempts(vault)
        try:
            counter.check()
        except TooManyAttempts as error:
            raise refused("throttled", TOO_MANY, seconds=error.wait_seconds) from None
        payload = _open_payload(sealed, typed)
        if payload is None:
            counter.add_failure()
            raise refused("wrong_code", WRONG_CODE)
        counter.clear()
        packs = _check_content(payload, library, trusted_keys)
        with vault.read() as session:
            plan = rows_store.plan_import(session, payload["rows"])
    except HandoverRefused as error:
        _log_refusal(vault, error, data, sealed, language=language)
        raise
    return Offer(sealed, payload, plan, packs)


def _check_content(payload: dict, library: ContentLibrary, trusted_keys: Sequence[str]) -> list[dict]:
    """Every protocol and instrument version the file uses is here, or comes in a trusted pack inside it."""
    try:
        content = payload.get("content") or {}
        needed = [("protocol", str(i), str(v)) for i, v in content.get("protocols", [])]
        needed += [("instrument", str(i), str(v)) for i, v in content.get("instruments", [])]
        rows = payload["rows"]
        needed += [("protocol", c["method_id"], c["protocol_version"]) for c in rows["course"]]
        needed += [("instrument", a["instrument_id"], a["instrument_version"]) for a in rows["administration"]]
    except (TypeError, ValueError, KeyError):
        raise refused("damaged", DAMAGED) from None
    missing = []
    for kind, definition_id, version in dict.fromkeys(needed):
        try:
            (library.protocol if kind == "protocol" else library.instrument)(definition_id, version)
        except ContentNotFound:
            missing.append((kind, definition_id, version))
    if not missing:
        return []
    installing, untrusted = [], None
    for pack in payload.get("packs") or []:
        try:
            files = {str(name): _unb64(text) for name, text in dict(pack["files"]).items()}
        except (TypeError, ValueError, KeyError):
            raise refused("damaged", DAMAGED) from None
        try:
            manifest = verify_pack_files(files, trusted_keys)
        except PackError:
            untrusted = untrusted or (str(pack.get("id")), str(pack.get("version")))
            continue
        provided = provided_definitions(files, manifest)
        if any(item in provided for item in missing):
            installing.append({"id": manifest.id, "version": manifest.version, "files": files})
            missing = [item for item in missing if item not in provided]
    if missing:
        if untrusted is not None:
            raise refused("untrusted_pack", UNTRUSTED_PACK, pack=untrusted[0][:64], version=untrusted[1][:32])
        kind, definition_id, version = missing[0]
        raise refused("missing_content", MISSING_PROTOCOL if kind == "protocol" else MISSING_INSTRUMENT,
                      id=definition_id[:64], version=version[:32])
    return installing


def _log_refusal(vault, error: HandoverRefused, data: bytes, sealed: Sealed | None, *, language: str = "fi",
                 payload: dict | None = None) -> None:
    installation = sealed.installation[:36] if sealed is not None else ""
    with vault.write() as session:
        _log(session, vault, "refused", language, client_id=None, course_id=None, data=data,
             destination=f"installation:{installation}", counterpart="", installation=installation,
             handover_id=sealed.id if sealed is not None else "", detail={"reason": error.reason}, success=False)


def decline(vault, offer: Offer, *, language: str = "fi") -> None:
    """The receiver saw the offer and said no: logged, nothing else changes."""
    with vault.write() as session:
        _log(session, vault, "declined", language, client_id=None, course_id=None, data=offer.sealed.data,
             destination=f"installation:{offer.sealed.installation[:36]}", counterpart=offer.giver.get("name", ""),
             installation=offer.sealed.installation[:36], handover_id=offer.sealed.id,
             detail={"reason": "declined"}, success=False)


def accept(vault, offer: Offer, *, packs_dir: Path, trusted_keys: Sequence[str], language: str = "fi") -> Received:
    """Import the whole handover in one transaction (a kill leaves the vault as it was or with all of it).

    Content packs the file brings are installed first (a pack left behind by a kill is harmless: it is signed
    content IT trusts). Matching is planned again inside the transaction, in case the vault changed meanwhile."""
    for pack in offer.packs:
        install_pack_files(pack["files"], packs_dir, trusted_keys)
    payload, sealed = offer.payload, offer.sealed
    giver = payload["giver"]
    giver_name = str(giver.get("name", ""))[:100]
    installation = sealed.installation[:36]
    try:
        with vault.write() as session:
            earlier = rows_store.received(session, sealed.id)
            if earlier is not None:
                raise refused("received_twice", ALREADY_RECEIVED, date=_shown(earlier.at))
            plan = rows_store.plan_import(session, payload["rows"])
            rows_store.apply_import(session, payload["rows"], plan)
            course_ids = [course["id"] for course in payload["rows"]["course"]]
            record = rows_store.record_received(
                session, handover_id=sealed.id, client_id=plan.client_id, course_ids=course_ids,
                giver_name=giver_name, giver_installation=installation, giver_key=str(sealed.header["signer"]),
                mode=offer.mode, secret=_unb64(payload["secret"]), file_sha256=sealed.sha256)
            for course_id in course_ids:
                _log(session, vault, "received", language, client_id=plan.client_id, course_id=course_id,
                     data=sealed.data, destination=f"installation:{installation}", counterpart=giver_name,
                     installation=installation, handover_id=sealed.id,
                     detail={"mode": offer.mode, "client": plan.client_state,
                             "returning": course_id in plan.returning_courses})
            receipt = _receipt(session, vault, record) if offer.mode == "remove" else None
    except HandoverRefused as error:
        _log_refusal(vault, error, sealed.data, sealed, language=language)
        raise
    return Received(plan.client_id, sealed.id, receipt, giver_name)


# -- the receipt -------------------------------------------------------------------------------------------------
def _receipt(session, vault, record: Handover) -> bytes:
    ident = identity(session)
    body = {"format": FORMAT, "handover_id": record.id, "file_sha256": record.file_sha256,
            "received_at": record.at.isoformat(timespec="seconds") + "Z",
            "receiver": {"name": vault.actor.name, "role": vault.actor.role, "installation": ident.id,
                         "key": ident.public_key_b64}}
    body["proof"] = _b64(hmac.new(record.secret, _canonical(body), hashlib.sha256).digest())
    line = _canonical(body) + b"\n"
    return RECEIPT_MAGIC + line + _b64(ident.sign(RECEIPT_MAGIC + line)).encode("ascii") + b"\n"


def receipt_again(vault, data: bytes) -> bytes | None:
    """The receipt of a handover file received here before, in "remove" mode (after a crash, or a lost e-mail)."""
    try:
        sealed = read_sealed(data[:MAX_FILE_BYTES])
    except HandoverRefused:
        return None
    with vault.read() as session:
        record = rows_store.received(session, sealed.id)
        if record is None or record.direction != "received" or record.mode != "remove":
            return None
        return _receipt(session, vault, record)


@dataclass(frozen=True)
class Confirmed:
    client_id: str
    removed_courses: list[str]
    client_removed: bool
    receiver_name: str


def confirm_receipt(vault, data: bytes, *, language: str = "fi") -> Confirmed:
    """The giver reads the receiver's receipt: in "remove" mode the handed-over courses (and a client left without
    courses) are removed, and the removal is logged with the receiver's name and installation."""
    try:
        if len(data) > MAX_RECEIPT_BYTES or not data.startswith(RECEIPT_MAGIC):
            raise ValueError("not a receipt")
        line_end = data.index(b"\n", len(RECEIPT_MAGIC))
        line = data[len(RECEIPT_MAGIC):line_end + 1]
        body = json.loads(line)
        receiver = body["receiver"]
        public_key_from_b64(str(receiver["key"])).verify(
            _unb64(data[line_end + 1:].strip().decode("ascii")), RECEIPT_MAGIC + line)
        handover_id = str(body["handover_id"])
        proof = _unb64(body.pop("proof"))
        receiver_name = str(receiver.get("name", ""))[:100]
        installation = str(receiver.get("installation", ""))[:36]
    except (ValueError, KeyError, TypeError, AttributeError, InvalidSignature, UnicodeDecodeError, RecursionError):
        raise refused("receipt_damaged", RECEIPT_DAMAGED) from None
    with vault.write() as session:
        record = session.get(Handover, handover_id)
        if record is None or record.direction != "given":
            raise refused("receipt_unknown", RECEIPT_UNKNOWN)
        expected = hmac.new(record.secret, _canonical(body), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, proof) or body.get("file_sha256") != record.file_sha256:
            raise refused("receipt_forged", RECEIPT_FORGED)
        if record.state == "removed":
            raise refused("receipt_done", RECEIPT_DONE, date=_shown(record.done_at or record.at))
        if record.mode != "remove":
            raise refused("receipt_kept", RECEIPT_KEPT)
        record.counterpart_installation = installation
        record.counterpart_key = str(receiver["key"])[:64]
        client_id = record.client_id
        removed, client_removed = rows_store.remove_given(session, record)
        for course_id in removed:
            _log(session, vault, "removed", language, client_id=client_id, course_id=course_id, data=data,
                 destination=f"installation:{installation}", counterpart=receiver_name, installation=installation,
                 handover_id=record.id, detail={"client_removed": client_removed})
    return Confirmed(client_id, removed, client_removed, receiver_name)


def describe(error: BaseException) -> Message | None:
    """The translatable one-line message of a refusal, a typed code that is not one, or None."""
    if isinstance(error, HandoverRefused | CodeError):
        return error.message
    return None


__all__ = [
    "MAGIC", "MODES", "RECEIPT_SUFFIX", "SUFFIX", "Confirmed", "Given", "HandoverRefused", "Offer", "Received",
    "accept", "confirm_receipt", "decline", "describe", "give", "open_handover", "peek",
    "receipt_again",
]
