"""Signed release manifests: how IT proves that the installers it deploys are Askel's own and unmodified.

A release folder holds the artifacts (the .deb, .msi, .pkg, the policy template archive) and one manifest,
`askel-release.json`, listing every artifact with its size and SHA-256, the version and a timestamp, signed
with Ed25519:

    {
      "format": "askel-release-manifest/1",
      "product": "askel",
      "version": "0.1.0",
      "created": "2026-03-02T10:00:00Z",
      "artifacts": [{"name": "askel_0.1.0_amd64.deb", "size": 63858404, "sha256": "2e98..."}],
      "key_id": "5f0c2a...",
      "signature": "<base64 Ed25519 signature>"
    }

The signature covers the canonical JSON (keys sorted, no spaces, UTF-8) of every field except `signature`.
Verification trusts only the pinned public key (or one given explicitly), never a key named in the file, and
fails on a changed or missing artifact, a file in the folder that the manifest does not list, a bad
signature, or a version older than the installed one.

Three ways to use it:

    askel verify-release MANIFEST [--public-key B64]       (and release-sign, release-keygen for maintainers)
    python3 release.py verify MANIFEST [--public-key B64] [--installed-version V]
    python3 release.py sign FOLDER --key KEY.pem [--version V]  |  python3 release.py keygen --out KEY.pem
    python3 release.py check-build        exit 1 when this Askel pins the development release key

This module needs only the standard library and `cryptography`, and imports nothing from askel or Qt at
module level, so IT can copy it out and run it with any Python 3.11 that has `cryptography`.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import getpass
import hashlib
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

# The release public key every installed Askel trusts. This is the DEVELOPMENT key: its private half never
# entered the repository. A production build replaces it with the organisation's release key (see
# docs/it-deployment.md); the production private key stays offline or in an HSM, never in the repository.
PINNED_PUBLIC_KEY = "akLUo7+E+3On2fPfQ61RfbFNNRuMdkfpTLhOa6Z1wUQ="
# The development key, for recognising it: a release build (ASKEL_RELEASE=1) refuses an Askel that still pins it
# (`release.py check-build`, run by every build script), and release-sign refuses to sign a release with any key
# other than the one pinned.
DEVELOPMENT_PUBLIC_KEY = "akLUo7+E+3On2fPfQ61RfbFNNRuMdkfpTLhOa6Z1wUQ="
RELEASE_ENV = "ASKEL_RELEASE"

MANIFEST_NAME = "askel-release.json"
FORMAT = "askel-release-manifest/1"
PRODUCT = "askel"
PASSPHRASE_ENV = "ASKEL_RELEASE_KEY_PASSPHRASE"
MAX_MANIFEST_BYTES = 1024 * 1024
_FIELDS = {"format", "product", "version", "created", "artifacts", "key_id", "signature"}
_ARTIFACT_FIELDS = {"name", "size", "sha256"}
_VERSION = re.compile(r"(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?")
_CREATED = "%Y-%m-%dT%H:%M:%SZ"
_SHA256 = re.compile(r"[0-9a-f]{64}")

OK, FAIL, SKIP = "ok", "FAIL", "skip"


class ReleaseError(Exception):
    """A manifest that cannot be made or read at all (bad key file, unreadable folder, malformed JSON)."""


# -- keys ---------------------------------------------------------------------------------------------------
def generate_keypair(passphrase: bytes | None = None) -> tuple[bytes, str]:
    """A new Ed25519 key pair: (PKCS#8 PEM private key, encrypted under `passphrase` if any; public key)."""
    private_key = Ed25519PrivateKey.generate()
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    return pem, public_key_b64(private_key)


def public_key_b64(private_key: Ed25519PrivateKey) -> str:
    raw = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def load_private_key(pem: bytes, passphrase: bytes | None = None) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase)
    except TypeError as error:  # encrypted without a passphrase, or a passphrase for a plain key
        needs = "needs a" if passphrase is None else "takes no"
        raise ReleaseError(f"the private key {needs} passphrase") from error
    except ValueError as error:
        raise ReleaseError("the private key could not be read (wrong passphrase or not a PEM key)") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ReleaseError("the private key is not an Ed25519 key")
    return key


def load_public_key(b64: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ReleaseError("the public key is not valid base64") from error
    if len(raw) != 32:
        raise ReleaseError("the public key is not a 32-byte Ed25519 key")
    return Ed25519PublicKey.from_public_bytes(raw)


def key_id(public_b64: str) -> str:
    """A short fingerprint to name a key in messages: the first 8 bytes of SHA-256 of the raw key, in hex."""
    return hashlib.sha256(base64.b64decode(public_b64)).hexdigest()[:16]


# -- versions -----------------------------------------------------------------------------------------------
def parse_version(text: str) -> tuple:
    """A sortable key for `1.2.3`, `1.2.3rc1`, `1.2b2` (a pre-release sorts before its final release)."""
    match = _VERSION.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match:
        raise ReleaseError(f"not a version number: {text!r}")
    release = [int(part) for part in match.group(1).split(".")]
    while len(release) > 1 and release[-1] == 0:
        release.pop()  # 1.0 == 1.0.0
    pre = (0, "a b rc".split().index(match.group(2)), int(match.group(3))) if match.group(2) else (1, 0, 0)
    return (tuple(release), pre)


def installed_version() -> str | None:
    """The version of the Askel this runs in, or None when run as a plain script without Askel."""
    try:
        from askel import __version__
    except ImportError:
        return None
    return __version__


# -- manifests ----------------------------------------------------------------------------------------------
def canonical_bytes(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def file_digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def _folder_entries(folder: Path, manifest_name: str) -> list[os.DirEntry]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        raise ReleaseError(f"cannot read the folder {folder}: {error.strerror or error}") from error
    return [entry for entry in entries if entry.name != manifest_name]


def create_manifest(folder: Path, private_key: Ed25519PrivateKey, version: str, *,
                    created: datetime | None = None, name: str = MANIFEST_NAME) -> Path:
    """Sign every file in `folder` (but an earlier manifest) into `folder/name`; returns the manifest's path.

    The folder must hold only regular files: a subfolder or a symbolic link is refused, because verification
    would count it as extra.
    """
    parse_version(version)
    artifacts = []
    for entry in _folder_entries(folder, name):
        if entry.is_symlink() or not entry.is_file():
            raise ReleaseError(f"{entry.name}: only regular files can be released (no folders or links)")
        _check_artifact_name(entry.name, name)
        size, sha256 = file_digest(Path(entry.path))
        artifacts.append({"name": entry.name, "size": size, "sha256": sha256})
    if not artifacts:
        raise ReleaseError(f"{folder} has no artifacts to sign")
    stamp = (created or datetime.now(UTC)).astimezone(UTC).strftime(_CREATED)
    public_b64 = public_key_b64(private_key)
    payload = {"format": FORMAT, "product": PRODUCT, "version": version, "created": stamp,
               "artifacts": artifacts, "key_id": key_id(public_b64)}
    signature = private_key.sign(canonical_bytes(payload))
    manifest = dict(payload, signature=base64.b64encode(signature).decode("ascii"))
    target = folder / name
    _atomic_write(target, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return target


def _check_artifact_name(name: object, manifest_name: str = MANIFEST_NAME) -> str:
    if (not isinstance(name, str) or not name or name in (".", "..") or name.startswith(".")
            or "/" in name or "\\" in name or "\0" in name or name == manifest_name):
        raise ReleaseError(f"not an acceptable artifact name: {name!r}")
    return name


def _atomic_write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class Verification:
    """The outcome: one (status, subject, detail) line per check; `ok` only when nothing failed."""

    lines: list[tuple[str, str, str]] = field(default_factory=list)
    version: str | None = None

    @property
    def problems(self) -> list[str]:
        return [f"{subject}: {detail}" for status, subject, detail in self.lines if status == FAIL]

    @property
    def ok(self) -> bool:
        return bool(self.lines) and not self.problems

    def add(self, status: str, subject: str, detail: str = "") -> None:
        self.lines.append((status, subject, detail))


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise ReleaseError(f"the manifest names {key!r} twice")
        result[key] = value
    return result


def read_manifest(path: Path) -> dict:
    """The manifest's JSON object, strictly parsed (size limit, no duplicate keys); not yet verified."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_MANIFEST_BYTES + 1)
    except OSError as error:
        raise ReleaseError(f"cannot read {path}: {error.strerror or error}") from error
    if len(data) > MAX_MANIFEST_BYTES:
        raise ReleaseError(f"{path} is larger than a manifest can be")
    try:
        manifest = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicate_keys)
    except (UnicodeDecodeError, ValueError) as error:
        raise ReleaseError(f"{path} is not a JSON manifest: {error}") from error
    if not isinstance(manifest, dict):
        raise ReleaseError(f"{path} is not a JSON manifest")
    return manifest


def verify_manifest(path: Path, public_key: str = PINNED_PUBLIC_KEY, *, installed: str | None = None,
                    allow_downgrade: bool = False) -> Verification:
    """Check the signature, then every artifact, the folder's other files and the version.

    `path` is the manifest, or the release folder that holds `askel-release.json`. `installed` is the version
    the release must not be older than (None: not checked). Nothing in the manifest is trusted before its
    signature is: a bad signature ends the check.
    """
    path = Path(path)
    if path.is_dir():
        path = path / MANIFEST_NAME
    result = Verification()
    try:
        manifest = read_manifest(path)
    except ReleaseError as error:
        result.add(FAIL, "manifest", str(error))
        return result
    trusted = load_public_key(public_key)
    signature_text = manifest.get("signature")
    payload = {key: value for key, value in manifest.items() if key != "signature"}
    try:
        if not isinstance(signature_text, str):
            raise InvalidSignature
        trusted.verify(base64.b64decode(signature_text, validate=True), canonical_bytes(payload))
    except (InvalidSignature, binascii.Error, ValueError):
        named = payload.get("key_id")
        hint = (f"; it names key {named}, this installation trusts key {key_id(public_key)}"
                if isinstance(named, str) and named != key_id(public_key) else "")
        result.add(FAIL, "signature", f"not a valid signature by the trusted release key{hint}")
        return result
    result.add(OK, "signature", f"Ed25519, key {key_id(public_key)}")

    try:
        artifacts = _validated(manifest)
    except ReleaseError as error:  # signed, but not a manifest this version understands
        result.add(FAIL, "manifest", str(error))
        return result
    result.version = manifest["version"]

    if installed is None:
        result.add(SKIP, "version", f"{manifest['version']} (no installed Askel to compare with)")
    elif parse_version(manifest["version"]) < parse_version(installed) and not allow_downgrade:
        result.add(FAIL, "version", f"{manifest['version']} is older than the installed {installed}")
    else:
        detail = f"{manifest['version']} (installed {installed}), signed {manifest['created']}"
        result.add(OK, "version", detail)

    folder = path.parent
    for artifact in artifacts:
        result.add(*_check_artifact(folder / artifact["name"], artifact))
    listed = {artifact["name"] for artifact in artifacts}
    try:
        entries = _folder_entries(folder, path.name)
    except ReleaseError as error:
        result.add(FAIL, "folder", str(error))
        return result
    for entry in entries:
        if entry.name not in listed:
            result.add(FAIL, entry.name, "extra file: not listed in the manifest")
    return result


def _validated(manifest: dict) -> list[dict]:
    unknown = set(manifest) - _FIELDS
    missing = _FIELDS - set(manifest)
    if unknown or missing:
        raise ReleaseError(f"unexpected fields {sorted(unknown)} or missing fields {sorted(missing)}")
    if manifest["format"] != FORMAT or manifest["product"] != PRODUCT:
        raise ReleaseError(f"not an Askel release manifest of format {FORMAT}")
    parse_version(manifest["version"])
    try:
        datetime.strptime(manifest["created"], _CREATED)
    except (TypeError, ValueError) as error:
        raise ReleaseError("the creation time is not an ISO 8601 UTC time") from error
    artifacts = manifest["artifacts"]
    if not isinstance(artifacts, list) or not artifacts:
        raise ReleaseError("the manifest lists no artifacts")
    seen: set[str] = set()
    for artifact in artifacts:
        if not isinstance(artifact, dict) or set(artifact) != _ARTIFACT_FIELDS:
            raise ReleaseError("an artifact entry is not {name, size, sha256}")
        name = _check_artifact_name(artifact["name"])
        if name.casefold() in seen:  # Windows and macOS folders are case-insensitive
            raise ReleaseError(f"the manifest lists {name} twice")
        seen.add(name.casefold())
        size = artifact["size"]
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ReleaseError(f"{name}: the size is not a byte count")
        if not isinstance(artifact["sha256"], str) or not _SHA256.fullmatch(artifact["sha256"]):
            raise ReleaseError(f"{name}: the SHA-256 is not 64 lowercase hex digits")
    return artifacts


def _check_artifact(path: Path, artifact: dict) -> tuple[str, str, str]:
    name = artifact["name"]
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return FAIL, name, "not a regular file"
    if not path.exists():
        return FAIL, name, "missing"
    try:
        if path.stat().st_size != artifact["size"]:
            return FAIL, name, f"size {path.stat().st_size} bytes, the manifest says {artifact['size']}"
        _, sha256 = file_digest(path)
    except OSError as error:
        return FAIL, name, f"cannot be read: {error.strerror or error}"
    if sha256 != artifact["sha256"]:
        return FAIL, name, "content differs from the manifest (SHA-256)"
    return OK, name, f"{artifact['size']} bytes, sha256 {sha256}"


# -- command line -------------------------------------------------------------------------------------------
def _read_passphrase(confirm: bool = False) -> bytes | None:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value.encode("utf-8")
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Release key passphrase: ")
    if confirm and getpass.getpass("Again: ") != first:
        raise ReleaseError("the passphrases differ")
    return first.encode("utf-8") or None


def _load_signing_key(path: Path) -> Ed25519PrivateKey:
    try:
        pem = path.read_bytes()
    except OSError as error:
        raise ReleaseError(f"cannot read {path}: {error.strerror or error}") from error
    encrypted = b"ENCRYPTED" in pem
    return load_private_key(pem, _read_passphrase() if encrypted else None)


def _print_verification(result: Verification, out=print) -> int:
    for status, subject, detail in result.lines:
        out(f"{status:<4} {subject}{': ' + detail if detail else ''}")
    if result.ok:
        out(f"release {result.version} verified")
        return 0
    out(f"release NOT verified: {len(result.problems)} problem{'s' if len(result.problems) != 1 else ''}")
    return 1


def cmd_verify(args: argparse.Namespace) -> int:
    installed = getattr(args, "installed_version", None) or installed_version()
    try:
        result = verify_manifest(args.manifest, args.public_key or PINNED_PUBLIC_KEY, installed=installed,
                                 allow_downgrade=args.allow_downgrade)
    except ReleaseError as error:  # the trusted key itself is unusable
        print(f"askel: {error}", file=sys.stderr)
        return 2
    return _print_verification(result)


def release_build_problems(pinned: str | None = None) -> list[str]:
    """Why this source cannot become a release: empty when it can."""
    if (PINNED_PUBLIC_KEY if pinned is None else pinned) == DEVELOPMENT_PUBLIC_KEY:
        return ["this Askel pins the development release key (PINNED_PUBLIC_KEY in desktop/askel/release.py): "
                "pin the production key in the release branch (docs/it-deployment.md)"]
    return []


def is_release() -> bool:
    return os.environ.get(RELEASE_ENV) == "1"


def cmd_check_build(args: argparse.Namespace) -> int:
    problems = release_build_problems()
    for problem in problems:
        print(f"release.py: {problem}", file=sys.stderr)
    return 1 if problems else 0


def cmd_sign(args: argparse.Namespace) -> int:
    version = args.version or installed_version()
    if not version:
        print("askel: give --version", file=sys.stderr)
        return 2
    if is_release() and release_build_problems():
        print(f"askel: refused for a release ({RELEASE_ENV}=1): {release_build_problems()[0]}", file=sys.stderr)
        return 1
    try:
        key = _load_signing_key(args.key)
        if is_release() and public_key_b64(key) != PINNED_PUBLIC_KEY:
            raise ReleaseError(f"refused for a release ({RELEASE_ENV}=1): the key {key_id(public_key_b64(key))} is "
                               "not the release key this Askel pins, so no installed Askel would accept the manifest")
        created = datetime.strptime(args.created, _CREATED).replace(tzinfo=UTC) if args.created else None
        target = create_manifest(args.folder, key, version, created=created)
    except (ReleaseError, ValueError) as error:
        print(f"askel: {error}", file=sys.stderr)
        return 1
    public_b64 = public_key_b64(key)
    print(f"signed {target} (version {version}, key {key_id(public_b64)})")
    if public_b64 != PINNED_PUBLIC_KEY:
        print(f"note: this key is not the pinned release key; verify with --public-key {public_b64}")
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    try:
        passphrase = _read_passphrase(confirm=True) if args.encrypt else None
        if args.encrypt and not passphrase:
            raise ReleaseError(f"--encrypt needs a passphrase: type it, or set {PASSPHRASE_ENV}")
        pem, public_b64 = generate_keypair(passphrase)
        # Created with owner-only permissions and never over an existing key.
        descriptor = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        print(f"askel: {args.out} exists; a release key is never overwritten", file=sys.stderr)
        return 1
    except (ReleaseError, OSError) as error:
        print(f"askel: {error}", file=sys.stderr)
        return 1
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(pem)
    print(f"private key written to {args.out}; keep it offline, never in the repository")
    print(f"public key (key {key_id(public_b64)}):")
    print(public_b64)
    return 0


def _add_verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("manifest", type=Path, help=f"the manifest ({MANIFEST_NAME}) or the release folder")
    parser.add_argument("--public-key", metavar="B64",
                        help="trust this Ed25519 public key instead of the pinned one")
    parser.add_argument("--allow-downgrade", action="store_true",
                        help="accept a release older than the installed version (a deliberate rollback)")
    parser.set_defaults(handler=cmd_verify)


def _add_sign_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, help="the folder of artifacts; the manifest is written into it")
    parser.add_argument("--key", type=Path, required=True,
                        help=f"Ed25519 private key (PEM; passphrase from {PASSPHRASE_ENV} or typed)")
    parser.add_argument("--version", help="the release version (default: this Askel's)")
    parser.add_argument("--created", metavar="YYYY-MM-DDTHH:MM:SSZ", help="the timestamp (default: now)")
    parser.set_defaults(handler=cmd_sign)


def _add_keygen_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True,
                        help="file for the private key (created with mode 0600, never overwritten)")
    parser.add_argument("--encrypt", action="store_true",
                        help=f"encrypt the key with a passphrase ({PASSPHRASE_ENV} or typed)")
    parser.set_defaults(handler=cmd_keygen)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `verify-release`, and `release-sign` and `release-keygen` for maintainers, to the askel CLI."""
    _add_verify_arguments(subparsers.add_parser(
        "verify-release", help="check a release folder against its signed manifest before deploying it"))
    _add_sign_arguments(subparsers.add_parser(
        "release-sign", help="for maintainers: write the signed manifest of a release folder"))
    _add_keygen_arguments(subparsers.add_parser(
        "release-keygen", help="for maintainers: create a release signing key pair"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release.py", description="Askel release manifests (Ed25519).")
    commands = parser.add_subparsers(dest="command", required=True)
    verify = commands.add_parser("verify", help="check a release folder against its signed manifest")
    _add_verify_arguments(verify)
    verify.add_argument("--installed-version", metavar="V",
                        help="refuse a release older than this (default: the Askel this runs in, if any)")
    _add_sign_arguments(commands.add_parser("sign", help="write the signed manifest of a release folder"))
    _add_keygen_arguments(commands.add_parser("keygen", help="create a release signing key pair"))
    commands.add_parser("check-build", help="exit 1 when this Askel pins the development release key"
                        ).set_defaults(handler=cmd_check_build)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
