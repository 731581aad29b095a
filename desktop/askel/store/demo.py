"""Demo and training data: plausible fictitious clients, courses, sessions and questionnaires.

Only ever written into a *training vault* (`Vault.create(..., training=True)`): `generate` refuses any other.
No real person can match a generated client: every identity code uses a temporary individual number (900–999,
outside the population register) with a valid check character, and some clients have no code at all.

What is generated, per client (a Finnish or Swedish name from small built-in lists, the client's language matching
the name; guardians for minors):
- one course, sometimes two, on an age-appropriate protocol of the content library (every method occurs);
- sessions about weekly with a mix of attendance (attended / cancelled / no-show) and agenda items done;
- the protocol's questionnaires at the sessions it plans them, scored by the one scoring engine, with totals that
  move plausibly (mostly improving, some unchanged, a few worse);
- finished courses (completed or interrupted) with next steps and usefulness ratings; courses still running; and
  clients under 23 still waiting for their first session, so that the guarantee list has on-time, at-risk and
  overdue rows;
- in a vault without groups, given 20 clients or more, two groups a few meetings in, 14 of the clients their
  members: a Cool Kids children's group at a school and a KLT group for adults (askel.store.demo_groups, written
  through the store's own group functions).

Deterministic: the same seed, number of clients, `today` and starting vault give the same rows (ids included).

Speed (1 000 clients about 1 s, 10 000 about 8 s, 100 000 about 75 s on a 2-core machine; see `make bench`):
everything is inserted in one transaction, in batches of 5 000 clients, with `executemany`. The INSERT statements
are compiled once from the SQLAlchemy tables and the values converted as the columns' own bind processors convert
them (dates and times by `isoformat` where that gives the very same text, checked when the writer starts; JSON by
the column type, memoised for values that repeat), so the stored format is exactly what the ORM writes. Passing
lists of dicts to Core `insert()` spent three quarters of the time in per-row bind processing. Questionnaire
answers come from a small pool per (instrument, respondent, target total), each scored once by `scoring.score`.

Audit: the whole generation is one `create` event (target `demo`, with the seed and the counts), written in the
same transaction as the rows: either all of it lands with its log entry or nothing does.
"""

from __future__ import annotations

import random
import time
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from json import loads as json_loads
from operator import itemgetter
from pathlib import Path

from sqlalchemy import func, insert, select

from askel.core import hetu as hetu_rules
from askel.core.content.guarantee import DEFAULT_RULES, age_on
from askel.core.content.models import Instrument, Protocol
from askel.core.content.scoring import Reference, score
from askel.core.content.statement import stored_facts
from askel.core.i18n import QT_TRANSLATE_NOOP
from askel.store import audit, demo_groups
from askel.store.clients import LOCAL_ID_ALPHABET, name_key
from askel.store.errors import VaultError
from askel.store.models import (
    Administration,
    Client,
    Clinician,
    ClinicianMethod,
    Course,
    Guardian,
    Session,
    TherapyGroup,
    ids_from,
)

BATCH_CLIENTS = 5_000
GROUPS_FROM = 20  # clients asked for, at least, for the demo groups (askel.store.demo_groups) to be added
HISTORY_DAYS = 3 * 365  # need established at most this many days before `today`
WAITING_SHARE = 0.02  # clients under 23 who are still waiting for their first session
POOL_VARIANTS = 6  # answer vectors kept per (instrument, respondent, target total)

# Small built-in name lists: common first and family names, combined at random (the combinations are fictitious).
GIVEN_FI = (
    "Aino", "Eino", "Helmi", "Väinö", "Ilmari", "Lauri", "Aada", "Onni", "Eevi", "Veeti", "Sanni", "Juho", "Kerttu",
    "Oskari", "Iida", "Leevi", "Venla", "Niilo", "Siiri", "Eetu", "Pihla", "Matias", "Kaisla", "Joona", "Ronja",
    "Aleksi", "Minea", "Tuomas", "Enni", "Ville", "Hanna", "Jukka", "Päivi", "Timo", "Riikka", "Markku", "Sari",
    "Pekka", "Tiina", "Seppo", "Anneli", "Kalevi", "Marjatta", "Juhani", "Kaarina", "Olavi", "Tuula", "Antero",
    "Johanna", "Mikko", "Laura", "Janne", "Katja", "Sami", "Heidi", "Teemu", "Noora", "Arttu", "Emilia", "Niko",
)  # fmt: skip
GIVEN_FI_CHILDREN = GIVEN_FI[:30]  # names given to children these last years (the demo's school group)
FAMILY_FI = (
    "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
    "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
    "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
    "Savolainen", "Lahtinen", "Ahonen", "Hiltunen", "Leinonen", "Miettinen", "Pitkänen", "Hirvonen", "Aaltonen",
    "Manninen", "Väisänen", "Anttila", "Ojala", "Räsänen", "Lindholm", "Kallio", "Toivonen", "Peltonen",
    "Huttunen", "Koivisto", "Leppänen", "Laaksonen", "Kokkonen", "Lehto", "Kiiskinen", "Mustonen", "Rautio",
    "Hakala", "Sirviö", "Eskola", "Peltola", "Seppälä", "Kärkkäinen", "Vainio", "Kettunen", "Partanen", "Oksanen",
    "Koski", "Tikkanen", "Nurmi", "Lappalainen", "Hyvönen", "Mäki", "Honkanen", "Rissanen", "Suominen", "Harju",
    "Backman", "Vesterinen", "Lindroos", "Määttä", "Ikonen", "Keränen", "Kauppinen", "Heiskanen", "Halonen",
    "Moilanen", "Pesonen", "Tolonen", "Komulainen", "Nyberg", "Sillanpää", "Rönkkö", "Forsman", "Jääskeläinen",
    "Kivelä", "Pulkkinen", "Vuorinen", "Hyttinen", "Kangas", "Kemppainen", "Lampinen", "Nousiainen",
)  # fmt: skip
GIVEN_SV = (
    "Elsa", "Axel", "Ebba", "Anton", "Ellen", "Oscar", "Alva", "Viktor", "Stella", "Emil", "Linnea", "Hugo", "Ida",
    "William", "Saga", "Elias", "Astrid", "Isak", "Wilma", "Gustav", "Maja", "Fredrik", "Karin", "Johan", "Ingrid",
    "Henrik", "Sofia", "Mikael", "Annika", "Tobias", "Julia", "Jonas", "Emma", "Max", "Amanda", "Rasmus", "Matilda",
)  # fmt: skip
FAMILY_SV = (
    "Lindström", "Nyström", "Holmström", "Lindqvist", "Sjöberg", "Björklund", "Forsström", "Eriksson",
    "Johansson", "Andersson", "Karlsson", "Strömberg", "Grönroos", "Sundqvist", "Wikström", "Mattsson",
    "Öhman", "Blomqvist", "Holmberg", "Sandberg", "Wikman", "Åberg", "Ekström", "Lindberg", "Berglund", "Söderholm",
    "Granholm", "Nordling", "Westerlund", "Fagerström", "Håkansson", "Lundqvist", "Sundström", "Hägglund",
    "Engström", "Kronqvist", "Wallin", "Stenroos", "Öst", "Dahlberg",
)  # fmt: skip
SWEDISH_SHARE = 0.1

# (share, youngest, oldest) age at the time the need was established.
AGE_GROUPS = ((0.04, 1, 5), (0.12, 6, 11), (0.22, 12, 17), (0.10, 18, 22), (0.52, 23, 75))
# Relative weights of the shipped protocols among those that fit the client's age; a pack's protocol gets 1.
PROTOCOL_WEIGHTS = {
    "gsh_adults": 3.0, "klt_adults": 3.5, "ipc_adults": 2.0,
    "gsh_adolescents": 1.5, "klt_adolescents": 1.5, "ipc_adolescents": 2.0, "ali": 1.0, "cool_kids": 1.0,
    "gsh_children": 1.0, "klt_children": 1.0, "gsh_small_children": 1.0,
}  # fmt: skip
CARE_STEP_BY_METHOD = {"guided_self_help": 1}  # every other method is a step-2 brief therapy
# IPC focus areas: one regional report gives conflicts 53 % and loneliness 21 %; the rest split evenly.
FOCUS_WEIGHTS = {"role_dispute": 53, "interpersonal_deficits": 21, "grief": 13, "role_transition": 13}
ICD10_ADULT = ("F32.0", "F32.1", "F41.1", "F41.0", "F41.2", "F51.0", "F43.2")
ICD10_CHILD = ("F93.0", "F93.8", "F41.1")
# The clinician's own methods in a new training vault (only methods not recorded yet are added).
DEMO_METHODS = {
    "klt_adults": "trained", "gsh_adults": "trained", "ipc_adults": "trained", "gsh_adolescents": "trained",
    "ipc_adolescents": "in_training", "klt_adolescents": "in_training", "cool_kids": "in_training",
}  # fmt: skip
NOTES = {
    "fi": ("Käynti eteni suunnitelman mukaan.", "Kotitehtävä käytiin läpi.", "Tavoitteita tarkennettiin.",
           "Harjoituksia jatketaan kotona.", ""),
    "sv": ("Besöket gick enligt planen.", "Hemuppgiften gicks igenom.", "Målen preciserades.",
           "Övningarna fortsätter hemma.", ""),
}  # fmt: skip
GUARDIAN_RELATION = {"fi": "huoltaja", "sv": "vårdnadshavare"}
ALERT_NOTE = "Harjoitusaineisto: tilanne arvioitu vastaanotolla."
MODES, MODE_WEIGHTS = ("in_person", "video", "phone"), (75, 15, 10)
DURATIONS = (30, 45, 45, 60)
_HOUR, _QUARTER = timedelta(hours=1), timedelta(minutes=15)
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))  # the version and variant bits of a UUID
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


class NotATrainingVault(VaultError):
    default_text = QT_TRANSLATE_NOOP(
        "vault",
        "This data folder holds a real vault, not a training vault. Fictitious clients are only added to "
        "training vaults: choose another data folder.",
    )


@dataclass(frozen=True)
class DemoResult:
    clients: int
    guardians: int
    courses: int
    sessions: int
    administrations: int
    waiting: int  # courses of clients under 23 still waiting for a first session
    seconds: float

    def counts(self) -> dict[str, int]:
        return {"clients": self.clients, "guardians": self.guardians, "courses": self.courses,
                "sessions": self.sessions, "administrations": self.administrations, "waiting": self.waiting}


def open_training_vault(data_dir: Path, passphrase: str, *, clinician_name: str = "Harjoitus Hoitaja",
                        role: str = "nurse", kdf_iterations: int | None = None):
    """The training vault in `data_dir`, created when the folder has none. Returns (vault, created).

    Raises NotATrainingVault (leaving the vault untouched and closed) when the folder holds a real vault.
    """
    from askel.store.vault import DataFolder, Vault

    if not DataFolder(Path(data_dir)).has_vault():
        return Vault.create(Path(data_dir), passphrase, clinician_name=clinician_name, role=role,
                            kdf_iterations=kdf_iterations, training=True), True
    vault = Vault.unlock(Path(data_dir), passphrase)
    if not vault.training:
        vault.close()
        raise NotATrainingVault()
    return vault, False


def generate(vault, library, clients: int, seed: int, *, today: date | None = None,
             progress: Callable[[int, int], None] | None = None) -> DemoResult:
    """Add `clients` fictitious clients with their courses to a training vault, in one transaction."""
    if not vault.training:
        raise NotATrainingVault()
    if clients < 0:
        raise ValueError("the number of clients cannot be negative")
    started = time.perf_counter()
    today = today or date.today()
    with vault.write() as session:
        existing_clients = session.scalar(select(func.count()).select_from(Client)) or 0
        used_hetus = set(session.scalars(select(Client.hetu).where(Client.hetu.is_not(None))))
        used_local_ids = set(session.scalars(select(Client.local_id)))
        recorded_methods = set(session.scalars(select(ClinicianMethod.method_id)))
        clinician_id = session.scalar(select(Clinician.id).limit(1))
        connection = session.connection()
        writer = _Writer(connection)
        # A larger page cache for the bulk load (random UUID keys touch index pages all over); reset afterwards.
        previous_cache = int(connection.exec_driver_sql("PRAGMA cache_size").scalar())
        connection.exec_driver_sql("PRAGMA cache_size = -262144")
        try:
            generator = _Generator(library, writer, random.Random(f"askel-demo/{seed}/{existing_clients}"), today,
                                   used_hetus, used_local_ids)
            if clinician_id is not None:
                generator.clinician_methods(clinician_id, recorded_methods)
            # The groups take some of the clients, in a vault that has none yet and is given enough of them.
            members = demo_groups.CHILDREN + demo_groups.ADULTS
            if clients < GROUPS_FROM or session.scalar(select(func.count()).select_from(TherapyGroup)):
                members = 0
            done = 0
            while done < clients - members:
                batch = min(BATCH_CLIENTS, clients - members - done)
                generator.clients(batch, force_waiting=3 if done == 0 else 0)
                writer.flush()
                done += batch
                if progress is not None:
                    progress(done, clients)
            if members:
                generator.groups(vault, session)
                if progress is not None:
                    progress(clients, clients)
        finally:
            connection.exec_driver_sql(f"PRAGMA cache_size = {previous_cache}")
            connection.exec_driver_sql("PRAGMA shrink_memory")
        result = DemoResult(clients=generator.count["client"], guardians=generator.count["guardian"],
                            courses=generator.count["course"], sessions=generator.count["session"],
                            administrations=generator.count["administration"], waiting=generator.count["waiting"],
                            seconds=0.0)
        audit.record(session, vault.actor, "create", target="demo",
                     detail={"training_data": True, "seed": seed, **result.counts()})
    return DemoResult(**{**result.__dict__, "seconds": time.perf_counter() - started})


# -- writing ---------------------------------------------------------------------------------------------------
class _Writer:
    """Rows buffered per table as tuples in column order, written with one executemany per table and batch."""

    ORDER = (Client, Guardian, ClinicianMethod, Course, Session, Administration)  # parents before children

    def __init__(self, connection):
        self.connection = connection
        dialect = connection.dialect
        self.sql: dict[str, str] = {}
        self.rows: dict[str, list[tuple]] = {}
        self._getters: dict[str, Callable[[dict], tuple]] = {}
        for model in self.ORDER:
            table = model.__table__
            names = [column.name for column in table.columns]
            compiled = insert(table).compile(dialect=dialect, column_keys=names)
            self.sql[table.name] = str(compiled)
            self._getters[table.name] = itemgetter(*(compiled.positiontup or names))
            self.rows[table.name] = []
        self._date = _converter(Client.__table__.c.birth_date, dialect, date(2024, 2, 29),
                                date.isoformat)
        self._datetime = _converter(Session.__table__.c.starts_at, dialect, datetime(2024, 2, 29, 8, 5, 3, 7),
                                    lambda value: value.isoformat(" ", "microseconds"))
        json_type = Session.__table__.c.agenda.type
        self._json_process = json_type.dialect_impl(dialect).bind_processor(dialect)
        self._json_cache: dict[object, str] = {}

    def date(self, value: date | None):
        return None if value is None else self._date(value)

    def datetime(self, value: datetime | None):
        return None if value is None else self._datetime(value)

    def json(self, value, cache_key=None) -> str:
        """JSON text exactly as the column type writes it; `cache_key` memoises values that repeat."""
        if cache_key is None:
            return self._json_process(value)
        text = self._json_cache.get(cache_key)
        if text is None:
            text = self._json_cache[cache_key] = self._json_process(value)
        return text

    def add(self, table: str, values: dict) -> None:
        self.rows[table].append(self._getters[table](values))

    def flush(self) -> None:
        for model in self.ORDER:
            name = model.__table__.name
            if self.rows[name]:
                self.connection.exec_driver_sql(self.sql[name], self.rows[name])
                self.rows[name] = []


def _converter(column, dialect, sample, fast: Callable) -> Callable:
    """The column type's own bind processor, or a C-speed equivalent when it gives the same text for `sample`."""
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return lambda value: value
    return fast if process(sample) == fast(sample) else process


# -- generating ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Person:
    id: str
    given: str
    family: str
    birth: date
    language: str
    sex: str | None


@dataclass(frozen=True)
class _SessionPlan:
    agenda_items: int
    attendees: str  # JSON
    instruments: tuple[Instrument, ...]


@dataclass
class _Scored:
    answers: str
    total: float | None
    subscales: str
    band: str | None
    alerts: str
    has_alert: bool
    facts: dict  # the other stored facts of the score (band set, prorated, missing items, limits, wording), as written


@dataclass
class _Generator:
    library: object
    writer: _Writer
    rng: random.Random
    today: date
    used_hetus: set[str]
    used_local_ids: set[str]
    count: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("client", "guardian", "course", "session", "administration", "waiting"), 0))
    _pool: dict[tuple, list[_Scored]] = field(default_factory=dict)
    _cumulative: dict[tuple, tuple[float, ...]] = field(default_factory=dict)
    _plans: dict[tuple, _SessionPlan] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.protocols: list[Protocol] = list(self.library.protocols())
        self.instruments: dict[str, Instrument] = {i.id: i for i in self.library.instruments()}
        self.total_ranges = {i.id: i.total_range() for i in self.instruments.values()}

    # -- helpers ----------------------------------------------------------------------------------------------
    def _id(self) -> str:
        """A random (version 4) UUID from the seeded generator: the same text `uuid.UUID(int=…, version=4)` gives."""
        n = self.rng.getrandbits(128) & _UUID_CLEAR | _UUID_SET
        h = f"{n:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def _local_id(self) -> str:
        while True:
            bits = self.rng.getrandbits(40)
            candidate = "AS-" + "".join(LOCAL_ID_ALPHABET[bits >> shift & 31] for shift in range(0, 40, 5))
            if candidate not in self.used_local_ids:
                self.used_local_ids.add(candidate)
                return candidate

    def _hetu(self, birth: date) -> str | None:
        """A temporary identity code (individual number 900–999) not used yet, or None if the day is full."""
        signs = ("-", "Y", "X", "W", "V", "U") if birth.year < 2000 else ("A", "B", "C", "D", "E", "F")
        digits = birth.strftime("%d%m") + f"{birth.year % 100:02d}"
        for sign in signs:
            for _ in range(40):
                number = self._int(hetu_rules.FIRST_TEMPORARY_NUMBER, 999)
                code = f"{digits}{sign}{number:03d}{hetu_rules.check_character(f'{digits}{number:03d}')}"
                if code not in self.used_hetus:
                    self.used_hetus.add(code)
                    return code
        return None

    def _weighted(self, options: Sequence, weights: Sequence[float]):
        key = tuple(weights)
        cumulative = self._cumulative.get(key)
        if cumulative is None:
            running, cumulative = 0.0, []
            for weight in key:
                running += weight
                cumulative.append(running)
            cumulative = self._cumulative[key] = tuple(cumulative)
        return options[min(bisect(cumulative, self.rng.random() * cumulative[-1]), len(options) - 1)]

    def _int(self, low: int, high: int) -> int:
        """A whole number from low to high inclusive (faster than `randint`, same distribution)."""
        return low + int(self.rng.random() * (high - low + 1))

    def _visit_time(self, day: date) -> datetime:
        while day.weekday() >= 5:  # visits on weekdays
            day += timedelta(days=1)
        return datetime.combine(day, clock_time(self._int(8, 15), 15 * int(self.rng.random() * 4)))

    # -- the clinician's methods --------------------------------------------------------------------------------
    def clinician_methods(self, clinician_id: str, recorded: set[str]) -> None:
        known = {protocol.id for protocol in self.protocols}
        for method_id, status in DEMO_METHODS.items():
            if method_id in known and method_id not in recorded:
                self.writer.add("clinician_method", {
                    "id": self._id(), "clinician_id": clinician_id, "method_id": method_id, "status": status,
                    "since": self.writer.date(self.today - timedelta(days=400 if status == "trained" else 60)),
                    "until": None,
                })

    # -- clients ------------------------------------------------------------------------------------------------
    def clients(self, n: int, force_waiting: int = 0) -> None:
        for index in range(n):
            self._client(forced_wait_days=(5, 24, 35)[index] if index < force_waiting else None)

    def _client(self, forced_wait_days: int | None) -> None:
        rng = self.rng
        waiting = forced_wait_days is not None or rng.random() < WAITING_SHARE
        if forced_wait_days is not None:
            need = self.today - timedelta(days=forced_wait_days)
        elif waiting:
            need = self.today - timedelta(days=self._int(0, 40))
        else:
            need = self.today - timedelta(days=self._int(0, HISTORY_DAYS))
        groups = AGE_GROUPS[:4] if waiting else AGE_GROUPS
        _, youngest, oldest = self._weighted(groups, [g[0] for g in groups])
        person = self._person(need, self._int(youngest, oldest))
        end = self._course(person.id, person.birth, need, person.language, waiting, person.sex)
        if end is not None and rng.random() < 0.1:
            second_need = end + timedelta(days=self._int(20, 120))
            if second_need <= self.today:
                self._course(person.id, person.birth, second_need, person.language, False, person.sex)

    def _person(self, need: date, age: int, language: str | None = None, school: str | None = None,
                names: Sequence[str] | None = None, family: str | None = None) -> _Person:
        """A client `age` years old when the need was established, with guardians if still a minor; the language
        drawn unless given, the given name from `names` and the family name `family` when given."""
        rng, writer = self.rng, self.writer
        birth = need - timedelta(days=int(age * 365.25) + self._int(1, 364))
        swedish = rng.random() < SWEDISH_SHARE if language is None else language == "sv"
        language = "sv" if swedish else "fi"
        given_list, family_list = (GIVEN_SV, FAMILY_SV) if swedish else (GIVEN_FI, FAMILY_FI)
        if names is not None:  # one given name from a list that fits the age
            given = rng.choice(names)
        else:
            given = rng.choice(given_list)
            if rng.random() < 0.3:
                given = f"{given} {rng.choice(given_list)}"
        family = family or rng.choice(family_list)
        client_id = self._id()
        # Drawn on its own (never from the identity code), and left unrecorded for some, as in real use.
        sex = self._weighted(("female", "male", None), (45, 40, 15))
        created = datetime.combine(need, clock_time(9))
        writer.add("client", {
            "id": client_id, "local_id": self._local_id(),
            "hetu": self._hetu(birth) if rng.random() < 0.97 else None,
            "given_names": given, "family_name": family, "given_key": name_key(given), "family_key": name_key(family),
            "birth_date": writer.date(birth), "language": language, "school_or_unit": school,
            "non_disclosure": int(rng.random() < 0.01), "phone": None,
            "reference_sex": sex,
            "created_at": writer.datetime(created), "updated_at": writer.datetime(created),
        })
        self.count["client"] += 1
        if age_on(birth, self.today) < 18:
            for position in range(1 if rng.random() < 0.4 else 2):
                writer.add("guardian", {
                    "id": self._id(), "client_id": client_id, "position": position,
                    "name": f"{rng.choice(given_list)} {family}", "relation": GUARDIAN_RELATION[language],
                    "phone": None,
                })
                self.count["guardian"] += 1
        return _Person(client_id, given, family, birth, language, sex)

    # -- groups --------------------------------------------------------------------------------------------------
    def groups(self, vault, session) -> None:
        """The demo groups (askel.store.demo_groups): their members as clients of their own, written now, then the
        groups through the store's functions inside this transaction, with ids from this generator."""
        start = self.today - timedelta(days=60)
        # No two members of a group from one family (a sibling staying on when the family moved away would puzzle).
        families = self.rng.sample(FAMILY_FI, demo_groups.CHILDREN + demo_groups.ADULTS)
        children = [self._person(start, self._int(8, 11), "fi", demo_groups.SCHOOL, GIVEN_FI_CHILDREN, family)
                    for family in families[:demo_groups.CHILDREN]]
        adults = [self._person(start, self._int(24, 63), "fi", family=family)
                  for family in families[demo_groups.CHILDREN:]]
        self.writer.flush()
        leader = session.scalar(select(Clinician.name).limit(1))
        with ids_from(self._id):
            counts = demo_groups.add_groups(demo_groups.InTransaction(vault, session), self.library,
                                            leader or "Harjoitus Hoitaja", children, adults, self.today)
        for key, value in counts.items():
            self.count[key] += value

    # -- courses -------------------------------------------------------------------------------------------------
    def _protocol_for(self, age: int) -> Protocol:
        fitting = [p for p in self.protocols
                   if (p.age.min_years is None or p.age.min_years <= age)
                   and (p.age.max_years is None or age <= p.age.max_years)]
        if not fitting:
            fitting = self.protocols
        return self._weighted(fitting, [PROTOCOL_WEIGHTS.get(p.id, 1.0) for p in fitting])

    def _course(self, client_id: str, birth: date, need: date, language: str, waiting: bool,
                sex: str | None) -> date | None:
        """One course; returns its end date when it finished (a later course may follow)."""
        rng, writer = self.rng, self.writer
        age = age_on(birth, need)
        protocol = self._protocol_for(age)
        young = age < DEFAULT_RULES.age_limit
        if waiting:
            first_day = self.today + timedelta(days=self._int(1, 14))
        elif young:
            first_day = need + timedelta(days=self._int(5, 28) if rng.random() < 0.85 else self._int(29, 50))
        else:
            first_day = need + timedelta(days=self._int(7, 60))
        count = protocol.session_count
        planned = max(count.min, min(count.max, count.planned + self._int(-1, 1)))
        outcome = self._weighted(("completed", "interrupted"), (0.8, 0.2))
        course_id = self._id()
        focus = None
        if protocol.focus_areas:
            areas = [area.id for area in protocol.focus_areas]
            focus = self._weighted(areas, [FOCUS_WEIGHTS.get(area, 10) for area in areas])
        icd10 = None
        if protocol.method == "klt" and rng.random() < 0.7:
            icd10 = rng.choice(ICD10_ADULT if age >= 18 else ICD10_CHILD)
        referral_options = ["first_assessment", "terapianavigaattori", "self_referral", "other", None]
        referral_weights = [45, 20, 10, 5, 5]
        if age < 18:
            referral_options.append("school")
            referral_weights.append(20)
        course = {
            "id": course_id, "client_id": client_id, "method_id": protocol.id,
            "protocol_version": protocol.version, "status": "planned", "need_established": writer.date(need),
            "start_date": None, "end_date": None, "planned_sessions": planned, "focus_area": focus, "icd10": icd10,
            "goal": None, "next_step": None, "end_reason": None, "usefulness": None,
            "care_step": None if rng.random() < 0.15 else CARE_STEP_BY_METHOD.get(protocol.method, 2),
            "referral_source": self._weighted(referral_options, referral_weights), "referral_reference": None,
            "guarantee_exception": None, "guarantee_exception_note": None,
            "delivery_format": "individual", "group_id": None, "group_joined": None, "group_join_reason": None,
            "has_dependants": (None if age < 18 else self._weighted((True, False, None), (30, 60, 10))),
            "created_at": writer.datetime(datetime.combine(need, clock_time(12))),
            "updated_at": writer.datetime(datetime.combine(need, clock_time(12))),
        }
        if course["has_dependants"] is not None:
            course["has_dependants"] = int(course["has_dependants"])
        self.count["course"] += 1
        if first_day > self.today:
            if young:
                self.count["waiting"] += 1
            writer.add("course", course)
            return None
        sessions = self._plan_sessions(first_day, planned, outcome)
        course["start_date"] = writer.date(sessions[0][0].date())
        last_visit = sessions[-1][0]
        finished = last_visit.date() < self.today - timedelta(days=3) and sessions[-1][2]
        if finished:
            course["status"] = outcome
            course["end_date"] = writer.date(last_visit.date())
            course["next_step"], course["usefulness"] = self._ending(outcome)
        else:
            course["status"] = "active"
        course["updated_at"] = writer.datetime(last_visit + timedelta(hours=1))
        writer.add("course", course)
        self._write_sessions(course_id, protocol, planned, sessions, language, Reference(age, sex),
                             bool(course["has_dependants"]), finished and outcome == "completed")
        return last_visit.date() if finished else None

    def _plan_sessions(self, first_day: date, planned: int, outcome: str) -> list[tuple[datetime, str, bool]]:
        """(start, attendance, course over after this one) for each session up to today."""
        rng = self.rng
        target = planned if outcome == "completed" else self._int(1, max(1, planned - 2))
        plan: list[tuple[datetime, str, bool]] = []
        day, attended = first_day, 0
        while attended < target and len(plan) < planned + 6:
            if day > self.today:
                return plan
            attendance = self._weighted(("attended", "cancelled", "no_show"), (88, 8, 4))
            if attendance == "attended":
                attended += 1
            plan.append((self._visit_time(day), attendance, False))
            day += timedelta(days=self._int(6, 15))
        if outcome == "interrupted" and rng.random() < 0.5 and day <= self.today:
            plan.append((self._visit_time(day), "no_show", False))
        start, attendance, _ = plan[-1]
        plan[-1] = (start, attendance, True)
        return plan

    def _ending(self, outcome: str) -> tuple[str | None, int | None]:
        if outcome == "completed":
            next_step = self._weighted(("none", "follow_up", "step_up", "specialised_care", None),
                                       (42, 33, 12, 6, 7))
            usefulness = self._weighted((1, 2, 3, 4, None), (3, 10, 40, 40, 7))
        else:
            next_step = self._weighted(("none", "follow_up", "step_up", "specialised_care", None), (20, 25, 8, 5, 42))
            usefulness = self._weighted((1, 2, 3, 4, None), (8, 12, 8, 2, 70))
        return next_step, usefulness

    # -- sessions and questionnaires ---------------------------------------------------------------------------
    def _session_plan(self, protocol: Protocol, number: int, planned: int) -> _SessionPlan:
        key = (protocol.id, protocol.version, number, planned)
        plan = self._plans.get(key)
        if plan is None:
            template = protocol.session_template(number, planned)
            participants = list(template.participants) if template is not None else ["client"]
            instruments = tuple(self.instruments[i] for i in protocol.questionnaires_for(number, planned)
                                if i in self.instruments)
            plan = self._plans[key] = _SessionPlan(
                agenda_items=len(template.agenda) if template is not None else 0,
                attendees=self.writer.json(participants, ("attendees", tuple(participants))),
                instruments=instruments,
            )
        return plan

    def _agenda(self, items: int, dependants: bool, adherence: float) -> str:
        """The agenda JSON of a held session: each protocol item (and the family item) done or not."""
        random_ = self.rng.random
        keys = items + dependants
        mask = 0
        for bit in range(keys):
            if random_() < adherence:
                mask |= 1 << bit
        cache_key = ("agenda", items, dependants, mask)
        text = self.writer._json_cache.get(cache_key)
        if text is None:
            names = [str(i) for i in range(items)] + (["family"] if dependants else [])
            text = self.writer.json({name: {"done": bool(mask >> bit & 1), "note": ""}
                                     for bit, name in enumerate(names)}, cache_key)
        return text

    def _write_sessions(self, course_id: str, protocol: Protocol, planned: int, sessions, language: str,
                        reference: Reference, dependants: bool, completed: bool) -> None:
        rng, writer, random_ = self.rng, self.writer, self.rng.random
        severity_start = rng.uniform(0.3, 0.75)
        response = self._weighted((0.65, 0.25, 0.0, -0.3), (60, 25, 10, 5))
        change = response * rng.uniform(0.6, 1.2)
        severity_end = min(0.95, max(0.02, severity_start * (1 - change)))
        adherence = rng.uniform(0.6, 1.0)
        attended = [s for s in sessions if s[1] == "attended"]
        last_attended = attended[-1][0] if attended else None
        span = max(1, len(attended) - 1)
        position = 0
        notes = NOTES[language]
        add = writer.add
        for number, (starts_at, attendance, _) in enumerate(sessions, start=1):
            session_id = self._id()
            held = attendance == "attended"
            plan = self._session_plan(protocol, number, planned)
            add("session", {
                "id": session_id, "course_id": course_id, "number": number, "kind": "method",
                "starts_at": writer.datetime(starts_at), "mode": self._weighted(MODES, MODE_WEIGHTS),
                "attendance": attendance,
                "duration_minutes": DURATIONS[int(random_() * len(DURATIONS))] if held else None,
                "attendees": plan.attendees if held else writer.json(["client"], ("attendees", ("client",))),
                "agenda": self._agenda(plan.agenda_items, dependants, adherence) if held else "{}",
                "notes": notes[int(random_() * len(notes))] if held else "",
                "homework_given": "", "homework_review": "", "closed": 1, "planned_minutes": None,
                "next_appointment": None, "group_meeting_id": None,
                "updated_at": writer.datetime(starts_at + _HOUR),
            })
            self.count["session"] += 1
            if not held:
                continue
            fraction = position / span
            position += 1
            severity = severity_start + (severity_end - severity_start) * fraction + rng.gauss(0, 0.04)
            # The clinician gives the end questionnaires at the final session, whatever its number.
            if completed and starts_at == last_attended and number != planned:
                plan = self._session_plan(protocol, planned, planned)
            for instrument in plan.instruments:
                self._administration(course_id, session_id, instrument, severity, starts_at, language, reference)

    def _respondent(self, instrument: Instrument, age: int) -> str:
        if age < 11 and "parent" in instrument.respondents:
            return "parent"
        return "client" if "client" in instrument.respondents else instrument.respondents[0]

    def _administration(self, course_id: str, session_id: str, instrument: Instrument, severity: float,
                        starts_at: datetime, language: str, reference: Reference) -> None:
        rng, writer = self.rng, self.writer
        respondent = self._respondent(instrument, reference.age or 0)
        low, high = self.total_ranges[instrument.id]
        target = round(low + max(0.0, min(1.0, severity)) * (high - low))
        variants = self._variants(instrument, respondent, target)
        scored = variants[int(rng.random() * len(variants))]
        if instrument.uses_reference_groups:  # the limit depends on this client's age and sex (AUDIT-C)
            scored = self._scored(instrument, respondent, json_loads(scored.answers), reference)
        administered = starts_at + timedelta(minutes=self._int(2, 10))
        writer.add("administration", {
            "id": self._id(), "course_id": course_id, "session_id": session_id, "instrument_id": instrument.id,
            "instrument_version": instrument.version, "respondent": respondent,
            "self_completed": int(rng.random() < 0.2), "language": language, "answers": scored.answers,
            "total": scored.total, "subscales": scored.subscales, "band": scored.band, "alerts": scored.alerts,
            **scored.facts,
            "alert_acknowledged_at": writer.datetime(administered + _QUARTER) if scored.has_alert else None,
            "alert_action_note": ALERT_NOTE if scored.has_alert else None,
            "guardian_informed": None, "guardian_note": None, "guardian_recorded_at": None,
            "administered_at": writer.datetime(administered),
        })
        self.count["administration"] += 1

    def _variants(self, instrument: Instrument, respondent: str, target: int) -> list[_Scored]:
        key = (instrument.id, instrument.version, respondent, target)
        variants = self._pool.get(key)
        if variants is None:
            # A generator of its own, so the pool is the same whichever course happens to ask first.
            local = random.Random(f"askel-demo-pool/{'/'.join(map(str, key))}")
            variants = self._pool[key] = [
                self._scored(instrument, respondent, _answers(instrument, target, local, allow_alert=(v == 0)))
                for v in range(POOL_VARIANTS)
            ]
        return variants

    def _scored(self, instrument: Instrument, respondent: str, answers: dict[str, int],
                reference: Reference | None = None) -> _Scored:
        result = score(instrument, answers, respondent, reference=reference)
        facts = stored_facts(result, instrument)
        json = self.writer.json
        return _Scored(answers=json(answers), total=result.total, subscales=json(dict(result.subscales)),
                       band=facts.pop("band"), alerts=json(facts.pop("alerts")), has_alert=bool(result.alerts),
                       facts={"band_set": facts["band_set"], "prorated": int(facts["prorated"]),
                              "missing_items": json(facts["missing_items"]), "limits": json(facts["limits"]),
                              "wording": json(facts["wording"])})


def _answers(instrument: Instrument, target: int, rng: random.Random, *, allow_alert: bool) -> dict[str, int]:
    """Answers whose scored total is about `target`: items rise one step at a time, risk items last."""
    alert_items = {rule.item for rule in instrument.scoring.alerts}
    total_items = list(dict.fromkeys(instrument.total_items()))
    levels = {item: sorted(option.value for option in instrument.options_for(item)) for item in instrument.item_ids}
    position = dict.fromkeys(total_items, 0)  # index into the item's levels
    remaining = target - sum(levels[item][0] for item in total_items)
    groups = [[item for item in total_items if item not in alert_items]]
    if allow_alert:
        groups.append([item for item in total_items if item in alert_items])
    for group in groups:
        open_items = [item for item in group if len(levels[item]) > 1]
        while remaining > 0 and open_items:
            item = rng.choice(open_items)
            steps, index = levels[item], position[item]
            step = steps[index + 1] - steps[index]
            if step > remaining:
                open_items.remove(item)
                continue
            remaining -= step
            position[item] = index + 1
            if index + 2 == len(steps):
                open_items.remove(item)
    answers: dict[str, int] = {}
    for item in instrument.item_ids:
        steps = levels[item]
        value = steps[position[item]] if item in position else rng.choice(steps)
        if instrument.item(item).reverse:
            value = steps[0] + steps[-1] - value
        answers[item] = value
    return answers
