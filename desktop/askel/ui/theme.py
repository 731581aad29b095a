"""One look for every screen: an 8-pixel grid, one type scale, calm high-contrast colours.

Askel keeps its own colours everywhere and does not mix them with the system's: a system palette would show through
wherever a style sheet does not reach (alternate table rows, radio buttons, the date picker) and clash with ours.
It follows the system's *choice* instead: a light, a dark or a high-contrast set of our own, picked from the
system's colour scheme and contrast preference, and switched when the system switches. Every pair of colours that
carries text, a component's outline or the keyboard focus is listed in `CONTRAST_PAIRS` with the WCAG 2.1 AA
minimum it must meet; a test measures every pair in every set, and docs/accessibility.md has the table
(`python -m askel.ui.theme` prints it).

Focus: every control that takes the keyboard gets a 3-pixel ring in the focus colour, drawn over the two pixels of
page around it and its own outline, so the focused state differs from the unfocused one by at least 3:1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from askel.core.paths import resources_dir

GRID = 8
BASE_POINTS = 11
ICONS = (resources_dir() / "icons").as_posix()
TEXT = 4.5  # WCAG 2.1 AA, normal text (1.4.3)
NON_TEXT = 3.0  # WCAG 2.1 AA, component outlines, states and focus indicators (1.4.11)


@dataclass(frozen=True)
class Palette:
    """The named colours of one colour set; style sheets and painted widgets take every colour from here."""

    name: str
    ink: str  # body text
    muted: str  # secondary text, placeholders
    background: str  # the page
    surface: str  # cards, inputs, tables
    alternate: str  # every second table row
    header: str  # table headers
    divider: str  # decorative lines between rows and around cards (not a component's outline)
    border: str  # the outline of an input, a button, a check box: something to click or type in
    accent: str  # links, primary buttons, the chosen answer
    accent_strong: str  # the primary button's outline, hover
    on_accent: str  # text on the accent colour
    focus: str  # the keyboard focus ring
    selection: str  # a selected row
    on_selection: str
    danger: str  # error text, the risk alert's frame
    danger_strong: str  # the risk alert's header band
    on_danger: str  # text on danger / danger_strong
    danger_soft: str  # background of the answer that raised an alert
    ok: str  # "done" marks
    warning: str  # background of notices
    warning_border: str
    on_time: str  # guarantee states (backgrounds for ink)
    at_risk: str
    overdue: str
    sidebar: str
    sidebar_ink: str
    sidebar_muted: str
    sidebar_selected: str
    sidebar_focus: str
    training: str  # the training-vault banner (text in on_accent... see CONTRAST_PAIRS)
    on_training: str
    disabled: str  # text of a disabled control (exempt from contrast rules, but kept readable)
    bands: tuple[str, ...]  # severity bands of the progress chart, lightest to strongest
    plot: str  # the chart's plot area
    icons: str  # "dark" or "light": the ink of the arrow icons on `surface`
    check: str  # "dark" or "light": the ink of the check mark on `accent`


LIGHT = Palette(
    name="light", ink="#1b1f24", muted="#4a5563", background="#f3f5f8", surface="#ffffff", alternate="#f0f3f7",
    header="#e9edf2", divider="#e1e6ec", border="#737f8c", accent="#0b5cad", accent_strong="#084785",
    on_accent="#ffffff", focus="#0a3d73", selection="#cfe0f5", on_selection="#1b1f24", danger="#a4161a",
    danger_strong="#7a0f12", on_danger="#ffffff", danger_soft="#fdeceb", ok="#1e6b3a", warning="#fff4ce",
    warning_border="#8a6d00", on_time="#e6f2ea", at_risk="#fff4ce", overdue="#f9dcdc", sidebar="#16324f",
    sidebar_ink="#e8eef5", sidebar_muted="#c9d6e3", sidebar_selected="#24507d", sidebar_focus="#8cc4ff",
    training="#6a1b9a", on_training="#ffffff", disabled="#6b7480",
    bands=("#fcfaf2", "#f7edcc", "#f1dca2", "#e8c27a", "#dba35a"), plot="#fafbfc", icons="dark", check="light",
)

DARK = Palette(
    name="dark", ink="#e9ecef", muted="#b3bcc6", background="#121417", surface="#1c1f24", alternate="#23272d",
    header="#2a2f36", divider="#343a42", border="#8a95a3", accent="#6cb0ff", accent_strong="#9ccaff",
    on_accent="#0b1a2b", focus="#f2c94c", selection="#264a73", on_selection="#ffffff", danger="#ff8a80",
    danger_strong="#8c1d22", on_danger="#ffffff", danger_soft="#3a1d1f", ok="#7fd69a", warning="#3d3413",
    warning_border="#c9a227", on_time="#1e3a2a", at_risk="#3d3413", overdue="#4a1f22", sidebar="#0d1b2a",
    sidebar_ink="#e8eef5", sidebar_muted="#b8c7d6", sidebar_selected="#1f3f63", sidebar_focus="#f2c94c",
    training="#b388ff", on_training="#120a1f", disabled="#8f98a3",
    bands=("#22252b", "#332e22", "#4a3d24", "#604b27", "#7a5a2b"), plot="#202329", icons="light", check="dark",
)

HIGH_CONTRAST = Palette(
    name="contrast", ink="#ffffff", muted="#ffffff", background="#000000", surface="#000000", alternate="#1a1a1a",
    header="#000000", divider="#ffffff", border="#ffffff", accent="#ffff00", accent_strong="#ffff00",
    on_accent="#000000", focus="#00ffff", selection="#00ffff", on_selection="#000000", danger="#ff6e6e",
    danger_strong="#000000", on_danger="#ffffff", danger_soft="#000000", ok="#7dff7d", warning="#000000",
    warning_border="#ffff00", on_time="#000000", at_risk="#000000", overdue="#000000", sidebar="#000000",
    sidebar_ink="#ffffff", sidebar_muted="#ffffff", sidebar_selected="#00007a", sidebar_focus="#00ffff",
    training="#ffff00", on_training="#000000", disabled="#c0c0c0",
    bands=("#000000", "#1c1c00", "#333300", "#4a4a00", "#616100"), plot="#000000", icons="light", check="dark",
)

PALETTES = {palette.name: palette for palette in (LIGHT, DARK, HIGH_CONTRAST)}

# (what the pair is, foreground token, background token, WCAG minimum). Text pairs need 4.5:1, outlines, states
# and focus indicators 3:1 against what surrounds them. The sidebar's selected entry uses the same tokens.
CONTRAST_PAIRS: tuple[tuple[str, str, str, float], ...] = (
    ("Body text on the page", "ink", "background", TEXT),
    ("Body text on a card, input or table", "ink", "surface", TEXT),
    ("Text on every second table row", "ink", "alternate", TEXT),
    ("Table header text", "ink", "header", TEXT),
    ("Secondary text and placeholders on the page", "muted", "background", TEXT),
    ("Secondary text and placeholders in an input", "muted", "surface", TEXT),
    ("Link text on the page", "accent", "background", TEXT),
    ("Link text on a card", "accent", "surface", TEXT),
    ("Primary button text", "on_accent", "accent", TEXT),
    ("Selected row text", "on_selection", "selection", TEXT),
    ("Error text on the page", "danger", "background", TEXT),
    ("Error text on a card", "danger", "surface", TEXT),
    ("Risk alert header text", "on_danger", "danger_strong", TEXT),
    ("Risk answer text", "ink", "danger_soft", TEXT),
    ("Notice text", "ink", "warning", TEXT),
    ("Guarantee on time", "ink", "on_time", TEXT),
    ("Guarantee at risk", "ink", "at_risk", TEXT),
    ("Guarantee overdue", "ink", "overdue", TEXT),
    ("Done mark on a card", "ok", "surface", NON_TEXT),
    ("Sidebar text", "sidebar_ink", "sidebar", TEXT),
    ("Sidebar user name", "sidebar_muted", "sidebar", TEXT),
    ("Sidebar selected entry", "sidebar_ink", "sidebar_selected", TEXT),
    ("Training banner", "on_training", "training", TEXT),
    ("Chart text on the lightest band", "ink", "bands[0]", TEXT),
    ("Chart text on the strongest band", "ink", "bands[-1]", TEXT),
    ("Chart text on the plot", "ink", "plot", TEXT),
    ("Input and button outline on a card", "border", "surface", NON_TEXT),
    ("Input and button outline on the page", "border", "background", NON_TEXT),
    ("Chosen answer against an unchosen one", "accent", "surface", NON_TEXT),
    ("Focus ring on the page", "focus", "background", NON_TEXT),
    ("Focus ring on a card", "focus", "surface", NON_TEXT),
    ("Focus ring in the sidebar", "sidebar_focus", "sidebar", NON_TEXT),
    ("Focus ring on the sidebar's selected entry", "sidebar_focus", "sidebar_selected", NON_TEXT),
    ("Focus ring on the risk alert", "focus", "surface", NON_TEXT),
)

_current: Palette = LIGHT
_text_size = 100
_scheme_override: str | None = None
_watching = False


def colours() -> Palette:
    """The colour set in use now."""
    return _current


def colour(palette: Palette, token: str) -> str:
    """A token of CONTRAST_PAIRS ("ink", "bands[0]", "bands[-1]") in `palette`."""
    match = re.fullmatch(r"(\w+)\[(-?\d+)\]", token)
    if match:
        return getattr(palette, match.group(1))[int(match.group(2))]
    return getattr(palette, token)


def luminance(value: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""
    color = QColor(value)

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def contrast_table() -> list[tuple[str, str, float, float]]:
    """(what, colour set, measured ratio, minimum) for every pair of CONTRAST_PAIRS in every colour set."""
    return [(what, palette.name, contrast(colour(palette, fg), colour(palette, bg)), minimum)
            for palette in PALETTES.values() for what, fg, bg, minimum in CONTRAST_PAIRS]


def system_scheme(app: QApplication) -> str:
    """"contrast", "dark" or "light": what the operating system asks for."""
    hints = app.styleHints()
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return "contrast"
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def stylesheet(p: Palette) -> str:
    """The application's style sheet for colour set `p`, at 100 % text size (`apply` scales the point sizes)."""
    return f"""
QWidget {{ color: {p.ink}; }}
QMainWindow, QDialog, QWidget#page, QWidget#screen {{ background: {p.background}; }}
QFrame#card {{ background: {p.surface}; border: 1px solid {p.divider}; border-radius: 8px; }}
QLabel#title {{ font-size: 20pt; font-weight: 600; }}
QLabel#section {{ font-size: 13pt; font-weight: 600; }}
QLabel#caption {{ color: {p.muted}; font-size: 9pt; }}
QLabel#lead {{ color: {p.muted}; }}
QLabel#error {{ color: {p.danger}; }}
QLabel#ok {{ color: {p.ok}; font-weight: 700; }}
QLabel#muted {{ color: {p.muted}; }}
QLabel#quote {{ color: {p.muted}; font-style: italic; }}
QLabel#accentMark {{ color: {p.accent}; font-weight: 700; }}
QLabel#mutedMark {{ color: {p.muted}; font-weight: 700; }}
QLabel#notice {{ background: {p.warning}; border: 1px solid {p.warning_border}; border-radius: 4px; padding: 8px; }}
QLabel#on_time, QLabel#at_risk, QLabel#overdue {{ border-radius: 4px; padding: 8px; }}
QLabel#on_time {{ background: {p.on_time}; }}
QLabel#at_risk {{ background: {p.at_risk}; border: 1px solid {p.warning_border}; }}
QLabel#overdue {{ background: {p.overdue}; border: 1px solid {p.danger}; }}
QLabel#brand {{ color: {p.sidebar_ink}; font-size: 16pt; font-weight: 700; padding: 8px 16px; }}
QLabel#user {{ color: {p.sidebar_muted}; padding: 8px 24px; }}
QLabel#training {{ background: {p.training}; color: {p.on_training}; font-weight: 600; padding: 4px 16px; }}
QToolTip {{ background: {p.surface}; color: {p.ink}; border: 1px solid {p.border}; padding: 4px; }}

QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit {{
    background: {p.surface}; color: {p.ink}; border: 1px solid {p.border}; border-radius: 4px; padding: 6px 8px;
    margin: 2px; selection-background-color: {p.accent}; selection-color: {p.on_accent};
    placeholder-text-color: {p.muted};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus, QDateEdit:focus {{
    border: 3px solid {p.focus}; margin: 0px;
}}
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled, QDateEdit:disabled {{ color: {p.disabled}; }}
QLineEdit[invalid="true"] {{ border: 2px solid {p.danger}; margin: 1px; }}
QLineEdit[invalid="true"]:focus {{ border: 3px solid {p.focus}; margin: 0px; }}
QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
    width: 24px; border: none; }}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({ICONS}/chevron-down-{p.icons}.svg); width: 12px;
    height: 12px; }}
QComboBox QAbstractItemView {{ background: {p.surface}; color: {p.ink}; border: 1px solid {p.border};
    selection-background-color: {p.selection}; selection-color: {p.on_selection}; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 24px; border: none; background: transparent; }}
QSpinBox::up-arrow {{ image: url({ICONS}/chevron-up-{p.icons}.svg); width: 10px; height: 10px; }}
QSpinBox::down-arrow {{ image: url({ICONS}/chevron-down-{p.icons}.svg); width: 10px; height: 10px; }}

QPushButton, QCheckBox, QRadioButton {{ outline: none; }}
QPushButton {{
    background: {p.surface}; color: {p.ink}; border: 1px solid {p.border}; border-radius: 4px; padding: 8px 16px;
    margin: 2px; min-height: 20px;
}}
QPushButton:hover {{ border-color: {p.accent}; }}
QPushButton:focus {{ border: 3px solid {p.focus}; margin: 0px; }}
QPushButton:disabled {{ color: {p.disabled}; }}
QPushButton#primary {{ background: {p.accent}; color: {p.on_accent}; border: 1px solid {p.accent_strong};
    font-weight: 600; }}
QPushButton#primary:hover {{ background: {p.accent_strong}; }}
QPushButton#primary:focus {{ border: 3px solid {p.focus}; margin: 0px; }}
QPushButton#primary:disabled {{ background: {p.divider}; color: {p.disabled}; border-color: {p.divider}; }}
QPushButton#link {{ border: 2px solid transparent; margin: 0px; color: {p.accent}; text-decoration: underline;
    padding: 2px 4px; background: transparent; }}
QPushButton#link:focus {{ border: 2px solid {p.focus}; }}
QWidget#noticeRow {{ background: {p.warning}; border: 1px solid {p.warning_border}; border-radius: 4px; }}
QPushButton#courseRow {{ text-align: left; padding: 12px 16px; }}

QWidget#sidebar {{ background: {p.sidebar}; }}
QListWidget#nav {{ background: {p.sidebar}; border: none; outline: none; font-size: 11pt; margin: 0px; }}
QListWidget#nav::item {{ color: {p.sidebar_ink}; background: transparent; padding: 10px 17px;
    border: 2px solid transparent; border-left: 4px solid transparent; }}
QListWidget#nav::item:hover {{ background: {p.sidebar_selected}; }}
QListWidget#nav::item:selected {{ background: {p.sidebar_selected}; color: {p.sidebar_ink};
    border-left: 4px solid {p.sidebar_focus}; }}
QListWidget#nav::item:focus {{ border: 2px solid {p.sidebar_focus}; border-left: 4px solid {p.sidebar_focus}; }}
QListWidget#nav:focus {{ border: none; }}
QPushButton#nav {{
    background: transparent; color: {p.sidebar_ink}; border: 3px solid transparent; border-radius: 0; margin: 0px;
    text-align: left; padding: 9px 21px; font-size: 11pt;
}}
QPushButton#nav:hover {{ background: {p.sidebar_selected}; }}
QPushButton#nav:focus {{ border: 3px solid {p.sidebar_focus}; }}

QTableView, QListWidget, QTreeWidget, QListView {{ background: {p.surface}; color: {p.ink};
    alternate-background-color: {p.alternate}; border: 1px solid {p.border}; border-radius: 4px; margin: 2px;
    gridline-color: {p.divider}; selection-background-color: {p.selection}; selection-color: {p.on_selection}; }}
QTableView:focus, QListWidget:focus, QTreeWidget:focus, QListView:focus {{ border: 3px solid {p.focus};
    margin: 0px; }}
QTableView::item {{ padding: 4px 8px; }}
QListWidget::item {{ padding: 8px; border-bottom: 1px solid {p.divider}; }}
QListWidget::item:selected, QTreeWidget::item:selected {{ background: {p.selection}; color: {p.on_selection}; }}
QHeaderView::section {{ background: {p.header}; color: {p.ink}; border: none; border-bottom: 1px solid {p.border};
    padding: 6px 8px; font-weight: 600; }}
QWidget#header {{ background: {p.surface}; border-bottom: 1px solid {p.divider}; }}

QCheckBox, QRadioButton {{ spacing: 8px; padding: 2px 4px; border: 2px solid transparent; border-radius: 4px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {p.focus}; }}
QCheckBox:disabled, QRadioButton:disabled {{ color: {p.disabled}; }}
QCheckBox::indicator, QRadioButton::indicator {{ background: {p.surface}; border: 2px solid {p.border}; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QCheckBox::indicator:checked {{ background: {p.accent}; border-color: {p.accent};
    image: url({ICONS}/check-{p.check}.svg); }}
QRadioButton::indicator:checked {{ border-color: {p.accent}; background: qradialgradient(cx: 0.5, cy: 0.5,
    radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {p.accent}, stop: 0.5 {p.accent}, stop: 0.56 {p.surface},
    stop: 1 {p.surface}); }}
QProgressBar {{ background: {p.divider}; border: 1px solid {p.border}; border-radius: 4px; text-align: center; }}
QProgressBar::chunk {{ background: {p.accent}; }}

QGroupBox#questionRow {{ background: {p.surface}; border: 1px solid {p.divider}; border-radius: 8px; margin: 0px;
    padding: 0px; }}
QLabel#questionNumber {{ font-weight: 600; color: {p.accent}; }}
QFrame#summaryBar {{ background: {p.surface}; border-top: 1px solid {p.divider}; }}
QLabel#summaryScore {{ font-weight: 600; font-size: 13pt; }}
QLabel#formAlert {{ background: {p.warning}; color: {p.ink}; border: 2px solid {p.danger}; border-radius: 4px;
    padding: 8px; font-weight: 600; }}

QDialog#riskAlert {{ background: {p.surface}; }}
QFrame#riskFrame {{ background: {p.surface}; border: 6px solid {p.danger}; }}
QFrame#riskHeader {{ background: {p.danger_strong}; border: none; }}
QLabel#riskSign {{ color: {p.on_danger}; font-size: 32pt; font-weight: 700; background: transparent; }}
QLabel#riskTitle {{ color: {p.on_danger}; font-size: 17pt; font-weight: 700; background: transparent; }}
QLabel#riskSubtitle {{ color: {p.on_danger}; font-size: 11pt; background: transparent; }}
QFrame#riskAnswer {{ background: {p.danger_soft}; border: none; border-left: 6px solid {p.danger}; }}
QLabel#riskAnswerText {{ font-weight: 600; color: {p.ink}; background: transparent; border: none; }}
QLabel#riskAnswerDetail {{ color: {p.ink}; background: transparent; border: none; }}
QLabel#riskSection {{ font-size: 12pt; font-weight: 700; }}
QLabel#riskInstructions {{ background: {p.background}; border: 1px solid {p.divider}; border-radius: 4px;
    padding: 12px; }}
QLabel#riskMuted {{ color: {p.muted}; }}
QFrame#riskMarker {{ background: {p.danger_soft}; border: 1px solid {p.danger}; border-left: 6px solid {p.danger};
    border-radius: 4px; }}
QFrame#riskMarker QLabel {{ color: {p.ink}; background: transparent; border: none; }}
QScrollArea#riskScroll, QScrollArea#riskScroll > QWidget > QWidget {{ background: {p.surface}; }}
QPushButton#riskAcknowledge {{ background: {p.danger_strong}; color: {p.on_danger}; border: 1px solid {p.danger};
    font-weight: 700; padding: 10px 24px; }}
QPushButton#riskAcknowledge:hover {{ background: {p.danger}; color: {p.surface}; }}
QPushButton#riskAcknowledge:focus {{ border: 3px solid {p.focus}; margin: 0px; }}
QPushButton#riskAcknowledge:disabled {{ background: {p.divider}; border-color: {p.divider}; color: {p.disabled}; }}
"""


def qpalette(p: Palette) -> QPalette:
    """The same colours for everything a style sheet does not paint (Qt's own dialogs, menus, scroll bars)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in ((roles.Window, p.background), (roles.WindowText, p.ink), (roles.Base, p.surface),
                        (roles.AlternateBase, p.alternate), (roles.Text, p.ink), (roles.Button, p.surface),
                        (roles.ButtonText, p.ink), (roles.BrightText, p.on_danger), (roles.Highlight, p.selection),
                        (roles.HighlightedText, p.on_selection), (roles.PlaceholderText, p.muted),
                        (roles.ToolTipBase, p.surface), (roles.ToolTipText, p.ink), (roles.Link, p.accent),
                        (roles.LinkVisited, p.accent), (roles.Accent, p.accent), (roles.Light, p.surface),
                        (roles.Midlight, p.divider), (roles.Mid, p.border), (roles.Dark, p.border),
                        (roles.Shadow, p.ink)):
        palette.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.disabled))
    return palette


def apply(app: QApplication, text_size: int | None = None, scheme: str | None = None) -> None:
    """The look, with every text size (and the check boxes beside text) scaled to `text_size` per cent (None keeps
    the last), in the colour set `scheme` ("light", "dark", "contrast"; None follows the system)."""
    global _current, _text_size, _scheme_override, _watching
    if text_size is not None:
        _text_size = text_size
    if scheme is not None:
        _scheme_override = scheme if scheme in PALETTES else None
    _current = PALETTES[_scheme_override or system_scheme(app)]
    scale = _text_size / 100
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * scale)
    app.setFont(font)
    app.setStyle("Fusion")  # the one built-in style that paints everything from the palette
    app.setPalette(qpalette(_current))
    indicator = round(16 * scale)
    app.setStyleSheet(re.sub(r"(\d+)pt", lambda points: f"{int(points.group(1)) * scale:g}pt", stylesheet(_current))
                      + f"QCheckBox::indicator, QRadioButton::indicator {{ width: {indicator}px; "
                        f"height: {indicator}px; }}\n"
                        f"QRadioButton::indicator {{ border-radius: {indicator // 2 + 1}px; }}\n")
    if not _watching:
        _watching = True
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: apply(app))
        hints.accessibility().contrastPreferenceChanged.connect(lambda _preference: apply(app))


def styled_page(widget: QWidget, name: str = "page") -> None:
    """Let the style sheet paint a plain QWidget subclass's background (Qt skips it otherwise)."""
    widget.setObjectName(name)
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)


def _markdown_table() -> str:
    rows = ["| Pair | " + " | ".join(PALETTES) + " | Minimum |", "|---|" + "---:|" * len(PALETTES) + "---:|"]
    measured = {(what, name): ratio for what, name, ratio, _ in contrast_table()}
    for what, _fg, _bg, minimum in CONTRAST_PAIRS:
        ratios = " | ".join(f"{measured[(what, name)]:.2f}" for name in PALETTES)
        rows.append(f"| {what} | {ratios} | {minimum:g} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(_markdown_table())
