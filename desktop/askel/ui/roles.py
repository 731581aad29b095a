"""Names of the clinician roles and client languages in the UI language."""

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
