"""Regional data sets made directly, with realistic distributions, for the benchmark and the coordinator page's tests.

Making them through hundreds of demo vaults would take hours; the shape is exactly what `askel.export.dataset`
writes (the importer checks it), the figures follow a county's first-line services: most courses are guided
self-help or short therapy, a fifth of clients are under 23, most courses end as planned after 2–6 months, the
wait from need to first session is a skewed distribution around three weeks.

    sets = data_sets(records=100_000, installations=500, year=2025, seed=1)   # one (header, records) per installation
    sealed = seal_all(sets, recipient_public_key)                             # bytes per installation, signed
"""

from __future__ import annotations

import functools
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from askel.export.dataset import FORMAT, VERSION, seal
from askel.store.installation import InstallationIdentity

METHODS = (  # (protocol id, planned sessions, weight)
    ("gsh_adults", 3, 30), ("klt_adults", 7, 18), ("ipc_adults", 6, 8), ("gsh_adolescents", 3, 10),
    ("ipc_adolescents", 6, 8), ("klt_adolescents", 7, 5), ("cool_kids", 10, 6), ("gsh_children", 3, 6),
    ("gsh_small_children", 3, 3), ("klt_children", 7, 3), ("ali", 6, 3),
)
_METHOD_WEIGHTS = tuple(((method, planned), weight) for method, planned, weight in METHODS)
YOUNG = {"gsh_adolescents": "13-17", "ipc_adolescents": "13-17", "klt_adolescents": "13-17", "cool_kids": "0-12",
         "gsh_children": "0-12", "gsh_small_children": "0-12", "klt_children": "0-12"}
ADULT_BANDS = (("18-22", 12), ("23-29", 22), ("30-44", 33), ("45-64", 26), ("65+", 7))
OUTCOMES = (("reliably_recovered", 30), ("recovered", 8), ("reliably_improved", 22), ("no_reliable_change", 22),
            ("deteriorated", 4), ("not_case_at_start", 9), ("not_enough_data", 5))
NEXT_STEPS = (("none", 62), ("follow_up", 18), ("step_up", 14), ("specialised_care", 6))
REFERRALS = (("first_assessment", 55), ("terapianavigaattori", 15), ("school", 12), ("self_referral", 13),
             ("other", 5))


_CUMULATIVE: dict[int, tuple[list, list]] = {}


def _pick(rng: random.Random, weighted):
    if id(weighted) not in _CUMULATIVE:  # the weights summed once per table, not per pick
        total, cumulative = 0, []
        for _, weight in weighted:
            total += weight
            cumulative.append(total)
        _CUMULATIVE[id(weighted)] = ([key for key, _ in weighted], cumulative)
    keys, cumulative = _CUMULATIVE[id(weighted)]
    return rng.choices(keys, cum_weights=cumulative)[0]


@functools.cache
def _month(year: int, index: int) -> str:
    """The month `index` months after January of `year` (may run into the next or previous year)."""
    year, month = year + index // 12, index % 12 + 1
    return f"{year}-{month:02d}"


@dataclass(frozen=True)
class DataSet:
    installation: InstallationIdentity
    dataset: dict


def record(rng: random.Random, year: int) -> dict:
    """One course whose months touch `year` (it may start in the year before)."""
    method, planned = _pick(rng, _METHOD_WEIGHTS)
    band = YOUNG.get(method) or _pick(rng, ADULT_BANDS)
    start = rng.randrange(-5, 12)  # months from January of `year`
    waited = max(0, int(rng.lognormvariate(2.9, 0.55)))  # median about 18 days, a long tail
    first = start + (1 if waited > 20 and rng.random() < 0.6 else 0)  # 12: not seen yet by the end of the year
    length = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6)) if planned > 3 else rng.choice((1, 1, 2, 2, 3))
    end = first + length - 1
    roll = rng.random()
    status = "active" if end >= 12 or roll < 0.05 else ("interrupted" if roll < 0.2 else "completed")
    last = min(end, 11)  # a course still under way has had its sessions up to December only
    held = last - first + 1
    if first > 11:
        attended = 0
    elif status == "completed":
        attended = max(1, planned - rng.choice((0, 0, 0, 1, 1, 2)))
    elif status == "interrupted":
        attended = rng.randint(1, planned)
    else:
        attended = max(1, round(planned * held / length) - rng.choice((0, 0, 1)))
    cancelled = rng.choice((0, 0, 0, 1, 1, 2)) if attended else 0
    no_show = rng.choice((0, 0, 0, 0, 1, 1)) if attended else 0
    months: dict[str, list[int]] = {}
    for kind, count in ((0, attended), (1, cancelled), (2, no_show)):
        for _ in range(count):
            key = _month(year, rng.randint(first, last))
            months.setdefault(key, [0, 0, 0])[kind] += 1
    ended = status in ("completed", "interrupted")
    under_23 = band in ("0-12", "13-17", "18-22")
    return {
        "course": uuid.UUID(int=rng.getrandbits(128)).hex[:32], "method": method, "protocol_version": "1",
        "care_step": rng.choice((1, 2, 2, 2, 3, None)), "referral": _pick(rng, REFERRALS), "age_band": band,
        "language": "sv" if rng.random() < 0.06 else "fi", "status": status, "start_month": _month(year, start),
        "end_month": _month(year, end) if ended else None,
        "first_treatment_month": _month(year, first) if attended else None,
        "sessions": {"planned": planned, "attended": attended, "cancelled": cancelled, "no_show": no_show},
        "sessions_by_month": dict(sorted(months.items())),
        "days_to_first_treatment": waited if attended else None,
        "guarantee": (("met" if waited <= 28 else "missed") if attended else "waiting") if under_23 else None,
        "guarantee_exception": None,
        "scores": [{"instrument": "phq9", "n": 2, "first": rng.randint(5, 24), "first_band": "moderate",
                    "first_prorated": False, "last": rng.randint(0, 20), "last_band": "mild",
                    "last_prorated": False}] if ended else [],
        "outcome": _pick(rng, OUTCOMES) if ended else None,
        "next_step": _pick(rng, NEXT_STEPS) if ended else None,
        "usefulness": rng.choice((4, 4, 4, 3, 3, 2, 1, None)) if ended else None,
        "fidelity": round(rng.uniform(0.55, 1.0), 3), "family_done": None,
    }


def data_sets(records: int, installations: int, year: int = 2025, seed: int = 1,
              units: int | None = None) -> Iterator[DataSet]:
    """`records` course records spread over `installations`, each of a unit (several clinicians share a unit)."""
    rng = random.Random(seed)
    units = units or max(1, installations // 8)
    for index in range(installations):
        count = records // installations + (1 if index < records % installations else 0)
        identity = InstallationIdentity(str(uuid.UUID(int=rng.getrandbits(128))), Ed25519PrivateKey.generate(),
                                        rng.randbytes(32))
        header = {
            "installation": identity.id, "unit_code": f"U{index % units + 1:03d}",
            "period": {"from": f"{year - 1}-07", "to": f"{year}-12"}, "software_version": "bench",
            "content_versions": {}, "outcome_preset": "nhs", "record_count": count,
            "use_log_head": {"seq": rng.randint(1, 10**6), "hash": rng.randbytes(32).hex()},
        }
        yield DataSet(identity, {"format": FORMAT, "version": VERSION, "header": header,
                                 "records": [record(rng, year) for _ in range(count)]})


def sealed(data_set: DataSet, recipient_public_key: str) -> bytes:
    return seal(data_set.dataset, data_set.installation, recipient_public_key)
