"""The typed settings registry and its layers: IT policy, organisation defaults, the user's own choices.

Every setting is declared once in `REGISTRY` (key, type, default, allowed values, who may change it, a label
and a description in English, Finnish and Swedish). The Group Policy templates and the JSON schema are
generated from it (`askel.core.policy_templates`), so a setting cannot exist in one place and be missing from
another.

Where a value comes from, strongest first:
1. Windows policy: `HKLM\\Software\\Policies\\Askel`, then `HKCU\\Software\\Policies\\Askel`. Value
   names are the setting keys; `trusted_pack_keys` is the subkey of that name with one value per key, as the
   ADMX list element writes it.
2. macOS managed preferences: `/Library/Managed Preferences/fi.askel.Askel.plist` (a dict of setting keys).
3. The JSON policy file: `$ASKEL_POLICY_FILE` if set, else `/etc/askel/policy.json` (Linux, macOS) or
   `%ProgramData%\\Askel\\policy.json` (Windows). Its shape (schema: `askel-policy.schema.json`):

       {
         "$schema": "...optional, ignored...",
         "policy":   {"auto_lock_minutes": 5, "update_check": "off"},
         "defaults": {"language": "sv"}
       }

   `policy` values are locked like those of any other policy layer; `defaults` are organisation defaults that
   the user may still change (they rank below the user's own choices).
4. The user settings file: a JSON object of setting keys, written by `Settings.set`.
5. Organisation defaults from the JSON policy file's `defaults`.
6. The registry default.

A value from a policy layer locks the setting. A bad policy entry (unknown key, wrong type, out of range)
never stops the app: it is ignored and listed in `Settings.problems`; so is a policy or user file that is
malformed or larger than 1 MiB. `user_editable` marks the settings of the personal preferences page; the
others belong to the organisation page, which a practice without central IT fills in itself. Only a policy
lock is a real restriction: the user file is the user's own.
"""

from __future__ import annotations

import base64
import json
import os
import plistlib
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Protocol

from askel.core.atomic import atomic_write
from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message
from askel.core.validation import TEXT_LIMITS

MAX_FILE_BYTES = 1024 * 1024
POLICY_REGISTRY_KEY = r"Software\Policies\Askel"
MAC_MANAGED_PREFERENCES = Path("/Library/Managed Preferences/fi.askel.Askel.plist")
POLICY_FILE_ENV = "ASKEL_POLICY_FILE"
USER_SETTINGS_FILENAME = "settings.json"  # in the config folder
LANGUAGES = ("en", "fi", "sv")  # every label and description exists in each

# 32 bytes in standard base64: 43 characters (the last one carries 4 bits, so 2 zero bits) and one `=`.
PUBLIC_KEY_PATTERN = r"[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]="
PUBLIC_KEY_LENGTH = 44
OID_PATTERN = r"[0-2](?:\.(?:0|[1-9][0-9]{0,15}))+"
MAX_OID_LENGTH = 128
MAX_PATH_LENGTH = 1023  # the longest string the ADMX text element stores
MAX_TRUSTED_KEYS = 64


class Kind(StrEnum):
    BOOL = "bool"
    INT = "int"
    CHOICE = "choice"
    TEXT = "text"  # one line
    MULTILINE_TEXT = "multiline_text"
    PATH = "path"
    PUBLIC_KEY = "public_key"  # base64 X25519
    PUBLIC_KEY_LIST = "public_key_list"  # base64 Ed25519, one per entry
    OID = "oid"


class SettingsError(Exception):
    """Base class: `.message` is the translatable explanation (context "settings")."""

    def __init__(self, key: str, msg: Message):
        self.key = key
        self.message = msg
        super().__init__(f"{key}: {msg.english()}")


class SettingLockedError(SettingsError):
    def __init__(self, key: str):
        super().__init__(
            key,
            message(
                "settings", QT_TRANSLATE_NOOP("settings", "This setting is locked by your organisation's IT.")
            ),
        )


class SettingValueError(SettingsError, ValueError):
    pass


@dataclass(frozen=True)
class Setting:
    """One setting. Texts (`label`, `description`, `choice_labels`) are keyed by language: en, fi, sv."""

    key: str
    kind: Kind
    default: object
    label: Mapping[str, str]
    description: Mapping[str, str]
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    choice_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    max_length: int | None = None
    user_editable: bool = False
    lockable: bool = True

    def coerce(self, raw: object) -> object:
        """The typed value for `raw` as a policy source or the UI gives it, or `SettingValueError`.

        Registry values arrive as DWORDs and strings, so booleans and numbers are also read from text.
        """
        value = _COERCERS[self.kind](self, raw)
        if value is None:
            raise SettingValueError(self.key, self._rule())
        return value

    def to_json(self, value: object) -> object:
        return list(value) if isinstance(value, tuple) else value

    def _rule(self) -> Message:
        def rule(text: str, **args: object) -> Message:
            return message("settings", text, **args)

        match self.kind:
            case Kind.BOOL:
                return rule(QT_TRANSLATE_NOOP("settings", "Use true or false."))
            case Kind.INT:
                return rule(
                    QT_TRANSLATE_NOOP("settings", "Use a whole number from {minimum} to {maximum}."),
                    minimum=self.minimum,
                    maximum=self.maximum,
                )
            case Kind.CHOICE:
                return rule(
                    QT_TRANSLATE_NOOP("settings", "Use one of: {choices}."), choices=", ".join(self.choices)
                )
            case Kind.TEXT:
                return rule(
                    QT_TRANSLATE_NOOP("settings", "Use one line of text, at most {limit} characters."),
                    limit=self.max_length,
                )
            case Kind.MULTILINE_TEXT:
                return rule(
                    QT_TRANSLATE_NOOP(
                        "settings", "Use text without control characters, at most {limit} characters."
                    ),
                    limit=self.max_length,
                )
            case Kind.PATH:
                return rule(QT_TRANSLATE_NOOP("settings", "Use an absolute folder path, or leave it empty."))
            case Kind.PUBLIC_KEY:
                return rule(
                    QT_TRANSLATE_NOOP(
                        "settings", "Use a base64-encoded 32-byte public key, or leave it empty."
                    )
                )
            case Kind.PUBLIC_KEY_LIST:
                return rule(
                    QT_TRANSLATE_NOOP(
                        "settings", "Use a list of at most {limit} base64-encoded 32-byte public keys."
                    ),
                    limit=MAX_TRUSTED_KEYS,
                )
            case Kind.OID:
                return rule(
                    QT_TRANSLATE_NOOP(
                        "settings", "Use an OID: numbers separated by dots, such as 1.2.246.10.12345678.22."
                    )
                )


# --- value coercion: each returns the typed value, or None when `raw` is not acceptable ---------------------


def _coerce_bool(spec: Setting, raw: object) -> bool | None:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        return {"true": True, "1": True, "false": False, "0": False}.get(raw.strip().lower())
    return None


def _coerce_int(spec: Setting, raw: object) -> int | None:
    if isinstance(raw, str) and re.fullmatch(r"[+-]?[0-9]{1,9}", raw.strip()):
        raw = int(raw.strip())
    # JSON Schema counts 10.0 as an integer, and a plist may hold a <real>: accept whole numbers in that form.
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int):
        return None
    return raw if spec.minimum <= raw <= spec.maximum else None


def _coerce_choice(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    choice = raw.strip().lower()
    return choice if choice in spec.choices else None


def _coerce_text(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str) or _has_control_characters(raw):
        return None
    text = raw.strip()
    return text if len(text) <= spec.max_length else None


def _coerce_multiline_text(spec: Setting, raw: object) -> str | None:
    # The ADMX multiText element stores a REG_MULTI_SZ, which the registry reader returns as a list of lines.
    if isinstance(raw, list) and all(isinstance(line, str) for line in raw):
        raw = "\n".join(raw)
    if not isinstance(raw, str):
        return None
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _has_control_characters(text, allowed="\n\t"):
        return None
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return text if len(text) <= spec.max_length else None


def _coerce_path(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str) or _has_control_characters(raw):
        return None
    path = raw.strip()
    if not path:
        return path
    # The file may be shared between platforms, so both path styles count as absolute (C:\x, \\server\x, /x).
    absolute = PureWindowsPath(path).is_absolute() or PurePosixPath(path).is_absolute()
    return path if absolute and len(path) <= MAX_PATH_LENGTH else None


def _coerce_public_key(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    key = raw.strip()
    return key if not key or _is_public_key(key) else None


def _coerce_public_key_list(spec: Setting, raw: object) -> tuple[str, ...] | None:
    if isinstance(raw, str):
        raw = raw.replace(",", " ").split()
    if not isinstance(raw, list | tuple) or not all(isinstance(key, str) for key in raw):
        return None
    keys = tuple(dict.fromkeys(key.strip() for key in raw if key.strip()))  # drop duplicates, keep order
    return keys if len(keys) <= MAX_TRUSTED_KEYS and all(map(_is_public_key, keys)) else None


def _coerce_oid(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    oid = raw.strip()
    return oid if not oid or (len(oid) <= MAX_OID_LENGTH and re.fullmatch(OID_PATTERN, oid)) else None


_COERCERS: dict[Kind, Callable[[Setting, object], object]] = {
    Kind.BOOL: _coerce_bool,
    Kind.INT: _coerce_int,
    Kind.CHOICE: _coerce_choice,
    Kind.TEXT: _coerce_text,
    Kind.MULTILINE_TEXT: _coerce_multiline_text,
    Kind.PATH: _coerce_path,
    Kind.PUBLIC_KEY: _coerce_public_key,
    Kind.PUBLIC_KEY_LIST: _coerce_public_key_list,
    Kind.OID: _coerce_oid,
}


def _has_control_characters(text: str, allowed: str = "") -> bool:
    # Cs (lone surrogates) cannot be written back as UTF-8, so they count as control characters here.
    return any(c not in allowed and unicodedata.category(c) in ("Cc", "Cs") for c in text)


def _is_public_key(text: str) -> bool:
    return re.fullmatch(PUBLIC_KEY_PATTERN, text) is not None and len(base64.b64decode(text)) == 32


# --- the registry ------------------------------------------------------------------------------------------


def _texts(en: str, fi: str, sv: str) -> dict[str, str]:
    return dict(zip(LANGUAGES, (en, fi, sv), strict=True))


SAFETY_INSTRUCTIONS_FI = """\
Jos asiakkaalla voi olla välitön itsetuhon tai väkivallan vaara:
- Älä jätä asiakasta yksin. Pyydä kollega avuksi.
- Ota heti yhteyttä päivystävään lääkäriin.
- Jos henki on vaarassa, soita hätänumeroon 112.

Jos vaara ei ole välitön, arvioi tilanne ja sovi asiakkaan kanssa seuraavasta yhteydenotosta. Kerro, \
mistä apua saa kaikkina vuorokaudenaikoina: terveyskeskuksen päivystys ja alueen kriisipalvelut.

Kirjaa arvio ja sovitut toimet potilaskertomukseen."""

SAFETY_INSTRUCTIONS_SV = """\
Om klienten kan vara i akut fara att skada sig själv eller någon annan:
- Lämna inte klienten ensam. Be en kollega om hjälp.
- Kontakta genast jourhavande läkare.
- Ring nödnumret 112 om livet är i fara.

Om faran inte är akut: bedöm situationen och kom överens med klienten om nästa kontakt. Berätta var man får \
hjälp dygnet runt: hälsocentralens jour och de lokala krisjänsterna.

Dokumentera bedömningen och de överenskomna åtgärderna i journalen."""

_SAFETY_DESCRIPTION = _texts(
    "Instructions shown to the clinician with a risk alert (for example a PHQ-9 item 9 answer above 0). "
    "Add your local crisis services and their phone numbers.",
    "Ohje, joka näytetään työntekijälle riskihälytyksen yhteydessä (esimerkiksi kun PHQ-9:n kysymyksen 9 "
    "vastaus on yli 0). Lisää alueenne kriisipalvelut ja niiden puhelinnumerot.",
    "Anvisning som visas för den anställda tillsammans med en riskvarning (till exempel när svaret på fråga "
    "9 i PHQ-9 är över 0). Lägg till era lokala krisjänster och deras telefonnummer.",
)

_SETTINGS = (
    Setting(
        "language",
        Kind.CHOICE,
        "fi",
        choices=("fi", "sv"),
        choice_labels={
            "fi": _texts("Finnish", "Suomi", "Finska"),
            "sv": _texts("Swedish", "Ruotsi", "Svenska"),
        },
        user_editable=True,
        label=_texts("User interface language", "Käyttöliittymän kieli", "Användargränssnittets språk"),
        description=_texts(
            "Language of the Askel user interface. The language of client-facing texts is chosen separately "
            "for each client.",
            "Askelin käyttöliittymän kieli. Asiakkaalle näytettävien tekstien kieli valitaan erikseen "
            "kullekin asiakkaalle.",
            "Språket i Askels användargränssnitt. Språket i texter som visas för klienten väljs separat för "
            "varje klient.",
        ),
    ),
    Setting(
        "text_size",
        Kind.CHOICE,
        "100",
        choices=("100", "125", "150", "200"),
        choice_labels={size: _texts(f"{size} %", f"{size} %", f"{size} %") for size in ("100", "125", "150", "200")},
        user_editable=True,
        label=_texts("Text size", "Tekstin koko", "Textstorlek"),
        description=_texts(
            "Size of all text in Askel, in per cent of the normal size. Screens that no longer fit scroll.",
            "Askelin kaiken tekstin koko prosentteina tavallisesta. Näkymät, jotka eivät enää mahdu "
            "ruudulle, vierivät.",
            "Storleken på all text i Askel, i procent av den normala storleken. Vyer som inte längre ryms "
            "på skärmen kan rullas.",
        ),
    ),
    Setting(
        "auto_lock_minutes",
        Kind.INT,
        10,
        minimum=1,
        maximum=120,
        user_editable=True,
        label=_texts(
            "Lock after inactivity (minutes)",
            "Lukitus käyttämättömyyden jälkeen (minuuttia)",
            "Låsning efter inaktivitet (minuter)",
        ),
        description=_texts(
            "Askel locks itself and asks for the passphrase again when it has not been used for this many "
            "minutes.",
            "Askel lukittuu ja kysyy tunnuslauseen uudelleen, kun sitä ei ole käytetty näin moneen "
            "minuuttiin.",
            "Askel låser sig och frågar efter lösenfrasen igen när programmet inte har använts på så här "
            "många minuter.",
        ),
    ),
    Setting(
        "remember_allowed",
        Kind.BOOL,
        True,
        label=_texts(
            "Allow remembering the unlock on this computer",
            "Salli avauksen muistaminen tällä tietokoneella",
            "Tillåt att upplåsningen sparas på den här datorn",
        ),
        description=_texts(
            "When allowed, a clinician may keep the database key in the operating system's credential store "
            '("remember on this computer"), so that Askel opens without the passphrase under the same user '
            "account. When not allowed, the passphrase is always asked.",
            "Kun tämä on sallittu, työntekijä voi tallentaa tietokannan avaimen käyttöjärjestelmän "
            'tunnustietosäilöön ("muista tällä tietokoneella"), jolloin Askel avautuu samalla '
            "käyttäjätilillä ilman tunnuslausetta. Kun tämä ei ole sallittu, tunnuslause kysytään aina.",
            "När detta är tillåtet kan den anställda spara databasnyckeln i operativsystemets lagring för "
            'inloggningsuppgifter ("kom ihåg på den här datorn"), så att Askel öppnas utan lösenfras under '
            "samma användarkonto. När det inte är tillåtet frågas alltid efter lösenfrasen.",
        ),
    ),
    Setting(
        "clipboard_clear_seconds",
        Kind.INT,
        60,
        minimum=0,
        maximum=3600,
        label=_texts(
            "Clear the clipboard after (seconds)",
            "Leikepöydän tyhjennys (sekunnin kuluttua)",
            "Töm urklipp efter (sekunder)",
        ),
        description=_texts(
            "Text that Askel copies to the clipboard, such as a patient record entry, is removed from the "
            "clipboard after this many seconds. 0 = never cleared.",
            "Askelin leikepöydälle kopioima teksti, kuten potilaskertomukseen liitettävä merkintä, "
            "poistetaan leikepöydältä näin monen sekunnin kuluttua. 0 = ei tyhjennetä.",
            "Text som Askel kopierar till urklipp, till exempel en journalanteckning, tas bort från urklipp "
            "efter så här många sekunder. 0 = töms aldrig.",
        ),
    ),
    Setting(
        "export_drop_folder",
        Kind.PATH,
        "",
        max_length=MAX_PATH_LENGTH,
        label=_texts("Export folder", "Vientikansio", "Exportmapp"),
        description=_texts(
            "Folder where exported files (patient record text, PDF, FHIR) are saved by default, for example "
            "a network share read by the patient record system. Empty = the user chooses the folder each "
            "time.",
            "Kansio, johon viedyt tiedostot (kertomusteksti, PDF, FHIR) tallennetaan oletuksena, esimerkiksi "
            "potilastietojärjestelmän lukema verkkolevy. Tyhjä = käyttäjä valitsee kansion joka kerta.",
            "Mapp där exporterade filer (journaltext, PDF, FHIR) sparas som standard, till exempel en "
            "nätverksmapp som patientdatasystemet läser. Tom = användaren väljer mapp varje gång.",
        ),
    ),
    Setting(
        "export_recipient_key",
        Kind.PUBLIC_KEY,
        "",
        max_length=PUBLIC_KEY_LENGTH,
        label=_texts(
            "Export encryption key (recipient)",
            "Viennin salausavain (vastaanottaja)",
            "Krypteringsnyckel för export (mottagare)",
        ),
        description=_texts(
            "Base64-encoded X25519 public key. When set, exported files are encrypted to this recipient, "
            "for example the organisation's integration service. Empty = exports are not encrypted to a "
            "recipient.",
            "Base64-muotoinen X25519-julkinen avain. Kun avain on asetettu, viedyt tiedostot salataan tälle "
            "vastaanottajalle, esimerkiksi organisaation integraatiopalvelulle. Tyhjä = vientejä ei salata "
            "vastaanottajalle.",
            "Base64-kodad offentlig X25519-nyckel. När nyckeln är angiven krypteras exporterade filer till "
            "denna mottagare, till exempel organisationens integrationstjänst. Tom = exporter krypteras inte "
            "till någon mottagare.",
        ),
    ),
    Setting(
        "recovery_public_key",
        Kind.PUBLIC_KEY,
        "",
        max_length=PUBLIC_KEY_LENGTH,
        label=_texts(
            "Organisation recovery key", "Organisaation palautusavain", "Organisationens återställningsnyckel"
        ),
        description=_texts(
            "Base64-encoded X25519 public key of the organisation. When set, every local database key is "
            "also sealed to this key, so that IT can recover the data if a clinician forgets the "
            "passphrase. Keep the private key offline.",
            "Organisaation Base64-muotoinen X25519-julkinen avain. Kun avain on asetettu, jokainen "
            "paikallisen tietokannan avain sinetöidään myös tälle avaimelle, jotta IT voi palauttaa tiedot, "
            "jos työntekijä unohtaa tunnuslauseensa. Säilytä yksityinen avain verkosta erillään.",
            "Organisationens Base64-kodade offentliga X25519-nyckel. När nyckeln är angiven förseglas varje "
            "lokal databasnyckel även med denna nyckel, så att IT kan återställa uppgifterna om en anställd "
            "glömmer sin lösenfras. Förvara den privata nyckeln frånkopplad från nätet.",
        ),
    ),
    Setting(
        "trusted_pack_keys",
        Kind.PUBLIC_KEY_LIST,
        (),
        label=_texts(
            "Trusted content pack signing keys",
            "Luotetut sisältöpakettien allekirjoitusavaimet",
            "Betrodda signeringsnycklar för innehållspaket",
        ),
        description=_texts(
            "Base64-encoded Ed25519 public keys, one per entry. Askel loads a content pack only if it is "
            "signed by one of these keys. Empty = no content packs are loaded.",
            "Base64-muotoiset Ed25519-julkiset avaimet, yksi kuhunkin kohtaan. Askel ottaa sisältöpaketin "
            "käyttöön vain, jos se on allekirjoitettu jollakin näistä avaimista. Tyhjä = sisältöpaketteja ei "
            "oteta käyttöön.",
            "Base64-kodade offentliga Ed25519-nycklar, en per post. Askel läser in ett innehållspaket "
            "endast om det är signerat med någon av dessa nycklar. Tom = inga innehållspaket läses in.",
        ),
    ),
    Setting(
        "organisation_oid",
        Kind.OID,
        "",
        max_length=MAX_OID_LENGTH,
        label=_texts("Organisation OID", "Organisaation OID-tunnus", "Organisationens OID"),
        description=_texts(
            "Object identifier (OID) of the organisation or unit in the national register of social and health "
            "care organisations, such as 1.2.246.10.12345678.10.1: digits separated by dots. FHIR exports "
            "identify the organisation by it.",
            "Organisaation tai yksikön OID-tunnus sosiaali- ja terveydenhuollon organisaatiorekisterissä, "
            "esimerkiksi 1.2.246.10.12345678.10.1: numeroita pisteillä erotettuina. FHIR-vienneissä "
            "organisaatio tunnistetaan sen avulla.",
            "Organisationens eller enhetens OID i registret över social- och hälsovårdsorganisationer, till "
            "exempel 1.2.246.10.12345678.10.1: siffror åtskilda av punkter. I FHIR-exporter identifieras "
            "organisationen med den.",
        ),
    ),
    Setting(
        "temporary_id_root",
        Kind.OID,
        "",
        max_length=MAX_OID_LENGTH,
        label=_texts("Root of temporary identifiers", "Väliaikaisten tunnisteiden juuri",
                     "Rot för tillfälliga identifierare"),
        description=_texts(
            "The OID under which the organisation issues temporary personal identifiers, without the year, "
            "such as 1.2.246.10.12345678.22. FHIR exports add the year. Empty = a temporary identifier is "
            "left out of FHIR exports.",
            "OID, jonka alla organisaatio antaa väliaikaiset henkilötunnisteet, ilman vuotta, esimerkiksi "
            "1.2.246.10.12345678.22. FHIR-viennit lisäävät vuoden. Tyhjä = väliaikainen tunniste jätetään "
            "pois FHIR-vienneistä.",
            "OID under vilken organisationen ger tillfälliga personidentifierare, utan år, till exempel "
            "1.2.246.10.12345678.22. FHIR-exporter lägger till året. Tom = en tillfällig identifierare "
            "utelämnas ur FHIR-exporter.",
        ),
    ),
    Setting(
        "test_identity_codes",
        Kind.BOOL,
        False,
        label=_texts("Test environment: 900-999 codes are test identity codes",
                     "Testiympäristö: 900-999-tunnukset ovat testihenkilötunnuksia",
                     "Testmiljö: 900-999-koder är testpersonbeteckningar"),
        description=_texts(
            "On: identity codes with an individual number 900-999 are exported as test codes under the "
            "national system, as a test environment of the patient record expects. Off: they are temporary "
            "identifiers of this organisation.",
            "Päällä: henkilötunnukset, joiden yksilönumero on 900-999, viedään testitunnuksina kansallisen "
            "järjestelmän alla, kuten potilastietojärjestelmän testiympäristö odottaa. Pois: ne ovat "
            "organisaation väliaikaisia tunnisteita.",
            "På: personbeteckningar med individnummer 900-999 exporteras som testbeteckningar under det "
            "nationella systemet, som journalsystemets testmiljö väntar sig. Av: de är organisationens "
            "tillfälliga identifierare.",
        ),
    ),
    Setting(
        "record_accepts_unicode",
        Kind.BOOL,
        False,
        label=_texts("The patient record accepts all characters", "Potilaskertomus hyväksyy kaikki merkit",
                     "Journalen accepterar alla tecken"),
        description=_texts(
            "Off: the text entry is checked against the Latin-9 character set that some record systems still "
            "use, and characters they may reject are shown before copying. On: the record takes full Unicode.",
            "Pois: kertomusteksti tarkistetaan Latin-9-merkistöä vasten, jota osa potilastietojärjestelmistä "
            "yhä käyttää, ja merkit, joita ne voivat hylätä, näytetään ennen kopiointia. Päällä: kertomus "
            "hyväksyy kaikki Unicode-merkit.",
            "Av: journaltexten kontrolleras mot teckenuppsättningen Latin-9 som en del journalsystem ännu "
            "använder, och tecken som de kan avvisa visas före kopieringen. På: journalen tar emot all Unicode.",
        ),
    ),
    Setting(
        "record_headings_file",
        Kind.PATH,
        "",
        max_length=MAX_PATH_LENGTH,
        label=_texts("Record headings file", "Kertomuksen otsikkotiedosto", "Fil med journalrubriker"),
        description=_texts(
            "A YAML file with the organisation's headings of the record entry by profession (the shape of "
            "resources/record/headings.yaml). Empty = the headings shipped with Askel.",
            "YAML-tiedosto, jossa ovat organisaation kertomusmerkinnän otsikot ammattiryhmittäin "
            "(muoto kuten resources/record/headings.yaml). Tyhjä = Askelin mukana tulevat otsikot.",
            "En YAML-fil med organisationens rubriker för journalanteckningen per yrkesgrupp (formen som "
            "resources/record/headings.yaml). Tom = rubrikerna som följer med Askel.",
        ),
    ),
    Setting(
        "organisation_name",
        Kind.TEXT,
        "",
        max_length=TEXT_LIMITS["organisation_name"],
        label=_texts("Organisation name", "Organisaation nimi", "Organisationens namn"),
        description=_texts(
            "Shown in reports and exports, for example the name of the wellbeing services county.",
            "Näytetään raporteissa ja vienneissä, esimerkiksi hyvinvointialueen nimi.",
            "Visas i rapporter och exporter, till exempel välfärdsområdets namn.",
        ),
    ),
    Setting(
        "unit_code",
        Kind.TEXT,
        "",
        max_length=40,
        label=_texts("Unit code", "Yksikön tunnus", "Enhetens kod"),
        description=_texts(
            "The unit's code in the county's regional data set (for example its SOTE organisation code).",
            "Yksikön tunnus hyvinvointialueen alueellisessa aineistossa (esimerkiksi sen SOTE-organisaatiotunnus).",
            "Enhetens kod i välfärdsområdets regionala datamängd (till exempel dess SOTE-organisationskod).",
        ),
    ),
    Setting(
        "region_recipient_key",
        Kind.PUBLIC_KEY,
        "",
        max_length=PUBLIC_KEY_LENGTH,
        label=_texts("Regional data set key", "Alueellisen aineiston avain", "Nyckel för regional datamängd"),
        description=_texts(
            "Base64 X25519 public key of the regional coordinator (askel region keygen). Regional data sets are "
            "encrypted to it; without it none can be made.",
            "Alueellisen koordinaattorin Base64-muotoinen X25519-julkinen avain (askel region keygen). "
            "Alueelliset aineistot salataan sille; ilman sitä aineistoa ei voi tehdä.",
            "Den regionala koordinatorns Base64-kodade offentliga X25519-nyckel (askel region keygen). Regionala "
            "datamängder krypteras till den; utan den kan ingen göras.",
        ),
    ),
    Setting(
        "statistics_period",
        Kind.CHOICE,
        "year",
        choices=("month", "quarter", "half", "year"),
        choice_labels={
            "month": _texts("Month", "Kuukausi", "Månad"),
            "quarter": _texts("Quarter", "Vuosineljännes", "Kvartal"),
            "half": _texts("Half-year", "Vuosipuolisko", "Halvår"),
            "year": _texts("Year", "Vuosi", "År"),
        },
        label=_texts("Statistics period", "Tilastojen ajanjakso", "Statistikens period"),
        description=_texts(
            "The one kind of calendar period that statistics and regional reports are published for. Tables of "
            "periods that nest (a half-year and one of its quarters) could be subtracted to show one client.",
            "Ainoa kalenterijakson laji, jolta tilastot ja alueelliset raportit julkaistaan. Sisäkkäisten "
            "jaksojen (vuosipuoliskon ja sen vuosineljänneksen) taulukot voisi vähentää toisistaan, jolloin "
            "yksi asiakas paljastuisi.",
            "Det enda slaget av kalenderperiod som statistik och regionala rapporter publiceras för. Tabeller "
            "för perioder inom varandra (ett halvår och ett av dess kvartal) kunde dras från varandra så att en "
            "klient syns.",
        ),
    ),
    Setting(
        "region_store",
        Kind.TEXT,
        "",
        max_length=MAX_PATH_LENGTH,
        label=_texts("Regional store", "Alueellinen tietokanta", "Regional databas"),
        description=_texts(
            "The coordinator's store that askel region opens: a file path, or a postgresql+psycopg:// URL "
            "without a password. Empty = region.db in the data folder's region folder.",
            "Koordinaattorin tietokanta, jonka askel region avaa: tiedostopolku tai postgresql+psycopg://-osoite "
            "ilman salasanaa. Tyhjä = region.db datakansion region-kansiossa.",
            "Koordinatorns databas som askel region öppnar: en filsökväg eller en postgresql+psycopg://-adress "
            "utan lösenord. Tom = region.db i datamappens region-mapp.",
        ),
    ),
    Setting(
        "safety_instructions_fi",
        Kind.MULTILINE_TEXT,
        SAFETY_INSTRUCTIONS_FI,
        max_length=TEXT_LIMITS["safety_instructions"],
        label=_texts(
            "Safety instructions (Finnish)", "Turvallisuusohje (suomeksi)", "Säkerhetsanvisning (på finska)"
        ),
        description=_SAFETY_DESCRIPTION,
    ),
    Setting(
        "safety_instructions_sv",
        Kind.MULTILINE_TEXT,
        SAFETY_INSTRUCTIONS_SV,
        max_length=TEXT_LIMITS["safety_instructions"],
        label=_texts(
            "Safety instructions (Swedish)", "Turvallisuusohje (ruotsiksi)", "Säkerhetsanvisning (på svenska)"
        ),
        description=_SAFETY_DESCRIPTION,
    ),
    Setting(
        "outcome_preset",
        Kind.CHOICE,
        "nhs",
        choices=("nhs", "fi_regional"),
        choice_labels={
            "nhs": _texts("NHS Talking Therapies", "NHS Talking Therapies", "NHS Talking Therapies"),
            "fi_regional": _texts(
                "Finnish regional model", "Suomalainen alueellinen malli", "Finländsk regional modell"
            ),
        },
        label=_texts("Outcome rules", "Tuloksellisuuden säännöt", "Regler för behandlingsresultat"),
        description=_texts(
            "Thresholds for recovery and reliable change in statistics: NHS Talking Therapies, or the "
            "Finnish regional model (remission PHQ-9 below 5, meaningful change a drop of at least 5 "
            "points).",
            "Toipumisen ja luotettavan muutoksen raja-arvot tilastoissa: NHS Talking Therapies tai "
            "suomalainen alueellinen malli (remissio PHQ-9 alle 5, merkittävä muutos vähintään 5 pisteen "
            "lasku).",
            "Tröskelvärden för återhämtning och tillförlitlig förändring i statistiken: NHS Talking "
            "Therapies eller den finländska regionala modellen (remission PHQ-9 under 5, betydande "
            "förändring en minskning med minst 5 poäng).",
        ),
    ),
    Setting(
        "retention_days",
        Kind.INT,
        0,
        minimum=0,
        maximum=3650,
        label=_texts(
            "Keep finished courses (days)",
            "Päättyneiden hoitojaksojen säilytysaika (päivää)",
            "Lagringstid för avslutade vårdperioder (dagar)",
        ),
        description=_texts(
            "A finished course is removed from this computer this many days after its export to the patient "
            "record was confirmed. 0 = kept until removed by hand. The patient record, not Askel, is the "
            "official record.",
            "Päättynyt hoitojakso poistetaan tältä tietokoneelta näin monen päivän kuluttua siitä, kun sen "
            "vienti potilaskertomukseen on vahvistettu. 0 = säilytetään, kunnes se poistetaan käsin. "
            "Virallinen asiakirja on potilaskertomus, ei Askel.",
            "En avslutad vårdperiod tas bort från den här datorn så här många dagar efter att exporten till "
            "journalen har bekräftats. 0 = behålls tills den tas bort manuellt. Den officiella handlingen är "
            "journalen, inte Askel.",
        ),
    ),
    Setting(
        "update_check",
        Kind.CHOICE,
        "off",
        choices=("off", "notify"),
        choice_labels={
            "off": _texts("Off", "Pois käytöstä", "Av"),
            "notify": _texts("Notify", "Ilmoita", "Meddela"),
        },
        label=_texts("Check for updates", "Päivitysten tarkistus", "Sök efter uppdateringar"),
        description=_texts(
            "Off: Askel never contacts the network for updates (IT distributes them). Notify: Askel checks "
            "whether a new version is available and tells the user, without installing anything.",
            "Pois käytöstä: Askel ei ota yhteyttä verkkoon päivitysten vuoksi (IT jakelee päivitykset). "
            "Ilmoita: Askel tarkistaa, onko uusi versio saatavilla, ja kertoo siitä käyttäjälle asentamatta "
            "mitään.",
            "Av: Askel kontaktar aldrig nätet för uppdateringar (IT distribuerar dem). Meddela: Askel "
            "kontrollerar om en ny version finns och meddelar användaren utan att installera något.",
        ),
    ),
    Setting(
        "backup_keep",
        Kind.INT,
        10,
        minimum=1,
        maximum=100,
        label=_texts(
            "Number of backups to keep",
            "Säilytettävien varmuuskopioiden määrä",
            "Antal säkerhetskopior som sparas",
        ),
        description=_texts(
            "Askel keeps this many encrypted backups of the database and removes older ones.",
            "Askel säilyttää näin monta salattua varmuuskopiota tietokannasta ja poistaa vanhemmat.",
            "Askel sparar så här många krypterade säkerhetskopior av databasen och tar bort äldre.",
        ),
    ),
    Setting(
        "backup_interval_hours",
        Kind.INT,
        24,
        minimum=0,
        maximum=168,
        label=_texts(
            "Backup interval (hours)",
            "Varmuuskopioinnin väli (tuntia)",
            "Intervall för säkerhetskopiering (timmar)",
        ),
        description=_texts(
            "An encrypted backup is made when Askel is used and this many hours have passed since the "
            "previous one. 0 = no scheduled backups (a backup is still made before every database upgrade).",
            "Salattu varmuuskopio tehdään, kun Askelia käytetään ja edellisestä varmuuskopiosta on kulunut "
            "näin monta tuntia. 0 = ei ajastettuja varmuuskopioita (varmuuskopio tehdään silti aina ennen "
            "tietokannan päivitystä).",
            "En krypterad säkerhetskopia görs när Askel används och så här många timmar har gått sedan den "
            "föregående. 0 = inga schemalagda säkerhetskopior (en säkerhetskopia görs ändå alltid före en "
            "uppgradering av databasen).",
        ),
    ),
    Setting(
        "self_completion_one_per_page",
        Kind.BOOL,
        True,
        user_editable=True,
        label=_texts(
            "Client self-completion: one question per page",
            "Asiakkaan itsetäyttö: yksi kysymys sivulla",
            "Klientens egen ifyllning: en fråga per sida",
        ),
        description=_texts(
            "When a client fills in a questionnaire on this computer, the questions are shown one at a time. "
            "Otherwise all questions are shown on one scrolling page.",
            "Kun asiakas täyttää kyselyn tällä tietokoneella, kysymykset näytetään yksi kerrallaan. Muuten "
            "kaikki kysymykset näytetään samalla vieritettävällä sivulla.",
            "När en klient fyller i ett frågeformulär på den här datorn visas frågorna en i taget. Annars "
            "visas alla frågor på samma rullbara sida.",
        ),
    ),
    Setting(
        "block_screen_capture",
        Kind.BOOL,
        False,
        label=_texts(
            "Hide Askel from screenshots and screen sharing (Windows)",
            "Piilota Askel kuvakaappauksista ja näytön jakamisesta (Windows)",
            "Dölj Askel i skärmbilder och skärmdelning (Windows)",
        ),
        description=_texts(
            "On Windows 10 version 2004 and later, Askel's windows stay visible on the monitor but are left out "
            "of screenshots, recordings and screen sharing in remote meetings. No effect on other systems.",
            "Windows 10:n versiosta 2004 alkaen Askelin ikkunat näkyvät näytöllä mutta jäävät pois "
            "kuvakaappauksista, tallenteista ja etäkokousten näytön jakamisesta. Ei vaikutusta muissa "
            "käyttöjärjestelmissä.",
            "Från Windows 10 version 2004 syns Askels fönster på skärmen men utelämnas från skärmbilder, "
            "inspelningar och skärmdelning i distansmöten. Ingen effekt på andra system.",
        ),
    ),
)

REGISTRY: dict[str, Setting] = {setting.key: setting for setting in _SETTINGS}


# --- problems and layers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SettingsProblem:
    """An ignored policy or settings entry. `key` is None when a whole file or registry key was refused."""

    source: str
    key: str | None
    message: Message

    def english(self) -> str:
        where = f"{self.source}: {self.key}" if self.key else self.source
        return f"{where}: {self.message.english()}"

    __str__ = english


def _problem(source: str, key: str | None, text: str, **args: object) -> SettingsProblem:
    return SettingsProblem(source, key, message("settings", text, **args))


@dataclass
class LayerReading:
    """Raw values from one policy layer: `locked` become policy, `defaults` organisation defaults."""

    locked: dict[str, object] = field(default_factory=dict)
    defaults: dict[str, object] = field(default_factory=dict)
    problems: list[SettingsProblem] = field(default_factory=list)


class PolicyLayer(Protocol):
    name: str  # where the values come from, shown as the source: a file path or a registry key

    def read(self) -> LayerReading: ...


# Returns the values of one registry key (value name → data), or None when the key does not exist.
RegistryReader = Callable[[str, str], dict[str, object] | None]


def read_windows_registry(hive: str, key_path: str) -> dict[str, object] | None:  # pragma: no cover (Windows)
    import winreg

    root = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}[hive]
    try:
        key = winreg.OpenKey(root, key_path)
    except FileNotFoundError:
        return None
    values: dict[str, object] = {}
    with key:
        index = 0
        while True:
            try:
                name, data, value_type = winreg.EnumValue(key, index)
            except OSError:  # no more values
                return values
            values[name] = (
                winreg.ExpandEnvironmentStrings(data) if value_type == winreg.REG_EXPAND_SZ else data
            )
            index += 1


class WindowsRegistryLayer:
    """`HKLM` or `HKCU` `\\Software\\Policies\\Askel`, as Group Policy writes it from the ADMX template."""

    def __init__(self, hive: str, reader: RegistryReader | None = None):
        self.hive = hive
        self.name = f"{hive}\\{POLICY_REGISTRY_KEY}"
        self._reader = reader or read_windows_registry

    def read(self) -> LayerReading:
        reading = LayerReading()
        try:
            values = self._reader(self.hive, POLICY_REGISTRY_KEY) or {}
            # The ADMX `list` element writes one value per entry into a subkey named after the setting.
            for setting in REGISTRY.values():
                if setting.kind is Kind.PUBLIC_KEY_LIST:
                    entries = self._reader(self.hive, f"{POLICY_REGISTRY_KEY}\\{setting.key}")
                    if entries is not None:
                        values[setting.key] = [
                            entries[name] for name in sorted(entries, key=_list_entry_order)
                        ]
        except OSError as error:
            reading.problems.append(
                _problem(
                    f"policy:{self.name}",
                    None,
                    QT_TRANSLATE_NOOP(
                        "settings", "The registry key could not be read ({error}); it was ignored."
                    ),
                    error=error.strerror or type(error).__name__,
                )
            )
            return reading
        reading.locked = values
        return reading


def _list_entry_order(name: str) -> tuple[int, str]:
    # Value names are 1, 2, … 10: sort them as numbers, not as text (ASCII only: int() refuses '²', which isdigit).
    return (int(name), "") if name.isascii() and name.isdigit() else (sys.maxsize, name)


class MacManagedPreferencesLayer:
    """A configuration profile's payload for `fi.askel.Askel`: a plist dict of setting keys."""

    def __init__(self, path: Path = MAC_MANAGED_PREFERENCES):
        self.path = Path(path)
        self.name = str(path)

    def read(self) -> LayerReading:
        reading = LayerReading()
        source = f"policy:{self.name}"
        data = _read_small_file(self.path, source, reading.problems)
        if data is None:
            return reading
        try:
            content = plistlib.loads(data)
        except (
            Exception
        ):  # plistlib raises ValueError, ExpatError and others; a bad file must not stop the app
            content = None
        if not isinstance(content, dict):
            reading.problems.append(
                _problem(
                    source,
                    None,
                    QT_TRANSLATE_NOOP(
                        "settings", "The file is not a property list dictionary; it was ignored."
                    ),
                )
            )
            return reading
        reading.locked = content
        return reading


class JsonPolicyLayer:
    """`{"policy": {...locked...}, "defaults": {...organisation defaults...}}`, see the module docstring."""

    SECTIONS = ("policy", "defaults")

    def __init__(self, path: Path):
        self.path = Path(path)
        self.name = str(path)

    def read(self) -> LayerReading:
        reading = LayerReading()
        source = f"policy:{self.name}"
        content = _read_json_object(self.path, source, reading.problems)
        if content is None:
            return reading
        if _writable_by_others(self.path):
            reading.problems.append(
                _problem(
                    source,
                    None,
                    QT_TRANSLATE_NOOP(
                        "settings",
                        "Users other than its owner can change this policy file; check its permissions.",
                    ),
                )
            )
        for section, values in content.items():
            if section == "$schema":
                continue
            if section not in self.SECTIONS:
                reading.problems.append(
                    _problem(
                        source,
                        section,
                        QT_TRANSLATE_NOOP(
                            "settings", 'Unknown section; only "policy" and "defaults" are read.'
                        ),
                    )
                )
            elif not isinstance(values, dict):
                reading.problems.append(
                    _problem(
                        source,
                        section,
                        QT_TRANSLATE_NOOP("settings", "This section must be a JSON object; it was ignored."),
                    )
                )
            elif section == "policy":
                reading.locked = values
            else:
                reading.defaults = values
        return reading


def _writable_by_others(path: Path) -> bool:
    # A policy file that any user can edit locks nothing. Windows has no such mode bits (ACLs are IT's job).
    if os.name != "posix":
        return False
    try:
        return bool(path.stat().st_mode & 0o022)
    except OSError:
        return False


def policy_file_path(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if environ.get(POLICY_FILE_ENV):
        return Path(environ[POLICY_FILE_ENV])
    if platform == "win32":
        return Path(environ.get("ProgramData", r"C:\ProgramData")) / "Askel" / "policy.json"
    return Path("/etc/askel/policy.json")


def default_policy_layers(platform: str | None = None) -> list[PolicyLayer]:
    """The policy layers of this platform, strongest first."""
    platform = sys.platform if platform is None else platform
    layers: list[PolicyLayer] = []
    if platform == "win32":
        layers += [WindowsRegistryLayer("HKLM"), WindowsRegistryLayer("HKCU")]
    elif platform == "darwin":
        layers.append(MacManagedPreferencesLayer())
    layers.append(JsonPolicyLayer(policy_file_path(platform=platform)))
    return layers


def _read_small_file(path: Path, source: str, problems: list[SettingsProblem]) -> bytes | None:
    """The file's bytes; None when it is absent, or (with a problem) when it is unreadable or too large."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        problems.append(
            _problem(
                source,
                None,
                QT_TRANSLATE_NOOP("settings", "The file could not be read ({error}); it was ignored."),
                error=error.strerror or type(error).__name__,
            )
        )
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.append(
            _problem(
                source,
                None,
                QT_TRANSLATE_NOOP("settings", "The file is larger than {limit} bytes; it was ignored."),
                limit=MAX_FILE_BYTES,
            )
        )
        return None
    return data


def _read_json_object(path: Path, source: str, problems: list[SettingsProblem]) -> dict | None:
    data = _read_small_file(path, source, problems)
    if data is None:
        return None
    try:
        content = json.loads(data)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        content = None
    if not isinstance(content, dict):
        problems.append(
            _problem(
                source, None, QT_TRANSLATE_NOOP("settings", "The file is not a JSON object; it was ignored.")
            )
        )
        return None
    return content


# --- the settings ------------------------------------------------------------------------------------------


class Settings:
    """The effective settings: all layers merged once at load; `set` writes the user file and updates them."""

    def __init__(self, user_file: Path):
        self.user_file = Path(user_file)
        self.problems: list[SettingsProblem] = []
        self._user_raw: dict[str, object] = {}  # the user file as read, unknown keys kept for newer versions
        self._values: dict[str, object] = {}
        self._sources: dict[str, str] = {}
        self._locked: set[str] = set()

    @classmethod
    def load(cls, user_file: Path, policy_layers: Iterable[PolicyLayer] | None = None) -> Settings:
        """Read the layers (None: this platform's, see `default_policy_layers`) and the user file."""
        settings = cls(user_file)
        locked: dict[str, tuple[object, str]] = {}
        organisation: dict[str, tuple[object, str]] = {}
        for layer in default_policy_layers() if policy_layers is None else policy_layers:
            reading = layer.read()
            settings.problems += reading.problems
            for key, value in settings._checked(reading.locked, f"policy:{layer.name}"):
                if REGISTRY[key].lockable:
                    locked.setdefault(key, (value, f"policy:{layer.name}"))
                else:
                    settings._report(
                        f"policy:{layer.name}",
                        key,
                        QT_TRANSLATE_NOOP(
                            "settings", "This setting cannot be locked; it is used as a default."
                        ),
                    )
                    organisation.setdefault(key, (value, f"organisation:{layer.name}"))
            for key, value in settings._checked(reading.defaults, f"organisation:{layer.name}"):
                organisation.setdefault(key, (value, f"organisation:{layer.name}"))

        user_source = f"user:{settings.user_file}"
        settings._user_raw = _read_json_object(settings.user_file, user_source, settings.problems) or {}
        known_user_values = {key: raw for key, raw in settings._user_raw.items() if key in REGISTRY}
        user = {key: (value, "user") for key, value in settings._checked(known_user_values, user_source)}

        for key, setting in REGISTRY.items():
            if key in locked:
                settings._locked.add(key)
            value, source = (
                locked.get(key) or user.get(key) or organisation.get(key) or (setting.default, "default")
            )
            settings._values[key] = value
            settings._sources[key] = source
        return settings

    def get(self, key: str) -> object:
        """The effective value; a list setting is a tuple. An unknown key is a programming error: KeyError."""
        return self._values[key]

    def is_locked(self, key: str) -> bool:
        if key not in REGISTRY:
            raise KeyError(key)
        return key in self._locked

    def source(self, key: str) -> str:
        """`policy:<file or registry key>`, `user`, `organisation:<file>` or `default`."""
        return self._sources[key]

    def set(self, key: str, value: object) -> None:
        """Validate, save to the user file (atomically, mode 0600) and apply a new value.

        Raises SettingLockedError, SettingValueError, KeyError for an unknown key, and OSError when the file
        cannot be written (then nothing changes).
        """
        setting = REGISTRY[key]
        if key in self._locked:
            raise SettingLockedError(key)
        value = setting.coerce(value)
        user_raw = {**self._user_raw, key: setting.to_json(value)}
        text = json.dumps(user_raw, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        atomic_write(self.user_file, text.encode("utf-8"), mode=0o600)
        self._user_raw = user_raw
        self._values[key] = value
        self._sources[key] = "user"

    def _checked(self, raw_values: Mapping[str, object], source: str) -> Iterable[tuple[str, object]]:
        """The valid (key, typed value) pairs of a layer; every unknown key or bad value becomes a problem."""
        for key, raw in raw_values.items():
            setting = REGISTRY.get(key)
            if setting is None:
                self._report(source, key, QT_TRANSLATE_NOOP("settings", "Unknown setting; it was ignored."))
                continue
            try:
                yield key, setting.coerce(raw)
            except SettingValueError as error:
                self.problems.append(SettingsProblem(source, key, error.message))

    def _report(self, source: str, key: str, text: str) -> None:
        self.problems.append(_problem(source, key, text))
