"""One look for every screen: an 8-pixel grid, one type scale, calm high-contrast colours."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from askel.core.paths import resources_dir

GRID = 8
INK = "#1b1f24"
MUTED = "#4a5563"
ACCENT = "#0b5cad"
ACCENT_DARK = "#084785"
SURFACE = "#ffffff"
BACKGROUND = "#f3f5f8"
BORDER = "#c9d1db"
SIDEBAR = "#16324f"
DANGER = "#a4161a"
OK = "#1e6b3a"
WARNING_BG = "#fff4ce"

ICONS = (resources_dir() / "icons").as_posix()

STYLE = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QDialog, QWidget#page, QWidget#screen {{ background: {BACKGROUND}; }}
QFrame#card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px; }}
QLabel#title {{ font-size: 20pt; font-weight: 600; }}
QLabel#section {{ font-size: 13pt; font-weight: 600; }}
QLabel#caption {{ color: {MUTED}; font-size: 9pt; }}
QLabel#lead {{ color: {MUTED}; }}
QLabel#error {{ color: {DANGER}; }}
QLabel#notice {{ background: {WARNING_BG}; border: 1px solid #e0c65c; border-radius: 4px; padding: 8px; }}
QLabel#brand {{ color: white; font-size: 16pt; font-weight: 700; padding: 8px 16px; }}
QLabel#training {{ background: #6a1b9a; color: white; font-weight: 600; padding: 4px 16px; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 4px; padding: 6px 8px;
    selection-background-color: {ACCENT};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus {{
    border: 2px solid {ACCENT}; padding: 5px 7px;
}}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right; width: 24px; border: none; }}
QComboBox::down-arrow {{ image: url({ICONS}/chevron-down.svg); width: 12px; height: 12px; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 24px; border: none; background: transparent; }}
QSpinBox::up-arrow {{ image: url({ICONS}/chevron-up.svg); width: 10px; height: 10px; }}
QSpinBox::down-arrow {{ image: url({ICONS}/chevron-down.svg); width: 10px; height: 10px; }}
QLineEdit[invalid="true"] {{ border: 2px solid {DANGER}; padding: 5px 7px; }}
QPushButton {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 4px; padding: 8px 16px; min-height: 20px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; padding: 7px 15px; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: 600; }}
QPushButton#primary:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:disabled {{ background: #8aa9c9; border-color: #8aa9c9; }}
QPushButton#link {{ border: none; color: {ACCENT}; text-decoration: underline; padding: 4px; background: transparent; }}
QWidget#noticeRow {{ background: {WARNING_BG}; border: 1px solid #e0c65c; border-radius: 4px; }}
QPushButton#courseRow {{ text-align: left; padding: 12px 16px; }}
QWidget#sidebar {{ background: {SIDEBAR}; }}
QPushButton#nav {{
    background: transparent; color: #e8eef5; border: none; border-radius: 0; text-align: left;
    padding: 12px 24px; font-size: 11pt;
}}
QPushButton#nav:checked {{ background: #24507d; color: white; font-weight: 600; border-left: 4px solid #8cc4ff; }}
QPushButton#nav:hover {{ background: #1f4468; }}
QPushButton#nav:focus {{ border: 2px solid #8cc4ff; }}
QTableView {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 4px; gridline-color: #e6eaef;
    selection-background-color: #d6e6f7; selection-color: {INK}; }}
QTableView::item {{ padding: 4px 8px; }}
QListWidget {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 4px; }}
QListWidget::item {{ padding: 8px; border-bottom: 1px solid #e6eaef; }}
QListWidget::item:selected {{ background: #d6e6f7; color: {INK}; }}
QHeaderView::section {{ background: #e9edf2; border: none; border-bottom: 1px solid {BORDER}; padding: 6px 8px;
    font-weight: 600; }}
QWidget#header {{ background: {SURFACE}; border-bottom: 1px solid {BORDER}; }}
QCheckBox {{ spacing: 8px; }}
"""


BASE_POINTS = 11


def apply(app: QApplication, text_size: int = 100) -> None:
    """The look, with every text size (and the check boxes beside text) scaled to `text_size` per cent."""
    scale = text_size / 100
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * scale)
    app.setFont(font)
    indicator = round(16 * scale)
    app.setStyleSheet(re.sub(r"(\d+)pt", lambda points: f"{int(points.group(1)) * scale:g}pt", STYLE)
                      + f"QCheckBox::indicator, QRadioButton::indicator {{ width: {indicator}px; "
                        f"height: {indicator}px; }}\n")




def styled_page(widget: QWidget, name: str = "page") -> None:
    """Let the style sheet paint a plain QWidget subclass's background (Qt skips it otherwise)."""
    widget.setObjectName(name)
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
