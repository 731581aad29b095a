"""Content packs: signed bundles of definitions an organisation adds to the shipped content.

A pack is a folder or a zip holding
    manifest.yaml | manifest.json   id, version, publisher, created, contents (path, sha256, kind per file)
    manifest.sig                    base64 Ed25519 signature over the canonical manifest bytes
    instruments/ protocols/ texts/  the definition files listed in the manifest

The canonical manifest bytes are the parsed manifest as compact JSON with sorted keys, UTF-8, so YAML comments
and layout are not part of what is signed. Trusted public keys come from IT policy as base64 of the raw 32 bytes.

Import checks size limits and file names, the signature, the manifest schema, that the files are exactly the
listed ones with the listed hashes, and that every definition validates; then it refuses a version that is not
newer than the installed one, and installs into `<packs_dir>/<pack_id>/<version>/` through a staging folder and a
rename. Old versions stay on disk: a course keeps the protocol version it started with.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import lzma
import os
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Annotated, Literal, NoReturn

import yaml
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import Field, StringConstraints, ValidationError, model_validator

from askel.core.atomic import atomic_write, fsync_directory
from askel.core.content.models import StrictModel, Version, content_problem, version_key
from askel.core.content.parsing import ContentParseError, load_document, parse_definition, validation_errors
from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message

MANIFEST_NAMES = ("manifest.yaml", "manifest.json")
SIGNATURE_NAME = "manifest.sig"
KIND_FOLDERS = {"instruments": "instrument", "protocols": "protocol", "texts": "texts"}
_CONTEXT = "ContentPack"
# Device names Windows will not create as folders or files, whatever the extension.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(1, 10)} | {f"lpt{n}" for n in range(1, 10)}


@dataclass(frozen=True)
class PackLimits:
    max_files: int = 500
    max_file_bytes: int = 2 * 1024 * 1024
    max_total_bytes: int = 20 * 1024 * 1024
    max_archive_bytes: int = 25 * 1024 * 1024


DEFAULT_LIMITS = PackLimits()


class PackError(Exception):
    """A pack was refused. `.message` is translatable; str() is the English text."""

    def __init__(self, msg: Message):
        self.message = msg
        super().__init__(msg.english())


def _fail(text: str, **args: object) -> NoReturn:
    raise PackError(message(_CONTEXT, text, **args))


def packs_dir_for(data_dir: Path) -> Path:
    return Path(data_dir) / "content" / "packs"


# ------------------------------------------------------------------------------------------------ manifest model

PackId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$", max_length=100)]


class PackFile(StrictModel):
    path: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    kind: Literal["instrument", "protocol", "texts"]


class PackManifest(StrictModel):
    format: Literal[1]
    id: PackId
    version: Version
    publisher: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    created: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.+\-Z]+)?$")]
    description: str | None = None
    contents: tuple[PackFile, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> PackManifest:
        if self.id.split(".")[0] in _WINDOWS_RESERVED:
            raise content_problem("id", "is a reserved device name on Windows")
        seen: set[str] = set()
        for entry in self.contents:
            problem = _unsafe_name_problem(entry.path)
            if problem:
                raise content_problem(f"contents.{entry.path}", problem)
            if entry.path in MANIFEST_NAMES or entry.path == SIGNATURE_NAME:
                raise content_problem(f"contents.{entry.path}", "the manifest and signature are not content")
            if entry.path.casefold() in seen:
                raise content_problem(f"contents.{entry.path}", "listed twice")
            seen.add(entry.path.casefold())
        return self


def canonical_manifest_bytes(raw: Mapping[str, object]) -> bytes:
    """The bytes a pack signature covers: compact, key-sorted JSON of the parsed manifest, UTF-8."""
    return json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


# ------------------------------------------------------------------------------------------------ keys


@dataclass(frozen=True)
class KeyPair:
    private_pem: bytes  # PKCS#8 PEM, unencrypted: keep it off shared disks
    public_key: str  # base64 of the raw 32-byte key: the form IT policy lists


def generate_keypair() -> KeyPair:
    private_key = Ed25519PrivateKey.generate()
    pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return KeyPair(private_pem=pem, public_key=public_key_text(private_key))


def public_key_text(private_key: Ed25519PrivateKey) -> str:
    raw = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def load_private_key(data: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The key file is not an unencrypted Ed25519 private key (PEM)."))
    return key


def _trusted_keys(trusted_keys: Sequence[str]) -> list[Ed25519PublicKey]:
    if not trusted_keys:
        _fail(QT_TRANSLATE_NOOP("ContentPack", "No trusted keys for content packs are set in IT policy."))
    keys = []
    for number, text in enumerate(trusted_keys, start=1):
        try:
            raw = base64.b64decode(text.strip(), validate=True)
            keys.append(Ed25519PublicKey.from_public_bytes(raw))
        except (ValueError, TypeError, AttributeError):
            _fail(
                QT_TRANSLATE_NOOP("ContentPack", "Trusted key {number} in IT policy is not a base64 Ed25519 public key."),
                number=number,
            )
    return keys


# ------------------------------------------------------------------------------------------------ reading packs


def _unsafe_name_problem(name: str) -> str | None:
    """Why a file name inside a pack is unsafe, or None. Names are relative POSIX paths without tricks."""
    if not name or "\\" in name or "\x00" in name or ":" in name or name.startswith("/"):
        return "not a plain relative path"
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "not a plain relative path"
    if any(part.split(".")[0].casefold() in _WINDOWS_RESERVED for part in parts):
        return "uses a reserved device name"
    return None


def _check_name(name: str) -> None:
    if _unsafe_name_problem(name):
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack holds a file with an unsafe name: {path}"), path=name)


def read_pack_files(path: Path, limits: PackLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Every file of a pack folder or zip, by relative POSIX path, within the size limits."""
    path = Path(path)
    if path.is_dir():
        return _read_folder(path, limits)
    if path.is_file():
        return _read_zip(path, limits)
    _fail(QT_TRANSLATE_NOOP("ContentPack", "No pack found at {path}"), path=str(path))


class _Budget:
    def __init__(self, limits: PackLimits):
        self.limits = limits
        self.files = 0
        self.total = 0

    def take(self, name: str, size: int) -> None:
        self.files += 1
        self.total += size
        if self.files > self.limits.max_files:
            _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack has more than {limit} files."), limit=self.limits.max_files)
        if size > self.limits.max_file_bytes:
            _fail(QT_TRANSLATE_NOOP("ContentPack", "The file {path} is larger than the limit."), path=name)
        if self.total > self.limits.max_total_bytes:
            _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack is larger than the limit."))


def _read_folder(folder: Path, limits: PackLimits) -> dict[str, bytes]:
    budget = _Budget(limits)
    files: dict[str, bytes] = {}
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        # os.walk lists a link to a folder among `dirs`: check both lists for links, read only the files.
        for name in dirs + names:
            if (Path(root) / name).is_symlink():
                _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack holds a link, which is not allowed: {path}"),
                      path=(Path(root) / name).relative_to(folder).as_posix())
        for name in sorted(names):
            full = Path(root) / name
            relative = full.relative_to(folder).as_posix()
            _check_name(relative)
            budget.take(relative, full.stat().st_size)
            files[relative] = full.read_bytes()
    return files


def _read_zip(archive_path: Path, limits: PackLimits) -> dict[str, bytes]:
    if archive_path.stat().st_size > limits.max_archive_bytes:
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack is larger than the limit."))
    budget = _Budget(limits)
    files: dict[str, bytes] = {}
    seen: set[str] = set()
    try:
        with zipfile.ZipFile(archive_path) as archive:
            for info in archive.infolist():
                name = info.filename
                if name.endswith("/"):  # a folder (not is_dir(): it fails on the empty name zipfile makes of "\x00")
                    _check_name(name.rstrip("/"))
                    continue
                _check_name(name)
                if stat.S_ISLNK(info.external_attr >> 16):
                    _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack holds a link, which is not allowed: {path}"),
                          path=name)
                if name.casefold() in seen:
                    _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack holds the file {path} twice."), path=name)
                seen.add(name.casefold())
                budget.take(name, info.file_size)
                with archive.open(info) as handle:
                    # The declared size may lie: never read more than the limit allows.
                    data = handle.read(limits.max_file_bytes + 1)
                if len(data) > limits.max_file_bytes:
                    _fail(QT_TRANSLATE_NOOP("ContentPack", "The file {path} is larger than the limit."), path=name)
                files[name] = data
    except (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, NotImplementedError, EOFError, OSError,
            ValueError, zlib.error, lzma.LZMAError):
        # Corrupt, encrypted or unsupported entries: a bad compressed stream raises its codec's own error, a name
        # flagged UTF-8 that is not raises UnicodeDecodeError (PackError is none of these and passes through).
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The file is not a readable zip archive: {path}"),
              path=archive_path.name)
    return files


def _manifest_name(files: Mapping[str, bytes]) -> str:
    present = [name for name in MANIFEST_NAMES if name in files]
    if not present:
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack has no manifest.yaml or manifest.json."))
    if len(present) > 1:
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack has both manifest.yaml and manifest.json."))
    return present[0]


def _raw_manifest(files: Mapping[str, bytes], name: str) -> dict:
    try:
        raw = load_document(files[name], name, name)
    except ContentParseError as exc:
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The manifest is malformed: {problem}"), problem=str(exc))
    if not isinstance(raw, dict):
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The manifest is malformed: {problem}"), problem="not a mapping")
    return raw


def _check_signature(files: Mapping[str, bytes], canonical: bytes, keys: list[Ed25519PublicKey]) -> None:
    if SIGNATURE_NAME not in files:
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack is not signed (manifest.sig is missing)."))
    try:
        signature = base64.b64decode(files[SIGNATURE_NAME].strip(), validate=True)
    except ValueError:
        signature = b""
    for key in keys:
        try:
            key.verify(signature, canonical)
            return
        except InvalidSignature:
            continue
    _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack's signature does not match any key trusted by IT policy."))


def check_pack_files(
    files: Mapping[str, bytes], keys: list[Ed25519PublicKey] | None
) -> PackManifest:
    """Verify a pack already read into memory. `keys=None` skips the signature (installed packs, no policy)."""
    name = _manifest_name(files)
    raw = _raw_manifest(files, name)
    try:
        canonical = canonical_manifest_bytes(raw)
    except (TypeError, ValueError):
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The manifest is malformed: {problem}"), problem="not plain data")
    if keys is not None:
        _check_signature(files, canonical, keys)
    try:
        manifest = PackManifest.model_validate(raw)
    except ValidationError as exc:
        problem = str(validation_errors(exc, name)[0])
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The manifest is malformed: {problem}"), problem=problem)
    listed = {entry.path for entry in manifest.contents}
    for file_name in sorted(files):
        if file_name not in listed and file_name not in (name, SIGNATURE_NAME):
            _fail(QT_TRANSLATE_NOOP("ContentPack", "The pack holds a file its manifest does not list: {path}"),
                  path=file_name)
    for entry in manifest.contents:
        data = files.get(entry.path)
        if data is None:
            _fail(QT_TRANSLATE_NOOP("ContentPack", "A file listed in the manifest is missing: {path}"),
                  path=entry.path)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            _fail(QT_TRANSLATE_NOOP("ContentPack", "The file {path} has changed since the pack was signed."),
                  path=entry.path)
        try:
            parse_definition(entry.kind, data, entry.path, entry.path)
        except ContentParseError as exc:
            _fail(QT_TRANSLATE_NOOP("ContentPack", "A definition in the pack is not valid: {problem}"),
                  problem=str(exc.errors[0]))
    return manifest


def verify_pack(path: Path, trusted_keys: Sequence[str], *, limits: PackLimits = DEFAULT_LIMITS) -> PackManifest:
    """Check a pack without installing it; raises PackError with the reason."""
    keys = _trusted_keys(trusted_keys)
    return check_pack_files(read_pack_files(Path(path), limits), keys)


# ------------------------------------------------------------------------------------------------ installing


@dataclass(frozen=True)
class InstalledPack:
    id: str
    version: str
    path: Path


def installed_versions(packs_dir: Path, pack_id: str) -> list[str]:
    """Installed versions of one pack, oldest first."""
    folder = Path(packs_dir) / pack_id
    if not folder.is_dir():
        return []
    versions = []
    for child in folder.iterdir():
        if child.is_dir() and not child.name.startswith(".") and all(p.isdigit() for p in child.name.split(".")):
            versions.append(child.name)
    return sorted(versions, key=version_key)


def installed_packs(packs_dir: Path) -> list[InstalledPack]:
    """Every installed version of every pack, by pack id and then version."""
    packs_dir = Path(packs_dir)
    if not packs_dir.is_dir():
        return []
    return [
        InstalledPack(folder.name, version, folder / version)
        for folder in sorted(packs_dir.iterdir())
        if folder.is_dir() and not folder.name.startswith(".")
        for version in installed_versions(packs_dir, folder.name)
    ]


def import_pack(
    path: Path, packs_dir: Path, trusted_keys: Sequence[str], *, limits: PackLimits = DEFAULT_LIMITS
) -> PackManifest:
    """Verify and install a pack; a refused pack changes nothing on disk."""
    keys = _trusted_keys(trusted_keys)
    files = read_pack_files(Path(path), limits)
    manifest = check_pack_files(files, keys)
    versions = installed_versions(packs_dir, manifest.id)
    if versions and version_key(manifest.version) <= version_key(versions[-1]):
        _fail(
            QT_TRANSLATE_NOOP(
                "ContentPack", "Pack {pack} version {version} is not newer than the installed version {installed}."
            ),
            pack=manifest.id,
            version=manifest.version,
            installed=versions[-1],
        )
    _install(files, Path(packs_dir) / manifest.id / manifest.version)
    return manifest


def verify_pack_files(files: Mapping[str, bytes], trusted_keys: Sequence[str]) -> PackManifest:
    """Check a pack held in memory (one that came inside a handover file) against IT policy's keys, with the same
    limits and file-name rules as a pack read from disk."""
    budget = _Budget(DEFAULT_LIMITS)
    for name, data in files.items():
        _check_name(name)
        budget.take(name, len(data))
    return check_pack_files(files, _trusted_keys(trusted_keys))


def install_pack_files(files: Mapping[str, bytes], packs_dir: Path, trusted_keys: Sequence[str]) -> PackManifest:
    """Verify a pack held in memory and install that version beside the others, unless it is already there.

    Unlike `import_pack`, an older version than the newest installed one is welcome: a course received from a
    colleague keeps the protocol version it started with."""
    manifest = verify_pack_files(files, trusted_keys)
    target = Path(packs_dir) / manifest.id / manifest.version
    if not target.exists():
        _install(files, target)
    return manifest


def provided_definitions(files: Mapping[str, bytes], manifest: PackManifest) -> set[tuple[str, str, str]]:
    """(kind, id, version) of every instrument and protocol a verified pack defines."""
    provided = set()
    for entry in manifest.contents:
        if entry.kind in ("instrument", "protocol"):
            definition = parse_definition(entry.kind, files[entry.path], entry.path, entry.path)
            provided.add((entry.kind, definition.id, definition.version))
    return provided


def _install(files: Mapping[str, bytes], target: Path) -> None:
    """Write into a staging folder beside the target, then rename: a reader never sees half a pack."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target.parent))
    try:
        for name, data in files.items():
            destination = staging.joinpath(*PurePosixPath(name).parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with open(destination, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    fsync_directory(target.parent)


def read_installed_pack(
    version_dir: Path, trusted_keys: Sequence[str] | None = None, *, limits: PackLimits = DEFAULT_LIMITS
) -> tuple[PackManifest, dict[str, bytes]]:
    """An installed pack's manifest and files, re-checked (hashes always, the signature when keys are given)."""
    version_dir = Path(version_dir)
    keys = _trusted_keys(trusted_keys) if trusted_keys is not None else None
    files = read_pack_files(version_dir, limits)
    manifest = check_pack_files(files, keys)
    if manifest.id != version_dir.parent.name or version_key(manifest.version) != version_key(version_dir.name):
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The installed pack folder {path} does not match its manifest."),
              path=str(version_dir))
    return manifest, files


# ------------------------------------------------------------------------------------------------ authoring


def sign_pack(
    directory: Path,
    private_key: Ed25519PrivateKey | bytes,
    *,
    out_zip: Path | None = None,
    created: str | None = None,
    limits: PackLimits = DEFAULT_LIMITS,
) -> PackManifest:
    """Sign a pack folder for distribution.

    The author writes `manifest.yaml` (or .json) with id, version and publisher, and puts definitions under
    instruments/, protocols/ or texts/. This fills in `format`, `created` (today unless given) and `contents`
    (every file with its hash), rewrites the manifest (YAML comments are not kept), writes `manifest.sig`, checks
    the result as a receiver would, and optionally writes a zip to `out_zip`. Nothing is written when a
    definition or the manifest is invalid.
    """
    directory = Path(directory)
    key = private_key if isinstance(private_key, Ed25519PrivateKey) else load_private_key(private_key)
    files = read_pack_files(directory, limits)
    name = _manifest_name(files)
    raw = _raw_manifest(files, name)
    raw["format"] = 1
    raw["created"] = created or str(raw.get("created") or date.today().isoformat())
    contents = []
    for file_name in sorted(files):
        if file_name in MANIFEST_NAMES or file_name == SIGNATURE_NAME:
            continue
        folder = file_name.split("/")[0] if "/" in file_name else ""
        if folder not in KIND_FOLDERS:
            _fail(
                QT_TRANSLATE_NOOP("ContentPack", "Put {path} under instruments/, protocols/ or texts/."),
                path=file_name,
            )
        try:
            parse_definition(KIND_FOLDERS[folder], files[file_name], file_name, file_name)  # type: ignore[arg-type]
        except ContentParseError as exc:
            _fail(QT_TRANSLATE_NOOP("ContentPack", "A definition in the pack is not valid: {problem}"),
                  problem=str(exc.errors[0]))
        digest = hashlib.sha256(files[file_name]).hexdigest()
        contents.append({"path": file_name, "sha256": digest, "kind": KIND_FOLDERS[folder]})
    raw["contents"] = contents
    try:
        PackManifest.model_validate(raw)
    except ValidationError as exc:
        _fail(QT_TRANSLATE_NOOP("ContentPack", "The manifest is malformed: {problem}"),
              problem=str(validation_errors(exc, name)[0]))

    if name.endswith(".json"):
        manifest_bytes = (json.dumps(raw, indent=2, ensure_ascii=False) + "\n").encode()
    else:
        manifest_bytes = yaml.safe_dump(raw, sort_keys=False, allow_unicode=True).encode()
    atomic_write(directory / name, manifest_bytes, mode=0o644)
    # Sign what a receiver will parse, not the dict in memory.
    canonical = canonical_manifest_bytes(load_document(manifest_bytes, name, name))  # type: ignore[arg-type]
    signature = base64.b64encode(key.sign(canonical)) + b"\n"
    atomic_write(directory / SIGNATURE_NAME, signature, mode=0o644)

    signed_files = read_pack_files(directory, limits)
    manifest = check_pack_files(signed_files, [key.public_key()])
    if out_zip is not None:
        atomic_write(Path(out_zip), _zip_bytes(signed_files), mode=0o644)
    return manifest


def _zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A reproducible zip: sorted names, fixed timestamps and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()
