"""The content library: every instrument and protocol version the app can use, from shipped resources and packs.

Loading never stops at a broken file: it records a readable problem in `.errors` and keeps everything it could
load, so the app keeps running on the content it has. Definitions are immutable per (id, version): a pack that
repeats a version unchanged is fine, one that changes it is refused (a course must see the same plan it started on).
Earlier shipped versions live in each folder's `previous/` subfolder, so that stored scores and courses keep theirs.

A pack's wording for one version of an instrument also serves its later versions whose questions and answer values
are the same (a new version that only changes scoring rules must not take away an organisation's licensed wording),
until a pack supplies wording for that version itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from askel.core.content.models import Instrument, InstrumentTexts, Protocol, apply_texts, version_key
from askel.core.content.packs import PackError, installed_packs, read_installed_pack
from askel.core.content.parsing import ContentError, ContentParseError, DefinitionKind, parse_definition

_DEFINITION_SUFFIXES = (".yaml", ".yml", ".json")
_SHIPPED_FOLDERS: tuple[tuple[DefinitionKind, str], ...] = (
    ("instrument", "instruments"),
    ("protocol", "protocols"),
    ("texts", "texts"),
)


class ContentNotFound(KeyError):
    pass


class ContentLibrary:
    def __init__(self) -> None:
        self._instruments: dict[str, dict[str, Instrument]] = {}
        self._protocols: dict[str, dict[str, Protocol]] = {}
        self._sources: dict[tuple[str, str, str], str] = {}
        self._wording: dict[tuple[str, str], tuple[str, str]] = {}  # (id, version) -> (publisher key, source)
        self._pending_texts: list[tuple[InstrumentTexts, str, str]] = []
        self.errors: list[ContentError] = []

    # ------------------------------------------------------------------------------------------- loading

    @classmethod
    def load(
        cls, resources_dir: Path, packs_dir: Path | None = None, *, trusted_keys: Sequence[str] | None = None
    ) -> ContentLibrary:
        """Load shipped content from `resources_dir` and installed packs from `packs_dir`.

        With `trusted_keys`, installed packs are re-verified against IT policy's keys on every load (a pack whose
        key was withdrawn stops loading); without, their file hashes are still checked against the manifest.
        """
        library = cls()
        resources_dir = Path(resources_dir)
        for kind, folder_name in _SHIPPED_FOLDERS:
            folder = resources_dir / folder_name
            if not folder.is_dir():
                if kind != "texts":
                    library.errors.append(ContentError(str(folder), None, "folder not found"))
                continue
            for path in sorted(folder.iterdir()) + sorted((folder / "previous").glob("*")):
                if path.suffix in _DEFINITION_SUFFIXES and path.is_file():
                    library._add(kind, path.read_bytes(), path.name, str(path), publisher="shipped")
        if packs_dir is not None:
            library._load_packs(Path(packs_dir), trusted_keys)
        library._apply_pending_texts()
        library._check_references()
        return library

    def _load_packs(self, packs_dir: Path, trusted_keys: Sequence[str] | None) -> None:
        for pack in installed_packs(packs_dir):
            try:
                manifest, files = read_installed_pack(pack.path, trusted_keys)
            except PackError as exc:
                self.errors.append(ContentError(str(pack.path), None, str(exc)))
                continue
            for entry in manifest.contents:
                source = f"pack {manifest.id} {manifest.version}: {entry.path}"
                self._add(entry.kind, files[entry.path], entry.path, source, publisher=f"pack:{manifest.id}")

    def _add(self, kind: DefinitionKind, data: bytes, name: str, source: str, *, publisher: str) -> None:
        try:
            definition = parse_definition(kind, data, name, source)
        except ContentParseError as exc:
            self.errors.extend(exc.errors)
            return
        if isinstance(definition, InstrumentTexts):
            self._pending_texts.append((definition, publisher, source))
        elif isinstance(definition, Instrument):
            self._register("instrument", self._instruments, definition, source)
        elif isinstance(definition, Protocol):
            self._register("protocol", self._protocols, definition, source)

    def _register(self, kind: str, table: dict, definition: Instrument | Protocol, source: str) -> None:
        versions = table.setdefault(definition.id, {})
        existing = next((v for v in versions.values() if version_key(v.version) == version_key(definition.version)),
                        None)
        if existing is not None:
            if existing != definition:
                earlier = self._sources[(kind, existing.id, existing.version)]
                self.errors.append(ContentError(
                    source, "version",
                    f"{kind} {definition.id} version {definition.version} is already defined differently by "
                    f"{earlier}; a changed definition needs a new version",
                ))
            return
        versions[definition.version] = definition
        self._sources[(kind, definition.id, definition.version)] = source

    def _apply_pending_texts(self) -> None:
        applied: list[tuple[InstrumentTexts, Instrument, str, str]] = []
        for texts, publisher, source in self._pending_texts:
            versions = self._instruments.get(texts.instrument, {})
            target = next((v for v in versions.values() if version_key(v.version) == version_key(texts.version)),
                          None)
            if target is None:
                self.errors.append(ContentError(
                    source, "instrument", f"no instrument {texts.instrument} version {texts.version} to apply to"
                ))
                continue
            key = (target.id, target.version)
            previous = self._wording.get(key)
            if previous is not None and previous[0] != publisher:
                self.errors.append(ContentError(
                    source, "instrument", f"wording for {target.id} {target.version} already comes from {previous[1]}"
                ))
                continue
            try:
                versions[target.version] = apply_texts(target, texts)
            except ValueError as exc:
                self.errors.append(ContentError(source, None, str(exc).splitlines()[0]))
                continue
            self._wording[key] = (publisher, source)
            applied.append((texts, target, publisher, source))
        for texts, target, publisher, source in applied:
            self._forward_texts(texts, target, publisher, source)
        self._pending_texts.clear()

    def _forward_texts(self, texts: InstrumentTexts, target: Instrument, publisher: str, source: str) -> None:
        versions = self._instruments[target.id]
        for version, newer in list(versions.items()):
            key = (newer.id, newer.version)
            if version_key(version) <= version_key(target.version) or key in self._wording:
                continue
            if _answer_structure(newer) != _answer_structure(target):
                continue
            try:
                versions[version] = apply_texts(newer, texts.model_copy(update={"version": newer.version}))
            except ValueError:
                continue
            self._wording[key] = (publisher, source)

    def _check_references(self) -> None:
        for versions in self._protocols.values():
            for protocol in versions.values():
                for instrument_id in protocol.questionnaires.all_ids():
                    if instrument_id not in self._instruments:
                        self.errors.append(ContentError(
                            self._sources[("protocol", protocol.id, protocol.version)],
                            "questionnaires",
                            f"unknown instrument '{instrument_id}'",
                        ))

    # ------------------------------------------------------------------------------------------- queries

    def instruments(self) -> list[Instrument]:
        """The newest version of every instrument, by id."""
        return [self.instrument(instrument_id) for instrument_id in sorted(self._instruments)]

    def instrument(self, instrument_id: str, version: str | None = None) -> Instrument:
        return _pick(self._instruments, "instrument", instrument_id, version)

    def instrument_versions(self, instrument_id: str) -> list[Instrument]:
        return _sorted_versions(self._instruments.get(instrument_id, {}))

    def protocols(self) -> list[Protocol]:
        """The newest version of every protocol, by id."""
        return [self.protocol(protocol_id) for protocol_id in sorted(self._protocols)]

    def protocol(self, protocol_id: str, version: str | None = None) -> Protocol:
        return _pick(self._protocols, "protocol", protocol_id, version)

    def protocol_versions(self, protocol_id: str) -> list[Protocol]:
        return _sorted_versions(self._protocols.get(protocol_id, {}))

    def source(self, definition: Instrument | Protocol) -> str:
        """Where a definition came from: a shipped file or `pack <id> <version>: <path>`."""
        kind = "instrument" if isinstance(definition, Instrument) else "protocol"
        return self._sources[(kind, definition.id, definition.version)]

    def givable(self, instrument_id: str, age: int | None) -> bool:
        """Whether the instrument can be given to a client of `age` now: it is known, its wording is here (a
        licensed one needs the organisation's pack) and its age range fits (no BDI-21 at 12, no RCADS-25 at 19)."""
        try:
            instrument = self.instrument(instrument_id)
        except ContentNotFound:
            return False
        return instrument.has_wording and (age is None or instrument.suits_age(age))

    def wording_source(self, instrument: Instrument) -> str | None:
        """Which texts file supplied a licensed instrument's wording, if any."""
        entry = self._wording.get((instrument.id, instrument.version))
        return entry[1] if entry else None


def _answer_structure(instrument: Instrument) -> tuple:
    """What a texts file addresses: item ids, their answer values, and the shared scales."""
    return (
        tuple((item.id, item.scale, tuple(option.value for option in instrument.options_for(item.id)))
              for item in instrument.items),
        tuple(sorted((scale_id, tuple(o.value for o in options)) for scale_id, options in instrument.scales.items())),
    )


def _sorted_versions(versions: dict) -> list:
    return sorted(versions.values(), key=lambda definition: version_key(definition.version))


def _pick(table: dict, kind: str, definition_id: str, version: str | None):
    versions = table.get(definition_id)
    if not versions:
        raise ContentNotFound(f"no {kind} '{definition_id}'")
    if version is None:
        return _sorted_versions(versions)[-1]
    try:
        wanted = version_key(str(version))
    except ValueError:
        raise ContentNotFound(f"no {kind} '{definition_id}' version {version}") from None
    for definition in versions.values():
        if version_key(definition.version) == wanted:
            return definition
    raise ContentNotFound(f"no {kind} '{definition_id}' version {version}")
