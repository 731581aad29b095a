"""Names of the clinician roles, client languages, contact kinds and modes in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_name(role: str) -> str:
    names = {
        "nurse": QCoreApplication.translate("roles", "Nurse"),
        "public_health_nurse": QCoreApplication.translate("roles", "Public health nurse"),
        "psychologist": QCoreApplication.translate("roles", "Psychologist"),
        "school_psychologist": QCoreApplication.translate("roles", "School psychologist"),
        "social_worker": QCoreApplication.translate("roles", "Social worker"),
        "other": QCoreApplication.translate("roles", "Other"),
    }
    return names.get(role, role)


def language_name(code: str) -> str:
    return {
        "fi": QCoreApplication.translate("roles", "Finnish"),
        "sv": QCoreApplication.translate("roles", "Swedish"),
    }.get(code, code)


def contact_kind_name(kind: str) -> str:
    """A contact that is not a session of the method (askel.core.contacts), as a noun phrase."""
    return {
        "method": QCoreApplication.translate("roles", "Session of the method"),
        "phone": QCoreApplication.translate("roles", "Phone call"),
        "message": QCoreApplication.translate("roles", "Message"),
        "guardian_meeting": QCoreApplication.translate("roles", "Meeting with a guardian"),
        "consultation": QCoreApplication.translate("roles", "Consultation"),
        "parent_meeting": QCoreApplication.translate("roles", "Parents' meeting of the method"),
        "other": QCoreApplication.translate("roles", "Other contact"),
    }.get(kind, kind)


def mode_name(mode: str) -> str:
    return {
        "in_person": QCoreApplication.translate("roles", "In person"),
        "phone": QCoreApplication.translate("roles", "Phone"),
        "video": QCoreApplication.translate("roles", "Video"),
    }.get(mode, mode)
