"""Small building blocks shared by every screen: cards, form rows, titles, wrapping rows, columns, scrolling pages."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from askel.ui.theme import GRID, styled_page


class Card(QFrame):
    """A white panel on the grey page: groups what belongs together."""

    def __init__(self, parent: QWidget | None = None, margin: int = 3 * GRID):
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(margin, margin, margin, margin)
        self.body.setSpacing(2 * GRID)


class Field(QWidget):
    """A label above an input, a hint or an inline error below it; the label names the input for screen readers."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.label = QLabel()
        self.label.setBuddy(editor)
        self.hint = QLabel()
        self.hint.setObjectName("caption")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID // 2)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)

    def set_text(self, label: str, hint: str = "", required: bool = False) -> None:
        """The label (with "(required)" after it when `required`: seen, and said with the name) and the hint
        (a screen reader's description of the input, until an error takes its place)."""
        if required:
            label = QCoreApplication.translate("Field", "{label} (required)").format(label=label)
        self.label.setText(label)
        self.editor.setAccessibleName(label.replace("&", ""))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        if not self.has_error():
            self.editor.setAccessibleDescription(hint)

    def has_error(self) -> bool:
        return bool(self.error.text())

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.setProperty("invalid", bool(text))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
        self.editor.setAccessibleDescription(text or self.hint.text())  # the error belongs to the field


def restyle(widget: QWidget, name: str) -> None:
    """Give `widget` the theme's look for `name` (an object name in the style sheet) and repaint it."""
    widget.setObjectName(name)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_busy(widgets, busy: bool) -> None:
    """Disable `widgets` while work runs in the background, except the one with the keyboard focus: disabling it
    would throw the focus onto an unrelated control and back. That one stays enabled (a text field read-only), so
    what it starts must check that nothing is running."""
    for widget in widgets:
        editable = isinstance(widget, QLineEdit | QPlainTextEdit)
        if busy and widget.window().focusWidget() is widget:  # (the window's focus, active window or not)
            if editable:
                widget.setReadOnly(True)
            continue
        widget.setEnabled(not busy)
        if editable and not busy:
            widget.setReadOnly(False)


def focus_first(container: QWidget) -> None:
    """Give the keyboard to the first control of `container` that Tab stops at (a page just opened)."""
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if container.isAncestorOf(widget) and widget.isVisibleTo(container) and widget.isEnabled() and \
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        widget = widget.nextInFocusChain()


def reveal(widget: QWidget) -> None:
    """Scroll every scroll area around `widget` so that it is in view (a message that appeared below the fold)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, GRID)
        parent = parent.parentWidget()


def line_edit(password: bool = False, max_length: int = 100) -> QLineEdit:
    editor = QLineEdit()
    editor.setMaxLength(max_length)
    if password:
        editor.setEchoMode(QLineEdit.EchoMode.Password)
        editor.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
    return editor


def title(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName("title")
    widget.setAccessibleName(text)
    widget.setWordWrap(True)  # a long method name at a large text size must not widen the window
    return widget


def caption(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName("caption")
    widget.setWordWrap(True)
    return widget


def lead(text: str = "") -> QLabel:
    """An explanatory paragraph under a title: body size, muted colour."""
    widget = QLabel(text)
    widget.setObjectName("lead")
    widget.setWordWrap(True)
    return widget


class FlowLayout(QLayout):
    """Widgets side by side, wrapping onto the next line when the width runs out (at large text sizes or on a
    1366-pixel screen a row of buttons must not widen the window). Items keep their size hints and line up at the
    bottom of their line (a button beside a labelled field sits level with the field's input); an item added with
    `stretch_before=True`, and those after it, go to the right edge of their line (a "finish" button set apart)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = GRID):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right: set[int] = set()
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, widget: QWidget, stretch_before: bool = False) -> None:  # noqa: N802 - Qt's name
        if stretch_before:
            self._right.add(len(self._items))
        super().addWidget(widget)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        if not 0 <= index < len(self._items):
            return None
        self._right = {i - (i > index) for i in self._right if i != index}
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = sum(i.sizeHint().width() for i in self._visible()) + self.spacing() * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, bool]]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            width = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + width > area.width():
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + width
            lines[-1].append((item, index in self._right))
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item, _ in line)
            if move:
                # Items marked for the right edge, and all after them on the line, are laid out from the right.
                split = next((n for n, (_, right) in enumerate(line) if right), len(line))
                x = area.x()
                for item, _ in line[:split]:
                    item.setGeometry(QRect(QPoint(x, y + height - item.sizeHint().height()), item.sizeHint()))
                    x += item.sizeHint().width() + self.spacing()
                x = area.right() + 1
                for item, _ in reversed(line[split:]):
                    x -= item.sizeHint().width()
                    item.setGeometry(QRect(QPoint(x, y + height - item.sizeHint().height()), item.sizeHint()))
                    x -= self.spacing()
            y += height + self.spacing()
        return y - self.spacing() - area.y() + margins.top() + margins.bottom()


class Columns(QWidget):
    """Panels side by side, or one under another when the width does not give each its minimum (a large text size,
    a 1366-pixel screen): the page then grows taller and scrolls, instead of widening the window."""

    def __init__(self, spacing: int = 3 * GRID, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(spacing)

    def add(self, widget: QWidget, stretch: int = 1, top_aligned: bool = False) -> None:
        if top_aligned:
            self._layout.addWidget(widget, stretch, Qt.AlignmentFlag.AlignTop)
        else:
            self._layout.addWidget(widget, stretch)

    def is_side_by_side(self) -> bool:
        return self._layout.direction() == QBoxLayout.Direction.LeftToRight

    def _panels(self) -> list[QWidget]:
        items = (self._layout.itemAt(index) for index in range(self._layout.count()))
        return [item.widget() for item in items if item.widget() is not None and not item.widget().isHidden()]

    def _side_by_side_width(self) -> int:
        panels = self._panels()
        return sum(p.minimumSizeHint().width() for p in panels) + self._layout.spacing() * max(0, len(panels) - 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # As narrow as the widest panel: below the side-by-side width the panels stack.
        width = max((p.minimumSizeHint().width() for p in self._panels()), default=0)
        return QSize(width, self._layout.minimumSize().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        wanted = (QBoxLayout.Direction.LeftToRight if event.size().width() >= self._side_by_side_width()
                  else QBoxLayout.Direction.TopToBottom)
        if self._layout.direction() != wanted:
            self._layout.setDirection(wanted)
            self.updateGeometry()
        super().resizeEvent(event)


class VerticalScroll(QScrollArea):
    """Scrolls up and down only, is never narrower than its content needs (nothing is cut off at the right), and
    asks for the content's full height (the window decides how much of it fits on the screen)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        needed = max(content.minimumSizeHint().width(), content.minimumWidth())  # a dialog body's min_width too
        width = needed + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # All of the content when the screen has room (QScrollArea's own hint stops at about 24 lines).
        content = self.widget()
        if content is None:
            return super().sizeHint()
        extra = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return content.sizeHint() + QSize(extra, 2 * self.frameWidth())

    def event(self, event: QEvent) -> bool:
        # The content's minimum changes as it is translated and styled: let the layouts around ask again.
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().event(event)


def scrolling(content: QWidget) -> VerticalScroll:
    """`content` in a frameless scroll area that scrolls up and down only: a page or dialog body that may be taller
    than the screen (a long plan, a large text size, a 768-pixel screen) scrolls instead of being squeezed."""
    styled_page(content)
    scroll = VerticalScroll()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: moving the focus scrolls what it reaches
    scroll.setWidget(content)
    return scroll


def dialog_layout(dialog: QWidget, heading: QWidget, body: QVBoxLayout, buttons: QLayout, min_width: int = 0) -> None:
    """A dialog's frame: its heading, then its body, which scrolls when taller than the screen (a large text size,
    a 768-pixel screen), then its buttons, always in view. `min_width` goes on the body, not on the dialog: a fixed
    minimum on a window stops it growing to what its layout needs, and the body would be cut off at the right."""
    content = QWidget()
    content.setLayout(body)
    content.setMinimumWidth(min_width)
    body.setContentsMargins(0, 0, 0, 0)
    body.setSpacing(2 * GRID)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
    layout.setSpacing(2 * GRID)
    layout.addWidget(heading)
    layout.addWidget(scrolling(content), 1)
    layout.addLayout(buttons)


class NavigationList(QListWidget):
    """The areas of the program in the sidebar: a list a screen reader announces as such ("Clients, selected,
    1 of 4"), one Tab stop. Up / Down move between the entries without opening them; Enter, Space or a click opens
    one (`chosen` with its key). The open area is the selected entry; `set_current` keeps it so."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("nav")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)  # selected = open (set_current)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTabKeyNavigation(False)
        self.itemClicked.connect(lambda item: self.chosen.emit(item.data(Qt.ItemDataRole.UserRole)))

    def add(self, key: str) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.addItem(item)
        self._fit()

    def set_text(self, key: str, text: str) -> None:
        self._item(key).setText(text)
        self._fit()

    def set_current(self, key: str) -> None:
        """Show `key` as the open area (the keyboard's place in the list moves with it)."""
        index = self.indexFromItem(self._item(key))
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect)

    def selectionCommand(self, index, event=None):  # noqa: N802 - Qt's name
        return QItemSelectionModel.SelectionFlag.NoUpdate  # arrows and clicks move, only set_current selects

    def current_key(self) -> str:
        selected = self.selectedItems()
        return selected[0].data(Qt.ItemDataRole.UserRole) if selected else ""

    def text(self, key: str) -> str:
        return self._item(key).text()

    def _item(self, key: str) -> QListWidgetItem:
        return next(self.item(row) for row in range(self.count())
                    if self.item(row).data(Qt.ItemDataRole.UserRole) == key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentItem():
            self.chosen.emit(self.currentItem().data(Qt.ItemDataRole.UserRole))
            event.accept()
            return
        super().keyPressEvent(event)

    def _fit(self) -> None:
        """Exactly as tall as its entries (it never scrolls) and as wide as the longest."""
        self.ensurePolished()
        self.setFixedHeight(sum(self.sizeHintForRow(row) for row in range(self.count())) + 2 * self.frameWidth())
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.sizeHintForColumn(0) + 2 * self.frameWidth(), self.height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
        super().changeEvent(event)


class _CtrlTabLeaves(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.modifiers() & Qt.KeyboardModifier.ControlModifier and \
                event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            watched.focusNextPrevChild(event.key() == Qt.Key.Key_Tab
                                       and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return True
        return False


def tab_leaves(view: QAbstractItemView) -> None:
    """Tab, Shift+Tab and Ctrl+Tab move on past `view` instead of through its cells; the arrows move inside it."""
    view.setTabKeyNavigation(False)
    view.installEventFilter(_CtrlTabLeaves(view))
