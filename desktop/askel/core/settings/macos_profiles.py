"""macOS managed preferences: the payload of a configuration profile for the domain `fi.askel.Askel`.

The MDM installs it as `/Library/Managed Preferences/fi.askel.Askel.plist`, a dictionary of setting keys, all
locked. Ownership: the plist and `/Library/Managed Preferences` belong to root and nobody else may write them
(`file_ownership.posix_problem`); a plist anyone else could have written, or one that cannot be parsed, is a
refused source.
"""

from __future__ import annotations

import plistlib
from collections.abc import Callable
from pathlib import Path

from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message
from askel.core.settings.file_ownership import ownership_problem, posix_problem
from askel.core.settings.layer import FileRefused, LayerReading, read_small_file

MAC_MANAGED_PREFERENCES = Path("/Library/Managed Preferences/fi.askel.Askel.plist")


class MacManagedPreferencesLayer:
    def __init__(self, path: Path = MAC_MANAGED_PREFERENCES,
                 ownership: Callable[[Path], Message | None] = posix_problem):
        self.path = Path(path)
        self.name = str(path)
        self._ownership = ownership

    def read(self) -> LayerReading:
        reading = LayerReading()
        source = f"policy:{self.name}"
        try:
            data = read_small_file(self.path)
            if data is None:
                return reading
            refused = ownership_problem(self._ownership, self.path)
            if refused is not None:
                raise FileRefused(refused)
        except FileRefused as error:
            return reading.refuse(source, error.message)
        try:
            content = plistlib.loads(data)
        except Exception:  # plistlib raises ValueError, ExpatError and others; a bad file must not stop the app
            content = None
        if not isinstance(content, dict):
            return reading.refuse(
                source,
                message("settings", QT_TRANSLATE_NOOP("settings", "The file is not a property list dictionary.")),
            )
        reading.locked = content
        return reading
