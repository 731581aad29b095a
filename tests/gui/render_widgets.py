"""Render the questionnaire widgets offscreen, in Finnish and Swedish, as PNGs to look at (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.render_widgets [output folder]

Writes to /tmp/askel-widgets/ by default: the clinician form (same and mixed languages, a refused licensed
instrument), every self-completion page, the risk alert, and the progress chart at 100 % and 200 % text size.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from askel.core.content.library import ContentLibrary  # noqa: E402
from askel.core.content.scoring import score  # noqa: E402
from askel.core.paths import resources_dir  # noqa: E402
from askel.ui import theme  # noqa: E402
from askel.ui.i18n import LanguageManager  # noqa: E402
from askel.ui.progress_chart import ProgressChart, series_for  # noqa: E402
from askel.ui.questionnaire_form import QuestionnaireForm  # noqa: E402
from askel.ui.risk_alert import RiskAlertDialog  # noqa: E402
from askel.ui.self_completion import SelfCompletionWindow  # noqa: E402

SCREEN = (1366, 768)
SAFETY = {
    "fi": "Jos asiakkaalla on itsetuhoisia ajatuksia, arvioi tilanne heti. Konsultoi päivystävää lääkäriä "
          "(puh. 09 123 4567). Älä jätä asiakasta yksin, jos vaara on välitön.",
    "sv": "Om klienten har självmordstankar, bedöm situationen genast. Konsultera jourhavande läkare "
          "(tfn 09 123 4567). Lämna inte klienten ensam om faran är akut.",
}


def settle(milliseconds: int = 30) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, folder: Path, name: str) -> Path:
    settle()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    return path


def render(app: QApplication, folder: Path) -> list[Path]:
    theme.apply(app)
    languages = LanguageManager(app)
    library = ContentLibrary.load(resources_dir())
    phq9, gad7, oasis, bdi = (library.instrument(i) for i in ("phq9", "gad7", "oasis", "bdi21"))
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for ui in ("fi", "sv"):
        languages.set_language(ui)
        other = "sv" if ui == "fi" else "fi"

        # Clinician entry: the client's language equal to the UI's, then the other one; a partial answer set.
        for client in (ui, other):
            form = QuestionnaireForm(phq9, client)
            form.resize(1100, 720)
            form.show()
            form.set_answers({"q1": 2, "q2": 3, "q3": 1, "q4": 2, "q5": 1, "q6": 2, "q7": 1, "q9": 1})
            form.rows[7].setFocus()
            written.append(save(form, folder, f"form_{ui}_client-{client}"))
            form.close()
            form.deleteLater()
        form = QuestionnaireForm(bdi, ui)
        form.resize(900, 360)
        form.show()
        written.append(save(form, folder, f"form_{ui}_refused"))
        form.close()
        form.deleteLater()

        # Self-completion in the client's language (here the UI's), one at a time and all on one page.
        window = SelfCompletionWindow(phq9, ui, lambda _p: False, staff_language=ui)
        window.resize(*SCREEN)
        window.show()
        window.questions[0].buttons[1].click()
        written.append(save(window, folder, f"self_{ui}_1_question"))
        for _ in range(8):
            window.go_next()
        written.append(save(window, folder, f"self_{ui}_2_last"))
        window.go_next()
        written.append(save(window, folder, f"self_{ui}_3_unanswered"))
        window.go_next()
        written.append(save(window, folder, f"self_{ui}_4_thanks"))
        window.open_staff_panel()
        written.append(save(window, folder, f"self_{ui}_5_staff"))
        window.dismiss()
        window.deleteLater()
        window = SelfCompletionWindow(oasis, ui, lambda _p: False, one_per_page=False, staff_language=ui)
        window.resize(*SCREEN)
        window.show()
        window.questions[0].buttons[2].click()
        written.append(save(window, folder, f"self_{ui}_6_one_page"))
        window.dismiss()
        window.deleteLater()

        # The risk alert for a PHQ-9 with question 9 answered 2.
        answers = {f"q{n}": 1 for n in range(1, 10)} | {"q9": 2}
        alert = RiskAlertDialog(score(phq9, answers).alerts, phq9.short_name.get(ui), SAFETY[ui], instrument=phq9)
        alert.show()
        written.append(save(alert, folder, f"risk_{ui}"))
        alert.note_edit.setPlainText("Soitettu päivystävälle lääkärille." if ui == "fi" else "Ringt jourläkaren.")
        written.append(save(alert, folder, f"risk_{ui}_noted"))
        alert._acknowledged = True  # let the script close it
        alert.accept()
        alert.deleteLater()

        # The progress chart: PHQ-9 over ten sessions, GAD-7 once; then at double text size; then empty.
        chart = ProgressChart()
        points = [(f"{n}.", v) for n, v in enumerate((19, 17, 14, 12, 11, 9, 8, 6, 7, 5), start=1)]
        series = [series_for(phq9, points, ui), series_for(gad7, [("1.", 14)], ui),
                  series_for(oasis, [("5.3.2026", 12), ("19.3.2026", 9)], ui)]
        chart.set_series(series)
        path = folder / f"chart_{ui}.png"
        chart.render_to_image(1100, 760).save(str(path))
        written.append(path)
        big = QFont(chart.font())
        big.setPointSizeF(big.pointSizeF() * 2)
        chart.setFont(big)
        chart.set_series(series[:2])
        path = folder / f"chart_{ui}_200.png"
        chart.render_to_image(1366, chart.sizeHint().height()).save(str(path))
        written.append(path)
        chart.resize(1000, 560)
        chart.show()
        written.append(save(chart, folder, f"chart_{ui}_widget_200"))
        chart.close()
        chart.setFont(QFont(app.font()))
        chart.set_series([])
        path = folder / f"chart_{ui}_empty.png"
        chart.render_to_image(700, 240).save(str(path))
        written.append(path)
        chart.deleteLater()
        settle()
    languages.set_language("fi")
    return written


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/askel-widgets")
    app = QApplication(sys.argv)
    for path in render(app, folder):
        print(path)


if __name__ == "__main__":
    main()
