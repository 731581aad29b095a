"""What a screen reader and a keyboard user get from a window, found through Qt's own interfaces.

`tree_problems(window, language)` walks the accessibility tree (QAccessible, the interface Qt hands to AT-SPI, UI
Automation and NSAccessibility) and lists every interactive element without a name, with a name in the wrong
language, or with a role that does not match what the widget does. `tab_walk(window)` presses Tab until the focus
comes back where it started and returns every stop; `keyboard_problems` checks that walk: no trap, every control
reached, Shift+Tab the same way back, and the order a reader meets the controls in (`expected_order`).
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir

ROOT = Path(__file__).resolve().parents[2]
Role = QAccessible.Role
INTERACTIVE = {Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText, Role.SpinBox,
               Role.List, Role.ListItem, Role.Table, Role.Tree, Role.PageTab, Role.PageTabList, Role.Slider,
               Role.Link, Role.Chart, Role.ButtonMenu, Role.ButtonDropDown}
# Roles that say nothing about what a focus stop does: a screen reader announces only "panel" or nothing.
MEANINGLESS = {Role.NoRole, Role.Client, Role.Pane, Role.Grouping, Role.Window, Role.Dialog, Role.Pane,
               Role.ScrollBar, Role.Separator, Role.Whitespace, Role.LayeredPane, Role.Section}


# -- contrast --------------------------------------------------------------------------------------------------
def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two colours (written out here, independent of the theme's own arithmetic)."""
    def luminance(name: str) -> float:
        channels = [int(name[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- the languages of texts -------------------------------------------------------------------------------------
@functools.cache
def _catalogue(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """(English sources, translations) of Askel's catalogue for `language`, without accelerators."""
    sources, translations = set(), set()
    for message in ET.parse(ROOT / "i18n" / f"askel_{language}.ts").getroot().iter("message"):
        sources.add(_plain(message.findtext("source") or ""))
        translation = message.find("translation")
        for form in list(translation.iter("numerusform")) or [translation]:
            translations.add(_plain(form.text or ""))
    return frozenset(sources), frozenset(translations)


@functools.cache
def _content(language: str) -> frozenset[str]:
    """Every questionnaire text (names, instructions, questions, answers) in `language`."""
    library = ContentLibrary.load(resources_dir())
    texts = set()
    for instrument in library.instruments():
        texts.add(instrument.name.get(language))
        for item in instrument.items:
            for respondent in instrument.respondents:
                text = instrument.text_for(item.id, respondent)
                if text is not None:
                    texts.add(text.get(language))
            for option in instrument.options_for(item.id):
                if option.label is not None:
                    texts.add(option.label.get(language))
    return frozenset(_plain(t) for t in texts if t)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def language_of(text: str) -> set[str]:
    """The languages ("fi", "sv", "en") that `text` could only be in; empty when it fits either UI language."""
    text = _plain(text)
    fi_sources, fi = _catalogue("fi")
    _, sv = _catalogue("sv")
    found = set()
    for language, own, other in (("fi", fi | _content("fi"), sv | _content("sv")),
                                 ("sv", sv | _content("sv"), fi | _content("fi"))):
        if text in own and text not in other:
            found.add(language)
    if text in fi_sources and text not in fi and text not in sv:
        found.add("en")
    return found


# -- the accessibility tree -------------------------------------------------------------------------------------
def interfaces(root):
    """Every visible element under `root` (an accessible interface), depth first."""
    stack = [root]
    while stack:
        iface = stack.pop()
        if iface is None or not iface.isValid() or iface.state().invisible:
            continue
        yield iface
        stack.extend(iface.child(i) for i in reversed(range(iface.childCount())))


def name_of(iface) -> str:
    """What a screen reader says an element is called: its name, or for a combo box (whose name is its current
    text) the label that labels it."""
    if iface.role() == Role.ComboBox:
        return " ".join(other.text(QAccessible.Text.Name) for other, relation in iface.relations()
                        if relation & QAccessible.RelationFlag.Label).strip()
    return iface.text(QAccessible.Text.Name).strip()


def _locale_language(iface) -> str:
    attributes = iface.attributesInterface()
    locale = attributes.attributeValue(QAccessible.Attribute.Locale) if attributes else None
    widget = iface.object() if isinstance(iface.object(), QWidget) else None
    if locale is None and widget is not None:
        locale = widget.locale()
    return locale.name()[:2] if locale is not None else ""


def _is_exclusive(button: QAbstractButton) -> bool:
    group = button.group()
    return button.autoExclusive() if group is None else group.exclusive()


def tree_problems(window: QWidget, language: str) -> list[str]:
    problems = []
    for iface in interfaces(QAccessible.queryAccessibleInterface(window)):
        role = iface.role()
        widget = iface.object() if isinstance(iface.object(), QWidget) else None
        what = f"{type(iface.object()).__name__} {role.name} {iface.text(QAccessible.Text.Name)!r}"
        if role in INTERACTIVE and not name_of(iface):
            problems.append(f"no name: {what}")
        for text in {name_of(iface), iface.text(QAccessible.Text.Description)} - {""}:
            languages = language_of(text)
            reported = _locale_language(iface)
            if languages and language not in languages and reported not in languages:
                problems.append(f"{sorted(languages)} text reported as {reported or '?'}: {what}: {text[:60]!r}")
        if isinstance(widget, QAbstractButton) and widget.isCheckable():
            if _is_exclusive(widget) and role not in (Role.RadioButton, Role.PageTab, Role.ListItem):
                problems.append(f"one of a group but not a radio button: {what}")
            if not _is_exclusive(widget) and role not in (Role.CheckBox, Role.PushButton):
                problems.append(f"an on/off button but not a check box: {what}")
        if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled() \
                and role in MEANINGLESS:
            problems.append(f"a Tab stop that does nothing a screen reader can name: {what}")
    return problems


# -- the keyboard -----------------------------------------------------------------------------------------------
def controls(window: QWidget) -> list[QWidget]:
    """Every visible, enabled control in `window` that a mouse user could use."""
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
             QAbstractSlider)
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget, QHeaderView | QScrollBar):
            continue
        if not widget.isVisibleTo(window) or not widget.isEnabled() or widget.window() is not window:
            continue
        parent = widget.parentWidget()
        while parent is not None and parent is not window and not isinstance(
                parent, QComboBox | QAbstractSpinBox | QAbstractItemView):
            parent = parent.parentWidget()
        if parent is not window:
            continue  # a part of a combo box, a spin box or a table (its corner button)
        found.append(widget)
    return found


def press(window: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> QWidget | None:
    """`key` on the widget with the focus in `window`; the focused widget after it (None when the focus was lost).
    The window's own focus widget, so that the walk does not depend on the window being the active one."""
    focused = window.focusWidget()
    if focused is None:
        return None
    QTest.keyClick(focused, key, modifiers)
    return window.focusWidget()


def tab_walk(window: QWidget, backwards: bool = False, limit: int = 250) -> tuple[list[QWidget], bool]:
    """Press Tab (Shift+Tab) from the focused widget until the focus is back there: (the stops in order, True), or
    (the stops so far, False) when it never comes back (a trap)."""
    focused = window.focusWidget()
    if focused is None:
        window.focusNextPrevChild(True)
    elif not focused.focusPolicy() & Qt.FocusPolicy.TabFocus:
        press(window, Qt.Key.Key_Tab)  # the focus rests on something Tab never stops at (a page after a change)
    start = window.focusWidget()
    if start is None:
        return [], False
    stops = [start]
    for _ in range(limit):
        widget = press(window, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier)
        if widget is start:
            return stops, True
        if widget is None or widget.window() is not window:
            return stops, False  # the focus was lost, or left for another window
        if widget in stops:
            return stops + [widget], False
        stops.append(widget)
    return stops, False


def _rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _reading_order(items: list[tuple[QRect, object]]) -> list[object]:
    """Boxes in reading order: rows top to bottom (cut where nothing spans the gap), and within a row columns left
    to right; what no cut separates goes by its top edge, then its left."""
    if len(items) <= 1:
        return [item for _, item in items]
    for key, start, end in ((lambda r: (r.top(), r.left()), QRect.top, QRect.bottom),
                            (lambda r: (r.left(), r.top()), QRect.left, QRect.right)):
        ordered = sorted(items, key=lambda it: key(it[0]))
        reach = end(ordered[0][0])
        for index in range(1, len(ordered)):
            if start(ordered[index][0]) > reach:
                return _reading_order(ordered[:index]) + _reading_order(ordered[index:])
            reach = max(reach, end(ordered[index][0]))
    return [item for _, item in sorted(items, key=lambda it: (it[0].top(), it[0].left()))]


def expected_order(stops: list[QWidget], window: QWidget) -> list[QWidget]:
    """The stops as a reader meets them: the window's widget tree depth first, the children of each widget in
    reading order (the sidebar before the page, a card's rows top to bottom, a row's fields left to right)."""
    children: dict[QWidget, list[QWidget]] = {}
    for stop in stops:
        widget = stop
        while widget is not window:
            parent = widget.parentWidget()
            siblings = children.setdefault(parent, [])
            if widget not in siblings:
                siblings.append(widget)
            widget = parent

    def visit(widget: QWidget) -> list[QWidget]:
        found = [widget] if widget in stops else []
        kids = children.get(widget, [])
        for kid in _reading_order([(_rect(kid, window), kid) for kid in kids]):
            found += visit(kid)
        return found

    return visit(window)


def order_problems(stops: list[QWidget], window: QWidget) -> list[str]:
    """Where the Tab round trip leaves reading order (it may start anywhere: the focus a screen opens with)."""
    expected = expected_order(stops, window)
    first = expected.index(stops[0])
    expected = expected[first:] + expected[:first]
    for index, (got, wanted) in enumerate(zip(stops, expected, strict=True)):
        if got is not wanted:
            return [f"after {_label(stops[index - 1])} Tab goes to {_label(got)}, a reader expects {_label(wanted)}"]
    return []


def _label(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return f"{type(widget).__name__}({name_of(iface)[:30]!r})"


def keyboard_problems(window: QWidget) -> list[str]:
    stops, closed = tab_walk(window)
    problems = [] if closed else [f"Tab never comes back (a trap, or the focus lost) after "
                                  f"{[_label(w) for w in stops[-3:]]}"]
    reached = set(stops)
    for widget in controls(window):
        if widget in reached:
            continue
        if isinstance(widget, QAbstractButton) and widget.isCheckable() and _is_exclusive(widget):
            group = widget.group().buttons() if widget.group() else [
                b for b in widget.parentWidget().findChildren(QAbstractButton) if b.autoExclusive()]
            if any(button in reached for button in group):
                continue  # a radio button: the arrows reach it from its group's Tab stop
        problems.append(f"not reached by Tab: {_label(widget)}")
    back, back_closed = tab_walk(window, backwards=True)
    if closed and back_closed and [stops[0], *reversed(stops[1:])] != back:
        problems.append("Shift+Tab does not go back the way Tab came")
    if closed:
        problems += order_problems(stops, window)
    return problems
