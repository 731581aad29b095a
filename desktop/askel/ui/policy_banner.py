"""A banner on every screen while IT's policy has a problem: what is wrong, where, and that Askel stays strict.

The settings it concerns are locked at their failsafe values meanwhile (`askel.core.settings`), so the banner
tells the clinician why, and gives IT support the file and the problem to fix.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel

from askel.core.settings import SettingsProblem
from askel.ui.i18n import translate

SHOWN_PROBLEMS = 3


class PolicyBanner(QLabel):
    def __init__(self, problems: list[SettingsProblem], parent=None):
        super().__init__(parent)
        self.problems = [problem for problem in problems if problem.is_policy]
        self.setObjectName("notice")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(bool(self.problems))
        self.retranslate()

    def retranslate(self) -> None:
        lines = [self.tr("There is a problem with your organisation's IT policy. Until IT corrects it, the "
                         "settings it concerns are locked at their strictest values. Tell your IT support:")]
        for problem in self.problems[:SHOWN_PROBLEMS]:
            where = problem.source.removeprefix("policy:").removeprefix("organisation:")
            if problem.key:
                where = f"{where}: {problem.key}"
            lines.append(f"• {where}: {translate(problem.message)}")
        if len(self.problems) > SHOWN_PROBLEMS:
            lines.append(self.tr("…and {count} more (the command askel policy show lists them all).")
                         .format(count=len(self.problems) - SHOWN_PROBLEMS))
        self.setText("\n".join(lines))
        self.setAccessibleName(lines[0])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
