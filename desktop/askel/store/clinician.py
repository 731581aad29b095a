"""The clinician's own profile: the methods she is trained in, training for, or mentoring others in."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from askel.store import audit
from askel.store.models import Clinician, ClinicianMethod

METHOD_STATUSES = ("trained", "in_training", "mentor")


def my_methods(vault) -> dict[str, ClinicianMethod]:
    """Method id → the clinician's record for it (methods never recorded are absent)."""
    with vault.read() as session:
        return {m.method_id: m for m in session.scalars(select(ClinicianMethod))}


def set_method(vault, method_id: str, status: str | None, since: date | None = None,
               until: date | None = None) -> None:
    """Record the clinician's status in a method; None removes it."""
    if status is not None and status not in METHOD_STATUSES:
        raise ValueError(f"unknown method status {status!r}")
    with vault.write() as session:
        clinician = session.scalars(select(Clinician).limit(1)).one()
        record = session.scalars(select(ClinicianMethod).where(ClinicianMethod.method_id == method_id)).first()
        if status is None:
            if record is not None:
                session.delete(record)
        elif record is None:
            session.add(ClinicianMethod(clinician_id=clinician.id, method_id=method_id, status=status, since=since,
                                        until=until))
        else:
            record.status, record.since, record.until = status, since, until
        audit.record(session, vault.actor, "change", target=f"my_methods:{method_id}", detail={"status": status})


def is_trained(methods: dict[str, ClinicianMethod], method_id: str) -> bool:
    return method_id in methods and methods[method_id].status in ("trained", "mentor")


def profile(vault) -> Clinician:
    """The clinician of this vault (name, role, title, Terhikki number)."""
    with vault.read() as session:
        return session.scalars(select(Clinician).order_by(Clinician.created_at).limit(1)).one()


def update_profile(vault, *, title: str | None = None, terhikki: str | None = None, role: str | None = None) -> None:
    """Change the clinician's title, Terhikki number or role (validated by the caller); logged in the use log."""
    from askel.store.models import ROLES

    if role is not None and role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    with vault.write() as session:
        clinician = session.scalars(select(Clinician).order_by(Clinician.created_at).limit(1)).one()
        changed = []
        for name, value in (("title", title), ("terhikki", terhikki), ("role", role)):
            if value is not None and getattr(clinician, name) != value:
                setattr(clinician, name, value)
                changed.append(name)
        if changed:
            audit.record(session, vault.actor, "change", target="clinician_profile", detail={"fields": changed})
    if role is not None:
        vault.actor = vault._load_actor()
