"""``/`` in the prompt: a list of saved prompts under the cursor, searched as one types.

Typing ``/`` at the start of the prompt or after a space opens it; the words typed after the
``/`` search the prompts' names and tags. Up/Down choose, Enter (or Tab, or a click) puts the
chosen prompt in place of ``/words``, Esc closes it and leaves the text as typed. The editor
keeps the keyboard all along: the list never takes the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from studio.settings.prompt_library import SavedPrompt, search
from studio.ui.composer.prompt import PromptEditor

MAX_QUERY = 60  # past this the "/" was a slash, not a search
TOOLTIP_CHARS = 600
NAVIGATION = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
CHOOSE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


def tr(text: str) -> str:
    return QCoreApplication.translate("PromptLibrary", text)


class SlashPopup(QFrame):
    """The list itself: a frameless window that never takes the keyboard."""

    def __init__(self, parent: QWidget) -> None:
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        super().__init__(parent, flags)
        self.setObjectName("slashPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget()
        self.list.setObjectName("slashList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.hint = QLabel(tr("↑↓ choose · Enter inserts · Esc closes"))
        self.hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)

    def fill(self, prompts: list[SavedPrompt]) -> None:
        self.list.clear()
        for prompt in prompts:
            tags = " · ".join(prompt.tags)
            item = QListWidgetItem(f"{prompt.name}    {tags}" if tags else prompt.name)
            item.setData(Qt.ItemDataRole.UserRole, prompt)
            text = prompt.text
            item.setToolTip(text if len(text) <= TOOLTIP_CHARS else text[:TOOLTIP_CHARS] + "…")
            self.list.addItem(item)
        if prompts:
            self.list.setCurrentRow(0)
        rows = min(8, max(1, len(prompts)))
        height = rows * max(self.list.sizeHintForRow(0), 20) + 2 * self.list.frameWidth()
        self.list.setFixedHeight(height)
        self.adjustSize()

    def names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole).name for i in range(self.count())]

    def count(self) -> int:
        return self.list.count()

    def current(self) -> SavedPrompt | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def step(self, key: Qt.Key) -> None:
        count = self.list.count()
        if not count:
            return
        page = 6
        moves = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }
        row = max(0, min(count - 1, self.list.currentRow() + moves.get(key, 0)))
        self.list.setCurrentRow(row)


class SlashCompleter(QObject):
    """Watches a prompt editor for ``/`` and runs the popup (the editor's ``popup_keys``)."""

    def __init__(
        self,
        editor: PromptEditor,
        prompts: Callable[[], list[SavedPrompt] | None],
        language: str,
        load: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.prompts = prompts  # None while the library is being read
        self.language = language
        self.load = load
        self.popup = SlashPopup(editor)
        self.popup.list.itemClicked.connect(
            lambda item: self._choose(item.data(Qt.ItemDataRole.UserRole))
        )
        self._anchor: int | None = None  # where the "/" is, while the popup is wanted
        editor.popup_keys = self
        editor.document().contentsChange.connect(self._contents_changed)
        editor.cursorPositionChanged.connect(self.refresh)
        editor.installEventFilter(self)

    # -- the editor's keys ------------------------------------------------------------------

    def claims(self, event: QKeyEvent) -> bool:
        keys = (*NAVIGATION, *CHOOSE, Qt.Key.Key_Escape)
        return self.is_open() and event.key() in keys

    def handle(self, event: QKeyEvent) -> bool:
        if not self.is_open():
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
            return True
        if key in NAVIGATION:
            self.popup.step(Qt.Key(key))
            return True
        if key in CHOOSE and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            chosen = self.popup.current()
            if chosen is None:
                self.close()
                return False
            self._choose(chosen)
            return True
        return False

    def is_open(self) -> bool:
        return self._anchor is not None and self.popup.isVisible()

    # -- following the text -----------------------------------------------------------------

    def _contents_changed(self, position: int, removed: int, added: int) -> None:
        if added != 1 or removed:
            return
        text = self.editor.toPlainText()
        if position < len(text) and text[position] == "/":
            before = text[position - 1] if position > 0 else ""
            if not before or before.isspace():
                self._anchor = position
                if self.prompts() is None and self.load is not None:
                    self.load()
        # the cursor moves after this: refresh() follows from cursorPositionChanged

    def query(self) -> str | None:
        """The words typed after the ``/``, or None when the popup is no longer wanted."""
        if self._anchor is None:
            return None
        text, cursor = self.editor.toPlainText(), self.editor.textCursor().position()
        anchor = self._anchor
        if anchor >= len(text) or text[anchor] != "/" or cursor <= anchor:
            return None
        typed = text[anchor + 1 : cursor]
        if "\n" in typed or "/" in typed or len(typed) > MAX_QUERY:
            return None
        return typed

    def refresh(self) -> None:
        """Show the prompts matching what follows the ``/`` (or close when nothing does)."""
        query = self.query()
        if query is None:
            self.close()
            return
        prompts = self.prompts()
        if prompts is None:  # still being read: shown when it arrives (refresh again)
            return
        found = search(prompts, query, self.language, in_text=False)
        if not found:
            self.close()
            return
        self.popup.fill(found)
        if not self.popup.isVisible():
            rect = self.editor.cursorRect()
            below = self.editor.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))
            self.popup.setMinimumWidth(min(420, max(260, self.editor.width())))
            self.popup.move(below)
            self.popup.show()

    def close(self) -> None:
        self._anchor = None
        self.popup.hide()

    def _choose(self, prompt: SavedPrompt | None) -> None:
        """The prompt's text in place of ``/words`` (one undoable edit)."""
        anchor = self._anchor
        if prompt is None or anchor is None:
            return
        end = self.editor.textCursor().position()
        self.close()
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(anchor)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(prompt.text)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if watched is self.editor and (
            kind == QEvent.Type.Hide
            or (kind == QEvent.Type.FocusOut and not self.popup.underMouse())
        ):
            self.close()
        return super().eventFilter(watched, event)
